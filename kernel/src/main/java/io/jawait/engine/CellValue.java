package io.jawait.engine;

/**
 * What an expression cell is worth, computed by a snippet the engine writes around it (see
 * {@link ExpressionUnit}). Public because that snippet calls it; not meant for users.
 *
 * <p>Java's overload rules pick {@link #of(Body)} when the expression has a value, even a method call whose
 * value could be ignored, and {@link #of(Action)} only when it is {@code void}: the same distinction JShell
 * draws with a type analysis of its own, here made by the one compilation that also builds the snippet.
 */
public final class CellValue {
    /** What a {@code void} expression returns: no value to show. */
    public static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "";
        }
    };

    /** An expression with a value; it may throw whatever the expression throws. */
    @FunctionalInterface
    public interface Body<T> {
        T get() throws Throwable;
    }

    /** A {@code void} expression. */
    @FunctionalInterface
    public interface Action {
        void run() throws Throwable;
    }

    private CellValue() {}

    public static <T> Object of(Body<T> body) throws Throwable {
        return body.get();
    }

    public static Object of(Action action) throws Throwable {
        action.run();
        return NONE;
    }
}
