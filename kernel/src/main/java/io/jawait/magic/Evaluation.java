package io.jawait.magic;

/**
 * The outcome of {@link MagicContext#eval}: the last expression's value (raw and as JShell shows it) and how
 * long compiling and running took. {@code executeNanos} counts only the time inside the engine's invoke of
 * snippet code, never compilation.
 */
public record Evaluation(boolean hasValue, Object value, String text, long compileNanos, long executeNanos) {}
