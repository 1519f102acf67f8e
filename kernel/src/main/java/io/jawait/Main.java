package io.jawait;

import io.jawait.engine.JShellInterpreter;
import io.jawait.engine.StartupCpus;
import io.jawait.magic.Magics;
import io.jawait.protocol.ConnectionInfo;
import io.jawait.protocol.Interpreter;
import io.jawait.protocol.Kernel;
import io.jawait.runner.RunCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

/** {@code kernel CONNECTION_FILE} serves Jupyter; {@code run NOTEBOOK...} executes notebooks headless. */
public final class Main {
    static final String USAGE = """
            usage: java -jar jawait-kernel.jar kernel CONNECTION_FILE
                   java -jar jawait-kernel.jar run [--out DIR | --in-place] [--timeout SECONDS] NOTEBOOK.ipynb...""";
    /** What {@link #run} returns when the kernel now runs on its own threads and exits by itself. */
    static final int SERVING = -1;

    private Main() {}

    public static void main(String[] args) {
        int status = run(args, Main::interpreter, System.out, System.err);
        if (status != SERVING) {
            System.exit(status);
        }
    }

    private static Interpreter interpreter() {
        return new JShellInterpreter(new Magics());
    }

    static int run(String[] args, Supplier<Interpreter> interpreters, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        return switch (args[0]) {
            case "kernel" -> serve(args, interpreters, err);
            case "run" -> new RunCommand(interpreters, out, err).run(Arrays.asList(args).subList(1, args.length));
            default -> {
                err.println("jawait: unknown command '" + args[0] + "'");
                err.println(USAGE);
                yield 2;
            }
        };
    }

    private static int serve(String[] args, Supplier<Interpreter> interpreters, PrintStream err) {
        if (args.length != 2) {
            err.println(USAGE);
            return 2;
        }
        StartupCpus.confineJitWhileStarting();
        try {
            ConnectionInfo info = ConnectionInfo.read(Path.of(args[1]));
            new Kernel(info, interpreters.get(), System::exit).start();
            return SERVING;
        } catch (IOException | RuntimeException e) {
            err.println("jawait: cannot start the kernel: " + e.getMessage());
            return 1;
        }
    }
}
