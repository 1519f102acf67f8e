package io.jawait.engine;

/**
 * The part of the start-up that waits for a first cell which did not need it: JShell's evaluation of the start-up
 * imports, which an expression compiled by {@link FastExpressions} does without (it imports the same lines itself).
 * Whatever needs JShell's snippets first calls {@link #ensure}; the engine also runs it once the first cell has
 * answered, before the next one. Engine thread only.
 */
final class StartupGate {
    private Runnable pending;

    /** Holds {@code rest} until something needs it. */
    void defer(Runnable rest) {
        pending = rest;
    }

    /** Runs the deferred start-up, once, if there is one. */
    void ensure() {
        Runnable rest = pending;
        if (rest != null) {
            pending = null;
            rest.run();
        }
    }

    boolean pending() {
        return pending != null;
    }
}
