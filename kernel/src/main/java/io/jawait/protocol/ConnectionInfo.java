package io.jawait.protocol;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The connection file a front end writes for a kernel: where to bind and how to sign. */
public record ConnectionInfo(String transport, String ip, int shellPort, int controlPort, int iopubPort,
                             int stdinPort, int hbPort, String key, String signatureScheme) {

    /**
     * Reads a connection file.
     *
     * @throws IOException when the file cannot be read or lacks a field
     */
    public static ConnectionInfo read(Path file) throws IOException {
        try {
            return parse(Files.readString(file));
        } catch (RuntimeException e) {
            throw new IOException("bad connection file " + file + ": " + e.getMessage(), e);
        }
    }

    static ConnectionInfo parse(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        return new ConnectionInfo(
                text(o, "transport", "tcp"), text(o, "ip", "127.0.0.1"),
                port(o, "shell_port"), port(o, "control_port"), port(o, "iopub_port"),
                port(o, "stdin_port"), port(o, "hb_port"),
                text(o, "key", ""), text(o, "signature_scheme", "hmac-sha256"));
    }

    /** The ZeroMQ endpoint of one port, on the connection file's address only. */
    public String endpoint(int port) {
        return transport.equals("ipc") ? "ipc://" + ip + "-" + port : transport + "://" + ip + ":" + port;
    }

    private static String text(JsonObject o, String name, String fallback) {
        return o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsString() : fallback;
    }

    private static int port(JsonObject o, String name) {
        if (!o.has(name)) {
            throw new IllegalArgumentException("missing " + name);
        }
        return o.get(name).getAsInt();
    }
}
