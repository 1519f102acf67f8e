package io.jawait.engine;

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

    synchronized void record(KernelExecutionControl.Invocation call) {
        lastValue = call.value;
        executeNanos += call.nanos;
        if (call.group != null && !groups.contains(call.group)) {
            groups.add(call.group);
        }
    }

    /** Starts a new cell: its value, timing and threads are its own. */
    synchronized void reset() {
        lastValue = null;
        executeNanos = 0;
        groups.clear();
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
}
