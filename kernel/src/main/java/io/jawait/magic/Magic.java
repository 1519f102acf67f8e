package io.jawait.magic;

import java.util.List;

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

    /**
     * Where Java code starts in {@code args}, the rest of the magic's line as written, so that completion and
     * inspection can treat what follows as Java; -1 when the line holds none (or options too malformed to tell).
     */
    default int codeStart(String args) {
        return -1;
    }

    /** Whether a cell magic's body is Java code, which completion and inspection then treat as Java. */
    default boolean bodyIsJava() {
        return false;
    }

    /**
     * When the magic's arguments name files, the endings of the files that completion offers for them (empty:
     * every file; folders are always offered); null when its arguments are no file names.
     */
    default List<String> fileEndings() {
        return null;
    }
}
