package io.jawait.engine;

/** Plain words after the errors that would otherwise read as the kernel's death. */
final class Hints {
    private Hints() {}

    /** Text to append to the message of an exception of class {@code className}; empty when none. */
    static String forException(String className, String message) {
        return switch (className) {
            case "java.lang.OutOfMemoryError" -> message.contains("native thread")
                    ? " (the cell started more threads than the system allows; the kernel keeps running)"
                    : " (the cell ran out of memory; the kernel keeps running, max heap "
                            + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB)";
            case "java.lang.StackOverflowError" ->
                    "(endless or too deep recursion; the kernel keeps running)";
            default -> "";
        };
    }
}
