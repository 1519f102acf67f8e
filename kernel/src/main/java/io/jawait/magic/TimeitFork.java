package io.jawait.magic;

import io.jawait.timing.ForkedTimeit;
import io.jawait.timing.TimeitResult;
import io.jawait.timing.TimeitRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %timeit -f}: the loop class compiled as a program of its own (the cells' imports and class path, none
 * of their variables, methods or classes) and timed in a fresh JVM, as JMH forks, by {@link ForkedTimeit}. The
 * fork's output reaches the cell as it comes; an interrupt ends the fork.
 */
final class TimeitFork {
    private static final String FORK = "the forked JVM";

    private TimeitFork() {}

    /** A loop class compiled for the fork. */
    private record Loop(String className, MagicContext.Standalone program) {}

    static TimeitResult run(Invocation call, TimeitSource source, TimeitRunner runner, MagicContext ctx)
            throws CellException {
        Loop loop;
        try {
            loop = TimeitMagic.compile(call, source, consume -> {
                TimeitSource.Generated text = source.classSource(consume);
                String name = source.className(consume);
                return new Loop(name, ctx.compileStandalone(name, text.text(), text.toCell()));
            });
        } catch (CellException e) {
            if (!e.ename().equals("CompilationError")) {
                throw e;
            }
            List<String> traceback = new ArrayList<>(e.traceback());
            traceback.add("note: " + call.display() + " -f compiles the statement as a program of its own, to run in "
                    + "a fresh JVM: it has the cells' imports and class path, not the variables, methods and classes "
                    + "they declared");
            throw new CellException(e.ename(), e.getMessage(), traceback);
        }
        try (MagicContext.Standalone program = loop.program()) {
            Path result = program.classPath().getFirst().resolve("timeit-result.properties");
            Process fork = start(call, ForkedTimeit.command(program.classPath(), result, loop.className(), runner));
            Thread stdout = ScriptMagic.pump(fork.getInputStream(), ctx.out()::stdout, "timeit-fork");
            Thread stderr = ScriptMagic.pump(fork.getErrorStream(), ctx.out()::stderr, "timeit-fork");
            ScriptMagic.awaitEnd(fork, stdout, stderr, ctx, FORK);
            if (!Files.isRegularFile(result)) {
                throw new CellException("ChildProcessError", call.display() + " -f: " + FORK + " ended (exit status "
                        + fork.exitValue() + ") before it reported its runs");
            }
            return ForkedTimeit.read(result, program.compileNanos(), program.where());
        } catch (ForkedTimeit.Thrown t) {
            throw new CellException(t.className(), t.getMessage(), t.traceback());
        } catch (IOException e) {
            throw new CellException("OSError", call.display() + " -f: cannot read what " + FORK + " reported: "
                    + e.getMessage());
        }
    }

    private static Process start(Invocation call, List<String> command) throws CellException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(EnvMagic.overrides());
        try {
            Process fork = builder.start();
            fork.getOutputStream().close(); // the statement reads no input in a fork
            return fork;
        } catch (IOException e) {
            throw new CellException("OSError", call.display() + " -f: cannot start a JVM (" + command.getFirst()
                    + "): " + e.getMessage());
        }
    }
}
