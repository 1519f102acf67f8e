package io.jawait.async;

import java.util.List;

/**
 * The failures of a {@link TaskGroup}, all of them, thrown when the group closes: Python's
 * {@code ExceptionGroup}.
 *
 * {@snippet :
 * try {
 *     Async.run(Async.async(() -> {
 *         try (TaskGroup tg = Async.taskGroup()) {
 *             tg.createTask(Async.async(() -> { throw new IllegalStateException("boom"); }));
 *         }
 *     }));
 * } catch (ExceptionGroup g) {
 *     System.out.println(g.exceptions());
 * }
 * }
 *
 * <p>The first failure is also this exception's cause, and the others are attached as suppressed
 * exceptions, so a printed stack trace shows them all.
 */
public class ExceptionGroup extends RuntimeException {
    private final List<Throwable> exceptions;

    /** A group of the given failures, in the order they happened. */
    public ExceptionGroup(String message, List<Throwable> exceptions) {
        super(message + " (" + exceptions.size() + " sub-exception" + (exceptions.size() == 1 ? ")" : "s)"),
                exceptions.isEmpty() ? null : exceptions.get(0));
        this.exceptions = List.copyOf(exceptions);
        this.exceptions.stream().skip(1).forEach(this::addSuppressed);
    }

    /** The failures, in the order they happened. */
    public List<Throwable> exceptions() {
        return exceptions;
    }
}
