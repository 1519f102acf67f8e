package io.jawait.magic;

/** One magic's behaviour; its name, usage and help live in its {@link MagicSpec}. */
@FunctionalInterface
public interface Magic {

    /**
     * Runs the magic.
     *
     * @return what to show as the result (and what {@code T x = %magic} binds), or null for nothing
     * @throws CellException for a bad argument ("UsageError") or when code it runs fails
     */
    Evaluation run(Invocation call, MagicContext ctx) throws CellException;
}
