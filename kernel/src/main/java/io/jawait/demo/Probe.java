package io.jawait.demo;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Measures how long a quick request takes while a slow one is being served: does the slow route block? */
final class Probe {

    private Probe() {
    }

    static double latencyDuring(App app, String slowPath, String probePath) throws InterruptedException {
        String slowUrl = slowPath.startsWith("http") ? slowPath : app.url(slowPath);
        String probeUrl = probePath.startsWith("http") ? probePath : app.url(probePath);
        int before = app.arrivals().get();
        var slow = new CompletableFuture<Response>();
        Thread.ofVirtual().start(() -> {
            try {
                slow.complete(Http.blockingGet(slowUrl));
            } catch (Throwable e) {
                slow.completeExceptionally(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (app.arrivals().get() <= before && !slow.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        long start = System.nanoTime();
        Response probe = Http.blockingGet(probeUrl);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "[time] %s during %s: %.3f s (status %d)%n", URI.create(probeUrl).getPath(),
                URI.create(slowUrl).getPath(), seconds, probe.status());
        slow.join();
        return seconds;
    }
}
