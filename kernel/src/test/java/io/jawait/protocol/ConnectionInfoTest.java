package io.jawait.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionInfoTest {
    @TempDir
    Path dir;

    @Test
    void a_connection_file_gives_ports_key_scheme_and_endpoints_on_its_own_address() throws IOException {
        Path f = dir.resolve("kernel.json");
        Files.writeString(f, """
                {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004,
                 "hb_port": 5005, "ip": "10.1.2.3", "key": "k3y", "transport": "tcp",
                 "signature_scheme": "hmac-sha256", "kernel_name": "jawait"}""");
        ConnectionInfo c = ConnectionInfo.read(f);
        assertEquals(5001, c.shellPort());
        assertEquals(5005, c.hbPort());
        assertEquals("k3y", c.key());
        assertEquals("tcp://10.1.2.3:5004", c.endpoint(c.controlPort()));
    }

    @Test
    void a_missing_port_or_broken_file_is_a_clear_io_error() throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"shell_port\": 1}");
        var e = assertThrows(IOException.class, () -> ConnectionInfo.read(f));
        assertTrue(e.getMessage().contains("control_port") || e.getMessage().contains("iopub_port"), e.getMessage());
        Files.writeString(f, "not json");
        assertThrows(IOException.class, () -> ConnectionInfo.read(f));
        assertThrows(IOException.class, () -> ConnectionInfo.read(dir.resolve("absent.json")));
    }
}
