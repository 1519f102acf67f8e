package io.jawait.demo;

import java.io.IOException;
import java.net.URI;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WebSocket broadcast server on 127.0.0.1: every {@code period} seconds it sends {@code "tick i/count"} to
 * every connected client, {@code count} times, then closes all connections normally (status 1000).
 *
 * {@snippet :
 * try (var hub = WsHub.start(0.5, 4)) {          // 4 ticks, 0.5 s apart, from the first connection on
 *     try (var feed = Async.await(Ws.connect(hub.uri()))) {
 *         for (String m; (m = Async.await(feed.recv())) != null; ) {
 *             System.out.println(m);                  // tick 1/4 ... tick 4/4, then the hub closes
 *         }
 *     }
 * }
 * }
 *
 * <p>Ticks start when the first client connects, or when {@code minClients} are connected; a client that
 * joins later gets only the ticks sent after it joined, as in a real live feed. Thread safe.
 */
public final class WsHub implements AutoCloseable {

    private final WsServer server;
    private final CountDownLatch ready;
    private final AtomicLong sent = new AtomicLong();
    private final Thread ticker;
    private volatile OptionalLong startedAt = OptionalLong.empty();

    private WsHub(double period, int count, int minClients) {
        ready = new CountDownLatch(minClients);
        server = new WsServer(connection -> {
            while (connection.receive() != null) {
                // clients may talk; a feed has nothing to answer, reading only keeps pings and close working
            }
        }, connection -> ready.countDown());
        ticker = Thread.ofVirtual().name("ws-hub-ticker").start(() -> tick(period, count));
    }

    /**
     * Starts a hub that sends {@code count} ticks, {@code period} seconds apart, from the first connection on.
     *
     * @throws IllegalArgumentException if the period is not in (0, 60] s or the count is not positive
     */
    public static WsHub start(double period, int count) {
        return start(period, count, 1);
    }

    /**
     * Starts a hub that waits for {@code minClients} connections before its first period begins.
     *
     * @throws IllegalArgumentException if the period is not in (0, 60] s, or count or minClients is not positive
     */
    public static WsHub start(double period, int count, int minClients) {
        if (!(period > 0 && period <= 60) || count < 1 || minClients < 1) {
            throw new IllegalArgumentException("need 0 < period <= 60 s, count >= 1 and minClients >= 1, not "
                    + period + ", " + count + ", " + minClients);
        }
        return new WsHub(period, count, minClients);
    }

    /** The address to connect to, {@code ws://127.0.0.1:<port>/}. */
    public URI uri() {
        return server.uri("/");
    }

    /** Connections open right now. */
    public int clients() {
        return server.connections().size();
    }

    /**
     * The {@link System#nanoTime()} at which the first period began, once the hub had its clients: tick
     * {@code i} is sent no earlier than {@code i * period} seconds after it. Empty until then.
     */
    public OptionalLong startedAt() {
        return startedAt;
    }

    /** Messages sent so far, summed over all clients. */
    public long sent() {
        return sent.get();
    }

    /** Stops ticking and closes every connection with status 1001 (going away). */
    @Override
    public void close() {
        ticker.interrupt();
        server.close();
    }

    @Override
    public String toString() {
        return "WsHub at " + uri() + " (" + clients() + " clients, " + sent() + " messages sent)";
    }

    private void tick(double period, int count) {
        try {
            ready.await();
            long start = System.nanoTime();
            startedAt = OptionalLong.of(start);
            for (int i = 1; i <= count; i++) {
                long due = start + (long) (i * period * 1e9);
                Thread.sleep(java.time.Duration.ofNanos(Math.max(0, due - System.nanoTime())));
                broadcast("tick " + i + "/" + count);
            }
            server.connections().forEach(c -> c.close(1000, "feed finished"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void broadcast(String message) {
        for (WsConnection connection : server.connections()) {
            try {
                connection.send(message);
                sent.incrementAndGet();
            } catch (IOException e) {
                connection.close(1011, "send failed");
            }
        }
    }
}
