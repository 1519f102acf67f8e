package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.protocol.ExecuteOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code %timeit -f} through the real engine: the statement timed in a JVM of its own. */
class TimeitForkTest extends MagicsTestKit {
    private static final Pattern IPYTHON_LINE = Pattern.compile(
            "[\\d.]+ (ns|µs|ms|s) ± [\\d.]+ (ns|µs|ms|s) per loop "
                    + "\\(mean ± std\\. dev\\. of 3 runs, 100 loops each\\)\n");

    private String ok(String code, RecordingOutput out) {
        ExecuteOutcome outcome = exec(code, out);
        if (outcome instanceof ExecuteOutcome.Error e) {
            throw new AssertionError(e.ename() + ": " + e.evalue() + "\n" + traceback(e));
        }
        return out.stdout();
    }

    @Test
    void the_statement_runs_in_another_jvm_and_the_line_is_ipythons() {
        String out = ok("%timeit -f -n 1 -r 1 -w 0 System.out.println(\"pid \" + ProcessHandle.current().pid())",
                new RecordingOutput(false));
        Matcher pid = Pattern.compile("pid (\\d+)\n").matcher(out);
        assertTrue(pid.find(), out);
        assertNotEquals(ProcessHandle.current().pid(), Long.parseLong(pid.group(1)), out);
        assertFalse(pid.find(), "-n 1 -r 1 -w 0 runs the statement once: " + out);
        String line = ok("%timeit -f -n 100 -r 3 Math.sqrt(2.0)", new RecordingOutput(false));
        assertTrue(IPYTHON_LINE.matcher(line).matches(), line);
    }

    @Test
    void o_returns_the_runs_and_the_forks_environment() {
        ok("var forked = %timeit -f -o -q -n 100 -r 3 -w 2 \"x\".repeat(10)", new RecordingOutput(false));
        assertEquals("3 100", execSuccess("forked.runs() + \" \" + forked.loops()").replace("\"", ""));
        // the fork's own flags: the kernel gives it UTF-8 output, which the kernel's JVM was not started with
        assertEquals("true", execSuccess("forked.environment().jvmFlags().contains(\"-Dstdout.encoding=UTF-8\")"));
        assertEquals("true", execSuccess("forked.compileNanos() > 0"));
    }

    @Test
    void the_cells_imports_reach_the_fork_and_their_variables_are_named_when_used() {
        ok("import java.util.concurrent.atomic.LongAdder;", new RecordingOutput(false));
        ok("%timeit -f -q -n 10 -r 1 -w 0 new LongAdder().sum()", new RecordingOutput(false));
        ok("int forkBase = 3;", new RecordingOutput(false));
        var e = execError("%timeit -f -n 10 -r 1 forkBase * 2");
        assertEquals("CompilationError", e.ename(), traceback(e));
        assertTrue(e.evalue().contains("variable forkBase"), e.evalue());
        assertTrue(traceback(e).contains("line 1, column 23: cannot find symbol"), traceback(e));
        assertTrue(traceback(e).contains("not the variables, methods and classes they declared"), traceback(e));
        assertFalse(traceback(e).contains("$Timeit"), traceback(e));
        // without -f the same statement times in the session, where forkBase is
        ok("%timeit -q -n 10 -r 1 -w 0 forkBase * 2", new RecordingOutput(false));
    }

    @Test
    void what_the_statement_throws_ends_the_cell_with_the_cells_line() {
        var e = execError("%timeit -f -n 1 -r 1 -w 0 Integer.parseInt(\"x\")");
        assertEquals("java.lang.NumberFormatException", e.ename(), traceback(e));
        assertEquals("For input string: \"x\"", e.evalue());
        assertTrue(traceback(e).matches("(?s)java.lang.NumberFormatException: For input string: \"x\"\n.*"
                + "\tat \\$Timeit\\d+v\\.timeLoops\\(cell " + count + ", line 1\\)"), traceback(e));
        e = execError("%%timeit -f -n 1 -r 1 -w 0 String digits = \"12\";\n"
                + "int k = 1;\nInteger.parseInt(digits + \"z\" + k)");
        assertEquals("java.lang.NumberFormatException", e.ename(), traceback(e));
        assertTrue(traceback(e).endsWith("(cell " + count + ", line 3)"), traceback(e));
    }

    /** The fork's output reaches the cell through the magic's streams, so %%capture keeps it as it keeps a cell's. */
    @Test
    void capture_keeps_the_forks_output_and_the_report() {
        var out = new RecordingOutput(false);
        ok("%%capture forkedCapture\n%timeit -f -n 1 -r 2 -w 0 System.out.println(\"in the fork\")", out);
        assertEquals(List.of("", ""), List.of(out.stdout(), out.stderr()));
        String kept = execSuccess("forkedCapture.stdout()");
        assertTrue(kept.startsWith("\"in the fork\\nin the fork\\n"), kept);
        assertTrue(kept.contains(" per loop (mean ± std. dev. of 2 runs, 1 loop each)"), kept);
    }

    @Test
    void a_fork_that_exits_before_it_reports_says_so() {
        var e = execError("%timeit -f -n 1 -r 1 -w 0 System.exit(7)");
        assertEquals("ChildProcessError", e.ename(), traceback(e));
        assertTrue(e.evalue().contains("exit status 7"), e.evalue());
        assertEquals("2", execSuccess("1 + 1"));
    }

    @Test
    void interrupt_ends_the_fork_and_the_kernel_answers_the_next_cell() throws Exception {
        var out = new RecordingOutput(false);
        CompletableFuture<ExecuteOutcome> running = CompletableFuture.supplyAsync(
                () -> exec("%timeit -f -n 1 -r 1 -w 0 Thread.sleep(600_000)", out));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Optional<ProcessHandle> fork = Optional.empty();
        while (fork.isEmpty() && System.nanoTime() < deadline) {
            fork = ProcessHandle.current().children().filter(p -> p.info().arguments().map(
                    a -> List.of(a).contains("io.jawait.timing.ForkedTimeit")).orElse(false)).findFirst();
            Thread.onSpinWait();
        }
        assertTrue(fork.isPresent(), "the fork never started");
        interpreter.interrupt();
        var e = assertInstanceOf(ExecuteOutcome.Error.class, running.get(60, TimeUnit.SECONDS));
        assertEquals("KeyboardInterrupt", e.ename(), traceback(e));
        // ended when the cell ends, or moments after (a forced end is a signal the system then delivers)
        fork.get().onExit().get(30, TimeUnit.SECONDS);
        assertEquals("2", execSuccess("1 + 1"));
    }

    @Test
    void what_classpath_added_reaches_the_fork(@TempDir Path dir) throws IOException {
        Path source = Files.writeString(Files.createDirectories(dir.resolve("src/forkpkg")).resolve("Twice.java"),
                "package forkpkg; public final class Twice { public static int of(int x) { return 2 * x; } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                source.toString()));
        ok("%classpath " + classes, new RecordingOutput(false));
        String out = ok("%timeit -f -n 1 -r 1 -w 0 System.out.println(forkpkg.Twice.of(21))",
                new RecordingOutput(false));
        assertTrue(out.startsWith("42\n"), out);
    }
}
