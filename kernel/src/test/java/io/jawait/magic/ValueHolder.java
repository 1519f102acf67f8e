package io.jawait.magic;

/** Carries raw values between the test and JShell snippets running in the same JVM (local execution). */
public final class ValueHolder {
    public static volatile Object value;

    private ValueHolder() {}
}
