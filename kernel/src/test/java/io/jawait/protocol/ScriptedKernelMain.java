package io.jawait.protocol;

import java.io.IOException;
import java.nio.file.Path;

/** Runs the protocol layer around {@link ScriptedInterpreter}, to drive it with Python's jupyter_client. */
public final class ScriptedKernelMain {
    private ScriptedKernelMain() {}

    public static void main(String[] args) throws IOException {
        new Kernel(ConnectionInfo.read(Path.of(args[0])), new ScriptedInterpreter(), System::exit).start();
    }
}
