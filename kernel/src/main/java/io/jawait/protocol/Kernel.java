package io.jawait.protocol;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.IntConsumer;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * A Jupyter kernel on the five sockets of a connection file, serving one {@link Interpreter}.
 *
 * <p>Threads: shell and control each block on their socket; heartbeat echoes; one thread owns iopub and
 * sends what any thread publishes; a timer flushes batched stream text. A shutdown request replies, flushes
 * iopub, shuts the interpreter down and calls the exit hook with status 0.
 */
public final class Kernel {
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(2);
    private final ConnectionInfo info;
    private final Interpreter interpreter;
    private final IntConsumer exit;
    private final ZMQ.Context context = ZMQ.context(1);
    private final Session session = new Session(System.getProperty("user.name", "jawait"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("jawait-flush").factory());
    private volatile boolean stopping;
    private IopubChannel iopub;
    private StdinChannel stdin;

    /** @param exit called with the process's exit status once the kernel has shut down */
    public Kernel(ConnectionInfo info, Interpreter interpreter, IntConsumer exit) {
        this.info = info;
        this.interpreter = interpreter;
        this.exit = exit;
    }

    /** Binds every socket (only to the connection file's address) and starts serving. */
    public void start() {
        WireCodec codec = new WireCodec(new Signer(info.key(), info.signatureScheme()));
        ZMQ.Socket shell = bind(SocketType.ROUTER, info.shellPort());
        ZMQ.Socket control = bind(SocketType.ROUTER, info.controlPort());
        ZMQ.Socket stdinSocket = bind(SocketType.ROUTER, info.stdinPort());
        ZMQ.Socket hb = bind(SocketType.REP, info.hbPort());
        ZMQ.Socket iopubSocket = context.socket(SocketType.PUB);
        // a slow subscriber must never cost a message: the final idle status included
        iopubSocket.setSndHWM(0);
        iopubSocket.setLinger(1000);
        bind(iopubSocket, info.iopubPort());
        iopub = new IopubChannel(iopubSocket, codec, session);
        stdin = new StdinChannel(stdinSocket, codec, session);
        History history = new History();
        Dispatcher dispatcher = new Dispatcher(interpreter, session, iopub, stdin,
                new ExecuteHandler(interpreter, iopub, stdin, timer, history), history, IdleCollector.of(timer));
        iopub.start();
        thread("jawait-shell", new SocketLoop(shell, codec, dispatcher, Dispatcher.Channel.SHELL, this), false);
        thread("jawait-control", new SocketLoop(control, codec, dispatcher, Dispatcher.Channel.CONTROL, this), true);
        thread("jawait-heartbeat", new HeartbeatEcho(hb, this), true);
        iopub.status(new JsonObject(), "starting");
        ParentWatch.follow(System.getenv(), () -> {
            KernelLog.warn("the process that started this kernel has gone; shutting down");
            shutdown();
        });
    }

    private ZMQ.Socket bind(SocketType type, int port) {
        ZMQ.Socket s = context.socket(type);
        s.setLinger(1000);
        bind(s, port);
        return s;
    }

    private void bind(ZMQ.Socket s, int port) {
        try {
            s.bind(info.endpoint(port));
        } catch (RuntimeException e) {
            s.close();
            throw new IllegalStateException("cannot listen on " + info.endpoint(port) + " (" + e.getMessage()
                    + "); is another kernel using this connection file?", e);
        }
    }

    private static void thread(String name, Runnable body, boolean daemon) {
        Thread.ofPlatform().name(name).daemon(daemon).start(body);
    }

    boolean stopping() {
        return stopping;
    }

    /**
     * Starts shutting down on a thread of its own, so the socket that asked can close meanwhile. A restart
     * is the same exit: the front end starts a new process.
     */
    void shutdown() {
        if (stopping) {
            return;
        }
        stopping = true;
        Thread.ofPlatform().name("jawait-shutdown").start(this::finish);
    }

    private void finish() {
        stdin.cancel();
        iopub.close(STEP_TIMEOUT);
        runBounded("interpreter shutdown", interpreter::shutdown);
        stdin.close();
        timer.shutdownNow();
        runBounded("socket close", context::term);
        exit.accept(0);
    }

    private static void runBounded(String what, Runnable step) {
        Thread t = Thread.ofPlatform().daemon().name("jawait-" + what.replace(' ', '-')).start(() -> {
            try {
                step.run();
            } catch (Throwable e) {
                KernelLog.warn(what + " failed: " + e);
            }
        });
        try {
            if (!t.join(STEP_TIMEOUT)) {
                KernelLog.warn(what + " took longer than " + STEP_TIMEOUT.toSeconds() + " s; exiting anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For tests: the kernel's session id, which its messages carry. */
    public String sessionId() {
        return session.id();
    }
}
