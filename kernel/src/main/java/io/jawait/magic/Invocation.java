package io.jawait.magic;

import java.util.function.IntUnaryOperator;

/**
 * One use of a magic in a cell.
 *
 * @param name the magic's name without {@code %}
 * @param args the rest of the magic's line, trimmed
 * @param body for a cell magic, the lines after the first; null for a line magic
 * @param argsAt where {@code args} starts in the cell's text, or -1 when not known
 * @param bodyAt where {@code body} starts in the cell's text, or -1 when not known
 */
public record Invocation(String name, String args, String body, int argsAt, int bodyAt) {

    /** An invocation whose place in the cell is not known. */
    public Invocation(String name, String args, String body) {
        this(name, args, body, -1, -1);
    }

    /** The place in the cell of each position in {@code args} from {@code from} on, or null when not known. */
    public IntUnaryOperator argsInCell(int from) {
        return argsAt < 0 ? null : i -> argsAt + from + i;
    }

    /** The place in the cell of each position in {@code body}, or null when not known. */
    public IntUnaryOperator bodyInCell() {
        return bodyAt < 0 ? null : i -> bodyAt + i;
    }

    public boolean isCell() { return body != null; }

    /** How the user wrote the magic's name: {@code %name} or {@code %%name}. */
    public String display() { return (isCell() ? "%%" : "%") + name; }

    /** A usage error naming this magic. */
    public CellException usage(String message) {
        return new CellException("UsageError", display() + ": " + message);
    }
}
