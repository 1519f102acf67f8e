package io.jawait.timing;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * {@code %timeit -f}: one loop class timed in a JVM of its own, as JMH times a benchmark in a fork.
 *
 * <p>The kernel's JVM has run javac and JShell: the JDK methods a statement inlines carry branch profiles they
 * trained, and every young collection scans their interned strings. A statement that allocates (an
 * {@code ArrayList} of 1,000 boxed ints) measured 15-20% slower there than in a fresh JVM. A fork answers
 * what the statement costs in a JVM that holds nothing else. The kernel compiles the loop class, starts
 * {@link #main} with its own flags (less its start-up cache, whose profiles were trained on the kernel, and any
 * agent), and reads back what this class wrote to a file: the runs and the fork's environment, or what the
 * statement threw. The statement's own output goes to the fork's stdout and stderr, which the kernel passes on
 * to the cell.
 *
 * {@snippet :
 * // in the fork: java -cp LOOP_CLASSES:KERNEL io.jawait.timing.ForkedTimeit RESULT_FILE $Timeit1v 0 7 -1
 * // in the kernel, once it has ended:
 * TimeitResult r = ForkedTimeit.read(resultFile, compileNanos, line -> "cell 3, line " + line);
 * }
 */
public final class ForkedTimeit {
    /** Options of the kernel's JVM a fork does not get, by prefix. */
    private static final List<String> NOT_INHERITED = List.of(
            "-XX:AOTCache", "-XX:AOTMode", "-XX:AOTConfiguration", "-XX:AOTCacheOutput", "-XX:SharedArchiveFile",
            "-XX:ArchiveClassesAtExit", "-XX:+AutoCreateSharedArchive", "-XX:+RecordDynamicDumpInfo",
            "-XX:StartFlightRecording", "-XX:Flags=", "-javaagent:", "-agentlib:", "-agentpath:", "-Xrunjdwp",
            "-Dstdout.encoding", "-Dstderr.encoding");
    private static final String LIST = "\n";

    private ForkedTimeit() {}

