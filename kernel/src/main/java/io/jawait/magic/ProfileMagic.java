package io.jawait.magic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code %prun statement} and {@code %%prun}: IPython's profiler magic, by sampling. The JVM's flight recorder
 * takes the stack of every thread running Java code each millisecond while the code runs; the table counts, for
 * each method, the samples it was running in itself ({@code own}) and those it was anywhere on the stack
 * ({@code total}), IPython's {@code tottime} and {@code cumtime}. Only samples with the cell's code on their stack
 * count (a method the cell declared, its lambdas, or the cell itself), on any thread: the compiler (the cell's
 * code is compiled as it runs) and the kernel's own threads are left out, and so is a library's thread that runs
 * none of the cell's code. Time a thread spends waiting or sleeping has no samples: the table is where the CPU
 * went.
 */
final class ProfileMagic implements Magic {
    static final String LINE_USAGE = "%prun [-l ROWS] [-s own|total] [-q] [-D FILE.jfr] [-T FILE] statement";
    static final String CELL_USAGE = "%%prun [-l ROWS] [-s own|total] [-q] [-D FILE.jfr] [-T FILE]\n<cell>";
    private static final String VALUED = "lsDT";
    private static final String FLAGS = "q";
    private static final Duration PERIOD = Duration.ofMillis(1);
    /** Frames under and around the cell's code that are the kernel's or JShell's: left out of the table. */
    private static final List<String> PLUMBING = List.of("io.jawait.engine.", "java.lang.reflect.",
            "jdk.internal.reflect.", "java.lang.invoke.", "java.lang.Thread.run", "REPL.$Cancel$.");
    private static final Pattern SNIPPET_CLASS = Pattern.compile("^REPL\\.\\$JShell\\$\\d+[A-Z]?\\$?");
    private static final Pattern LAMBDA = Pattern.compile("lambda\\$(.+?)\\$\\d+");

    /** One row of the table. */
    record Row(String method, int own, int total) {}

