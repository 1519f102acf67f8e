package io.jawait.engine;

import io.jawait.timing.ResourceSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * What the snippets of the current cell did when they ran: the last raw value, the time spent in snippet
 * code, and the thread groups their threads were born in (so an interrupt can reach threads they started).
 *
 * <p>Written by the snippet thread and read by the engine and control threads, hence synchronized.
 */
final class SnippetRuns {
    private Object lastValue;
    private long executeNanos;
    private final List<ThreadGroup> groups = new ArrayList<>();
    private final List<ThreadGroup> stopped = new ArrayList<>();
    private KernelExecutionControl.Invocation current;
    private boolean measuring;
    private boolean textWanted = true;
    private boolean stopRequested;
    private ResourceSnapshot used = ResourceSnapshot.ZERO;

    /** The call now running, whose thread group an interrupt must reach before {@link #record} lists it. */
    synchronized void running(KernelExecutionControl.Invocation call) {
        current = call;
    }

    synchronized void record(KernelExecutionControl.Invocation call) {
        if (current == call) {
            current = null;
        }
        lastValue = call.value;
        executeNanos += call.nanos;
        if (call.before != null && call.after != null) {
            used = used.plus(call.before, call.after);
        }
        if (call.group != null && !groups.contains(call.group)) {
            groups.add(call.group);
        }
    }

    /** Starts a new cell: its value, timing and threads are its own. */
    synchronized void reset() {
        lastValue = null;
        executeNanos = 0;
        groups.clear();
        stopRequested = false;
    }

    /**
     * Starts or stops summing the resources snippet code uses while it runs (CPU of every thread, GC, JIT):
     * two snapshots per snippet call, so only while a magic like {@code %time} wants them.
     */
    synchronized void measure(boolean on) {
        measuring = on;
        used = ResourceSnapshot.ZERO;
    }

    synchronized boolean measuring() {
        return measuring;
    }

    /**
     * Whether the snippets run from now on need the text of their value: only one the cell shows does, and
     * making it calls the value's {@code toString}, user code that can be slow, or throw.
     */
    synchronized void wantText(boolean wanted) {
        textWanted = wanted;
    }

    synchronized boolean textWanted() {
        return textWanted;
    }

    /** What snippet code used while it ran since {@code measure(true)}, as a sum of differences. */
    synchronized ResourceSnapshot used() {
        return used;
    }

    synchronized void clearValue() {
        lastValue = null;
    }

    synchronized Object lastValue() {
        return lastValue;
    }

    synchronized long executeNanos() {
        return executeNanos;
    }

    synchronized List<ThreadGroup> groups() {
        return List.copyOf(groups);
    }

    /** The cell is being interrupted: the next snippet call first lets its threads reach a stop check. */
    synchronized void stopping() {
        stopRequested = true;
        List<ThreadGroup> all = new ArrayList<>(groups);
        if (current != null && current.group != null) {
            all.add(current.group);
        }
        for (ThreadGroup g : all) {
            if (!stopped.contains(g)) {
                stopped.add(g);
            }
        }
    }

    /**
     * Whether the cell was interrupted: a snippet call that starts afterwards stops at once. JShell's own stop
     * is a no-op while a snippet compiles, and the engine repeats it only every 50 ms.
     */
    synchronized boolean stopRequested() {
        return stopRequested;
    }

    /** The thread groups of interrupted cells not yet waited for, handed over once. */
    synchronized List<ThreadGroup> takeStopped() {
        List<ThreadGroup> out = List.copyOf(stopped);
        stopped.clear();
        return out;
    }
}
