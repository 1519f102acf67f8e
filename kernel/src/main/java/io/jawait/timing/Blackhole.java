package io.jawait.timing;

/**
 * Consumes values so that the JIT compiler cannot prove them unused and delete the work that made them.
 *
 * <p>Each {@code consume} compares the value with two volatile fields that never both hold it; the volatile
 * reads also keep loads of the timed statement's inputs inside the loop, the same trick JMH's blackhole uses.
 *
 * {@snippet :
 * Blackhole bh = new Blackhole();
 * for (int i = 0; i < 1_000; i++) { bh.consume(Math.sqrt(i)); }
 * }
 */
public final class Blackhole {
    private volatile int i1 = 1;
    private volatile int i2 = 2;
    private volatile long l1 = 1;
    private volatile long l2 = 2;
    private volatile double d1 = 1;
    private volatile double d2 = 2;
    private volatile Object o1 = new Object();
    private volatile boolean never;
    private Object sink;

    public void consume(boolean v) { if (v & i1 == i2) { never = true; } }

    public void consume(int v) { if (v == i1 & v == i2) { never = true; } }

    public void consume(long v) { if (v == l1 & v == l2) { never = true; } }

    public void consume(float v) { if (v == d1 & v == d2) { never = true; } }

    public void consume(double v) { if (v == d1 & v == d2) { never = true; } }

    public void consume(char v) { consume((int) v); }

    public void consume(byte v) { consume((int) v); }

    public void consume(short v) { consume((int) v); }

    /** Consumes a reference; the object stays reachable only while it is the latest one consumed. */
    public void consume(Object v) {
        if (v == o1) {
            sink = v;
        }
    }

    /** True only if a consumed value matched a guard field, which never happens; keeps the fields alive. */
    boolean tripped() {
        return never || sink != null;
    }
}
