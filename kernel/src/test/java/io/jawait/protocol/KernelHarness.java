package io.jawait.protocol;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Starts a kernel around a {@link ScriptedInterpreter} on fresh loopback ports, with a connected client. */
final class KernelHarness implements AutoCloseable {
    static final String KEY = "a0436f6c-1916-498b-8eb9-e81ab9368e84";
    final ScriptedInterpreter interpreter = new ScriptedInterpreter();
    final CompletableFuture<Integer> exitStatus = new CompletableFuture<>();
    final ConnectionInfo info;
    final Kernel kernel;
    final WireClient client;

    KernelHarness() throws IOException {
        ConnectionInfo ports = null;
        Kernel started = null;
        // a port chosen free can be taken by another process before the kernel binds it: choose again
        for (int attempt = 1; started == null; attempt++) {
            ports = WireClient.freshConnection(KEY);
            var candidate = new Kernel(ports, interpreter, exitStatus::complete);
            try {
                candidate.start();
                started = candidate;
            } catch (IllegalStateException taken) {
                if (attempt == 3) {
                    throw taken;
                }
            }
        }
        info = ports;
        kernel = started;
        client = new WireClient(info);
        client.awaitReady();
    }

    /** Shuts the kernel down through control and returns its exit status. */
    int shutdown(boolean restart) throws Exception {
        JsonObject c = new JsonObject();
        c.addProperty("restart", restart);
        client.send(client.control, "shutdown_request", c);
        Message reply = client.receive(client.control);
        if (!reply.type().equals("shutdown_reply")) {
            throw new AssertionError("expected shutdown_reply, got " + reply.type());
        }
        return exitStatus.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (!exitStatus.isDone()) {
            interpreter.release.countDown();
            interpreter.lateGo.countDown();
            shutdown(false);
        }
        client.close();
    }
}
