package io.jawait.engine;

import io.jawait.magic.MagicRunner;
import io.jawait.protocol.ExecuteOutcome;
import io.jawait.protocol.ExecuteRequest;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/**
 * Figures, not a test: time from creating the interpreter to the first cell's result, and the per-cell
 * latency of {@code 1+1} and {@code int x = 1;} through {@link JShellInterpreter#execute} (no sockets).
 *
 * <p>Run: {@code java -cp kernel/target/classes:kernel/target/test-classes io.jawait.engine.EngineLatencyBenchmark}
 */
public final class EngineLatencyBenchmark {
    private EngineLatencyBenchmark() {}

    public static void main(String[] args) {
        // System.out is routed to cells once the interpreter exists; report on the process's own stdout
        var report = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        long start = System.nanoTime();
        var interpreter = new JShellInterpreter(MagicRunner.NONE);
        long created = System.nanoTime();
        run(interpreter, "1 + 1", 1);
        long first = System.nanoTime();
        report.printf("interpreter created in %.0f ms; first cell result after %.0f ms%n",
                (created - start) / 1e6, (first - start) / 1e6);
        // "{i}" is replaced by the cell's number: a notebook's expressions differ from cell to cell
        for (String code : new String[] {"1 + 1", "{i} + 1", "int x = 1;"}) {
            for (int i = 0; i < 50; i++) {
                run(interpreter, code.replace("{i}", String.valueOf(i)), i);
            }
            double[] ms = new double[200];
            for (int i = 0; i < ms.length; i++) {
                long t0 = System.nanoTime();
                run(interpreter, code.replace("{i}", String.valueOf(i)), i);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            report.printf("%-12s p50 %.1f ms  p95 %.1f ms  (200 cells after 50 warm-up)%n",
                    code, ms[100], ms[190]);
        }
        interpreter.shutdown();
        System.exit(0);
    }

    private static void run(JShellInterpreter interpreter, String code, int count) {
        var outcome = interpreter.execute(new ExecuteRequest(code, false, true, false, Map.of(), count),
                new RecordingOutput(false));
        if (outcome instanceof ExecuteOutcome.Error e) {
            throw new IllegalStateException(e.ename() + ": " + e.evalue());
        }
    }
}
