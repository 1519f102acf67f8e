package io.jawait.magic;

/**
 * A catalogue entry: one magic, line or cell, with its usage line and one-line help.
 *
 * @param name  the name without {@code %}
 * @param cell  true for {@code %%name}, false for {@code %name}
 * @param usage how to call it, e.g. {@code %timeit [-n N] [-r R] statement}
 * @param help  one sentence saying what it does
 * @param magic what it does
 */
public record MagicSpec(String name, boolean cell, String usage, String help, Magic magic) {

    /** The name as written in a cell: {@code %name} or {@code %%name}. */
    public String display() { return (cell ? "%%" : "%") + name; }

    /** The text {@code %name?} prints. */
    public String helpText() { return display() + ": " + help + "\nUsage: " + usage; }
}
