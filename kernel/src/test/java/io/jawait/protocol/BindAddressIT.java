package io.jawait.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The kernel listens only on the connection file's address (Linux: all of 127/8 is loopback). */
class BindAddressIT {
    @Test
    void sockets_bind_only_to_the_address_in_the_connection_file() throws Exception {
        ConnectionInfo loopback = WireClient.freshConnection(KernelHarness.KEY);
        ConnectionInfo info = new ConnectionInfo("tcp", "127.0.0.2", loopback.shellPort(), loopback.controlPort(),
                loopback.iopubPort(), loopback.stdinPort(), loopback.hbPort(), KernelHarness.KEY, "hmac-sha256");
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        new Kernel(info, new ScriptedInterpreter(), exit::complete).start();
        try (WireClient client = new WireClient(info)) {
            client.awaitReady();
            for (int port : new int[] {info.shellPort(), info.controlPort(), info.iopubPort(), info.stdinPort(),
                    info.hbPort()}) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.2", port), 2000);
                }
                assertThrows(IOException.class, () -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                    }
                }, "port " + port + " answers on 127.0.0.1");
            }
            client.send(client.control, "shutdown_request", new com.google.gson.JsonObject());
            client.receive(client.control);
            assertEquals(0, exit.get(10, TimeUnit.SECONDS));
        }
    }
}
