package io.jawait;

/** Entry point placeholder; replaced by the kernel wiring. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("jawait");
    }
}
