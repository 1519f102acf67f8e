package io.jawait.async;

import java.util.concurrent.CountDownLatch;

/**
 * How much parallelism the machine gives right now: the speed-up of N platform threads over one on the same
 * fixed CPU work. On a shared or busy machine it is well below the core count, which is why the notebooks
 * check parallel speed-ups against it rather than against the number of cores.
 */
final class Capacity {
    private static final int ROUNDS = 3;
    private static final long UNIT_NANOS = 20_000_000;

    private Capacity() {
    }

    /** Best sequential time over best parallel time of {@code threads} equal pieces of work, over three rounds. */
    static double of(int threads) throws InterruptedException {
        int unit = calibrate();
        long seq = Long.MAX_VALUE;
        long par = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < threads; i++) {
                work(unit);
            }
            seq = Math.min(seq, System.nanoTime() - t0);
            par = Math.min(par, parallel(threads, unit));
        }
        return (double) seq / par;
    }

    private static long parallel(int threads, int unit) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                    work(unit);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        long t0 = System.nanoTime();
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        return System.nanoTime() - t0;
    }

    /** How many small pieces make one unit of about 20 ms, measured once the JIT has compiled the piece. */
    private static int calibrate() {
        for (int i = 0; i < 2_000; i++) {
            work(1);
        }
        int pieces = 0;
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < UNIT_NANOS) {
            work(16);
            pieces += 16;
        }
        return pieces;
    }

    private static void work(int pieces) {
        long x = 0;
        for (int i = 0; i < pieces; i++) {
            x += Lab.fib(18);
        }
        Lab.Blackhole.sink = x;
    }
}
