package io.jawait.async;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * LOOP mode's switch-by-switch trace: which task the loop runs, where it suspends, when it resumes.
 *
 * <p>One tracer belongs to one LOOP run started while tracing was on. Only the task holding the baton writes
 * to it, and the baton is handed over after the line is written, so its lines are in the loop's own order and
 * need no lock. A VIRTUAL run has no such order to show: the JVM spreads its threads over the cores.
 */
final class Tracer {
    private static volatile boolean enabled;
    private static volatile List<String> last = List.of();

    private final Loop loop;
    private final List<String> lines = new ArrayList<>();

    private Tracer(Loop loop) {
        this.loop = loop;
    }

    static void enable(boolean on) {
        enabled = on;
    }

    /** A tracer for a run that starts now, or null when tracing is off or the run has no loop to trace. */
    static Tracer forRun(Loop loop) {
        if (!enabled) {
            return null;
        }
        if (loop.mode == Mode.VIRTUAL) {
            System.out.println("[trace] VIRTUAL run: no event loop to trace. Every task is a virtual thread that"
                    + " the JVM schedules on all cores at once; trace(true) shows the switches of Mode.LOOP runs.");
            return null;
        }
        return new Tracer(loop);
    }

    /** The last traced run's lines without their clock, so two runs can be compared. */
    static List<String> last() {
        return last;
    }

    void started(Task<?> t) {
        line("run " + t.name());
    }

    void suspends(Task<?> t, String where) {
        line(t.name() + " suspends in " + (where == null ? helperCalling() : where));
    }

    void resumed(Task<?> t) {
        line("resume " + t.name());
    }

    void finished(Task<?> t) {
        line(t.name() + " done");
    }

    void close() {
        last = List.copyOf(lines);
    }

    private void line(String text) {
        lines.add(text);
        System.out.printf(Locale.ROOT, "[loop +%.3f] %s%n", loop.now() / 1e9, text);
    }

    /**
     * The helper the task's code called ({@code gather}, {@code await}, {@code AsyncSemaphore.acquire}): the
     * public helper frame nearest the caller's code, above the machinery every wait shares. Walking the stack
     * is slow, which is why it happens only while tracing.
     */
    private static String helperCalling() {
        return StackWalker.getInstance().walk(frames -> {
            String found = null;
            for (var it = frames.iterator(); it.hasNext(); ) {
                StackWalker.StackFrame f = it.next();
                String owner = ownerOf(f);
                if (PUBLIC_HELPERS.contains(owner)) {
                    found = owner.equals("Async") ? f.getMethodName() : owner + "." + f.getMethodName();
                } else if (!MACHINERY.contains(owner) || found != null) {
                    break;
                }
            }
            return found == null ? "await" : found;
        });
    }

    private static final Set<String> PUBLIC_HELPERS = Set.of("Async", "AsyncSemaphore", "TaskGroup");
    private static final Set<String> MACHINERY = Set.of("Tracer", "Task", "Execution", "Suspend", "Loop", "Baton",
            "Gathering", "Sleeping", "Timers", "Pools");

    /** The simple name of the top-level class of this package that declares {@code f}, or "" for any other. */
    private static String ownerOf(StackWalker.StackFrame f) {
        String cls = f.getClassName();
        String pkg = "io.jawait.async.";
        if (!cls.startsWith(pkg)) {
            return "";
        }
        int nested = cls.indexOf('$', pkg.length());
        return cls.substring(pkg.length(), nested < 0 ? cls.length() : nested);
    }

    /** {@code sleep(1.0)}, {@code sleep(0)}: how a sleep shows in the trace. */
    static String sleepLabel(long nanos) {
        return nanos == 0 ? "sleep(0)" : "sleep(" + nanos / 1e9 + ")";
    }
}
