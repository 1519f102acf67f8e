package io.jawait.magic;

/**
 * One use of a magic in a cell.
 *
 * @param name the magic's name without {@code %}
 * @param args the rest of the magic's line, trimmed
 * @param body for a cell magic, the lines after the first; null for a line magic
 */
public record Invocation(String name, String args, String body) {

    public boolean isCell() { return body != null; }

    /** How the user wrote the magic's name: {@code %name} or {@code %%name}. */
    public String display() { return (isCell() ? "%%" : "%") + name; }

    /** A usage error naming this magic. */
    public CellException usage(String message) {
        return new CellException("UsageError", display() + ": " + message);
    }
}