    @Override
    public Evaluation run(Invocation call, MagicContext ctx) throws CellException {
        Options o = Options.parse(call, call.args(), VALUED, FLAGS);
        int rows = (int) o.number(call, 'l', 25, 1, 100_000);
        String sort = o.value('s') == null ? "own" : o.value('s').toLowerCase(Locale.ROOT);
        boolean byTotal = switch (sort) {
            case "own", "time", "tottime" -> false;
            case "total", "cumulative", "cumtime" -> true;
            default -> throw call.usage("-s takes own (IPython's time) or total (cumulative), not '" + sort + "'");
        };
        String code = call.isCell() ? call.body() : o.rest();
        if (call.isCell() && !o.rest().isBlank()) {
            throw call.usage("put the code on the lines after " + call.display() + ", not after its options");
        }
        if (code.isBlank()) {
            throw call.usage("nothing to profile: " + (call.isCell() ? CELL_USAGE : LINE_USAGE).replace("\n", " / "));
        }
        IntUnaryOperator toCell = call.isCell() ? call.bodyInCell()
                : call.argsInCell(call.args().length() - o.rest().length());
        Path file;
        try {
            file = Files.createTempFile("jawait-prun", ".jfr");
        } catch (IOException e) {
            throw new CellException("OSError", call.display() + ": cannot write the recording: " + e.getMessage());
        }
        List<List<String>> samples;
        long wallNanos;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(PERIOD).withStackTrace();
            long start = System.nanoTime();
            recording.start();
            try {
                ctx.eval(code, toCell);
            } finally {
                recording.stop(); // a failing cell's error is what the cell shows; its samples are let go
                wallNanos = System.nanoTime() - start;
            }
            recording.dump(file);
            samples = stacks(file);
            if (o.value('D') != null) {
                Path kept = UserPaths.of(o.value('D'));
                Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
                ctx.out().stdout("*** Recording written to " + kept + " (open it in JDK Mission Control, or: jfr "
                        + "print --events jdk.ExecutionSample " + kept + ")\n");
            }
        } catch (IOException e) {
            throw new CellException("OSError", call.display() + ": " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind
            }
        }
        String report = report(table(samples, byTotal), samples.size(), wallNanos, rows, byTotal);
        if (!o.has('q')) {
            ctx.out().stdout(report);
        }
        if (o.value('T') != null) {
            Path text = UserPaths.of(o.value('T'));
            try {
                Files.writeString(text, report);
            } catch (IOException e) {
                throw new CellException("OSError", call.display() + ": cannot write " + text + ": " + e.getMessage());
            }
            ctx.out().stdout("\n*** Profile printout saved to text file " + text + ".\n");
        }
        return null;
    }

    /** The sampled stacks of the cell's code, innermost method first, without the kernel's frames under them. */
    private static List<List<String>> stacks(Path file) throws IOException {
        List<List<String>> stacks = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            RecordedStackTrace trace = event.getStackTrace();
            if (trace == null) {
                continue;
            }
            List<String> methods = new ArrayList<>();
            boolean cells = false;
            for (RecordedFrame frame : trace.getFrames()) {
                if (!frame.isJavaFrame()) {
                    continue;
                }
                String type = frame.getMethod().getType().getName();
                cells |= SNIPPET_CLASS.matcher(type).find();
                String method = type + "." + frame.getMethod().getName();
                if (PLUMBING.stream().noneMatch(method::startsWith)) {
                    methods.add(name(type, frame.getMethod().getName()));
                }
            }
            if (cells && !methods.isEmpty()) {
                stacks.add(methods);
            }
        }
        return stacks;
    }

    /** A method as the table shows it: a cell's method by the name the cell gave it ({@code fib}, {@code Point.x}). */
    static String name(String type, String method) {
        String owner = SNIPPET_CLASS.matcher(type).replaceFirst("");
        if (owner.length() == type.length()) {
            return type + "." + method;
        }
        Matcher lambda = LAMBDA.matcher(method);
        if (method.equals("do_it$")) {
            method = "<cell>";
        } else if (lambda.matches()) {
            method = "<lambda in " + (lambda.group(1).equals("do_it$") ? "cell" : lambda.group(1)) + ">";
        }
        return owner.isEmpty() ? method : owner.replace('$', '.') + "." + method;
    }

    static List<Row> table(List<List<String>> stacks, boolean byTotal) {
        Map<String, int[]> counts = new HashMap<>();
        for (List<String> stack : stacks) {
            counts.computeIfAbsent(stack.getFirst(), m -> new int[2])[0]++;
            Set<String> seen = new HashSet<>(stack); // a recursive method counts once per sample
            for (String method : seen) {
                counts.computeIfAbsent(method, m -> new int[2])[1]++;
            }
        }
        Comparator<Row> order = byTotal
                ? Comparator.comparingInt(Row::total).thenComparingInt(Row::own)
                : Comparator.comparingInt(Row::own).thenComparingInt(Row::total);
        return counts.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(order.reversed().thenComparing(Row::method)).toList();
    }

    static String report(List<Row> table, int samples, long wallNanos, int rows, boolean byTotal) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d samples in %.3f seconds (a sample every %d ms of each thread "
                + "running Java code)%n%n", samples, wallNanos / 1e9, PERIOD.toMillis()));
        if (samples == 0) {
            return out.append("No samples: the code ran too briefly, or only waited (sleeps, I/O and locks are not "
                    + "sampled). Profile a loop of it, or more work.\n").toString();
        }
        out.append("   Ordered by: ").append(byTotal ? "total" : "own").append(" samples\n\n");
        out.append(String.format(Locale.ROOT, "%8s %7s %8s %7s  %s%n", "own", "own%", "total", "total%", "method"));
        for (Row row : table.subList(0, Math.min(rows, table.size()))) {
            out.append(String.format(Locale.ROOT, "%8d %6.1f%% %8d %6.1f%%  %s%n", row.own(),
                    100.0 * row.own() / samples, row.total(), 100.0 * row.total() / samples, row.method()));
        }
        if (table.size() > rows) {
            out.append(String.format(Locale.ROOT, "%8s (%d more methods; -l %d shows them all)%n", "...",
                    table.size() - rows, table.size()));
        }
        return out.toString();
    }

    @Override
    public int codeStart(String args) {
        return Options.restStart(args, VALUED, FLAGS);
    }

    @Override
    public boolean bodyIsJava() {
        return true;
    }
}
