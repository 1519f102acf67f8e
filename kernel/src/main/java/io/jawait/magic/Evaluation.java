package io.jawait.magic;

/**
 * The outcome of {@link MagicContext#eval}: the last expression's value (raw and as JShell shows it) and how
 * long compiling and running took. {@code executeNanos} counts only the time inside the engine's invoke of
 * snippet code, never compilation.
 *
 * @param type for a magic's value, the type {@code var x = %magic} declares {@code x} with (a value of a JDK class
 *             that cannot be named, such as {@code List.of}'s, would otherwise get its nearest public superclass,
 *             which may lack the methods that matter); null to take the value's own class
 */
public record Evaluation(boolean hasValue, Object value, String text, long compileNanos, long executeNanos,
                         String type) {

    public Evaluation(boolean hasValue, Object value, String text, long compileNanos, long executeNanos) {
        this(hasValue, value, text, compileNanos, executeNanos, null);
    }

    /** A magic's value, which {@code var x = %magic} declares as a {@code type}. */
    static Evaluation typed(Object value, String type) {
        return new Evaluation(true, value, String.valueOf(value), 0, 0, type);
    }
}