    /**
     * The command that times {@code className} in a fork: this JVM's {@code java} and options (less those in
     * {@link #NOT_INHERITED}), then {@link #main}'s arguments.
     */
    public static List<String> command(List<Path> classPath, Path resultFile, String className,
                                       TimeitRunner runner) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (NOT_INHERITED.stream().noneMatch(option::startsWith)) {
                command.add(option);
            }
        }
        // the kernel reads both as UTF-8, whatever the locale the kernel was started in
        command.add("-Dstdout.encoding=UTF-8");
        command.add("-Dstderr.encoding=UTF-8");
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList()));
        command.add(ForkedTimeit.class.getName());
        command.addAll(List.of(resultFile.toString(), className, Long.toString(runner.loops()),
                Integer.toString(runner.runs()), Integer.toString(runner.warmups())));
        return command;
    }

    /**
     * In the fork: times the loop class {@code args[1]} with {@code args[2..4]} as loops, runs and warm-ups, and
     * writes what came of it to the file {@code args[0]}; then exits, whatever threads the statement left.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: ForkedTimeit RESULT_FILE LOOP_CLASS LOOPS RUNS WARMUPS");
            System.exit(2);
        }
        Properties out = new Properties();
        try {
            var runner = new TimeitRunner(Long.parseLong(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            TimedLoop loop = (TimedLoop) Class.forName(args[1]).getConstructor().newInstance();
            write(runner.run(loop, 0), out);
        } catch (InvocationTargetException e) {
            write(e.getCause(), args[1], out); // the statement's setup threw as the loop was made
        } catch (Throwable e) {
            write(e, args[1], out);
        }
        System.out.flush();
        System.err.flush();
        try (Writer file = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
            out.store(file, null);
        }
        System.exit(0);
    }

    private static void write(TimeitResult result, Properties out) {
        Environment env = result.environment();
        out.setProperty("loops", Long.toString(result.loops()));
        out.setProperty("runs", String.join(",", Arrays.stream(result.runNanos()).mapToObj(Long::toString).toList()));
        out.setProperty("jdk", env.jdk());
        out.setProperty("vendor", env.vendor());
        out.setProperty("os", env.os());
        out.setProperty("cores", Integer.toString(env.cores()));
        out.setProperty("gc", String.join(LIST, env.gcNames()));
        out.setProperty("maxHeap", Long.toString(env.maxHeap()));
        out.setProperty("flags", String.join(LIST, env.jvmFlags()));
    }

    /**
     * What the statement threw, and each exception it was caused by: its class, message and frames, the frames
     * of the loop class marked with their line so that the kernel can name the cell's line instead, and nothing
     * after the loop class's last frame (this class and the runner, which are not the user's code).
     */
    private static void write(Throwable thrown, String loopClass, Properties out) {
        int n = 0;
        for (Throwable t = thrown; t != null && n < 20; t = t.getCause() == t ? null : t.getCause(), n++) {
            out.setProperty("error." + n + ".class", t.getClass().getName());
            out.setProperty("error." + n + ".message", t.getMessage() == null ? "" : t.getMessage());
            List<StackTraceElement> frames = List.of(t.getStackTrace());
            int last = frames.size() - 1;
            while (last >= 0 && !frames.get(last).getClassName().equals(loopClass)) {
                last--;
            }
            List<String> shown = new ArrayList<>();
            for (StackTraceElement f : last < 0 ? frames : frames.subList(0, last + 1)) {
                shown.add(f.getClassName().equals(loopClass)
                        ? "@" + f.getLineNumber() + " " + f.getClassName() + "." + f.getMethodName() : f.toString());
            }
            out.setProperty("error." + n + ".frames", String.join(LIST, shown));
        }
        out.setProperty("errors", Integer.toString(n));
    }

    /**
     * In the kernel: the result the fork wrote to {@code file}.
     *
     * @param compileNanos how long compiling the loop class took, recorded in the result
     * @param where        the place in the cell of a line of the loop class's source ({@code cell 3, line 1})
     * @throws Thrown      when the statement threw
     * @throws IOException when the file cannot be read, or holds no result (the fork ended before it wrote one)
     */
    public static TimeitResult read(Path file, long compileNanos, java.util.function.IntFunction<String> where)
            throws Thrown, IOException {
        Properties in = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.load(reader);
        }
        if (in.containsKey("errors")) {
            throw thrown(in, where);
        }
        String runs = in.getProperty("runs");
        if (runs == null) {
            throw new IOException("the fork's result file holds no runs");
        }
        var env = new Environment(in.getProperty("jdk"), in.getProperty("vendor"), in.getProperty("os"),
                Integer.parseInt(in.getProperty("cores")), list(in.getProperty("gc")),
                Long.parseLong(in.getProperty("maxHeap")), list(in.getProperty("flags")));
        return new TimeitResult(Arrays.stream(runs.split(",")).mapToLong(Long::parseLong).toArray(),
                Long.parseLong(in.getProperty("loops")), compileNanos, env);
    }

    private static Thrown thrown(Properties in, java.util.function.IntFunction<String> where) {
        int count = Integer.parseInt(in.getProperty("errors"));
        List<String> traceback = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String message = in.getProperty("error." + i + ".message");
            traceback.add((i == 0 ? "" : "Caused by: ") + in.getProperty("error." + i + ".class")
                    + (message.isEmpty() ? "" : ": " + message));
            for (String frame : list(in.getProperty("error." + i + ".frames"))) {
                if (frame.startsWith("@")) {
                    int space = frame.indexOf(' ');
                    frame = frame.substring(space + 1) + "(" + where.apply(Integer.parseInt(frame.substring(1, space)))
                            + ")";
                }
                traceback.add("\tat " + frame);
            }
        }
        return new Thrown(in.getProperty("error.0.class"), in.getProperty("error.0.message"), traceback);
    }

    private static List<String> list(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split(LIST, -1));
    }

    /** What the timed statement threw in the fork: its class name, message, and traceback as the cell shows it. */
    public static final class Thrown extends Exception {
        private final String className;
        private final List<String> traceback;

        Thrown(String className, String message, List<String> traceback) {
            super(message, null, false, false);
            this.className = className;
            this.traceback = List.copyOf(traceback);
        }

        public String className() { return className; }

        public List<String> traceback() { return traceback; }
    }
}
