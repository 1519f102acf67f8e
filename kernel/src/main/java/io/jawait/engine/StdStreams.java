package io.jawait.engine;

import io.jawait.display.CellOutput;
import io.jawait.display.CurrentOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Routes {@code System.out}, {@code System.err} and {@code System.in} of the whole JVM to the cell that the
 * writing (or reading) thread belongs to. Installed once per JVM; several interpreters share it, because
 * each thread finds its own cell through {@link CurrentOutput}.
 */
final class StdStreams {
    private static boolean installed;
    /** What the calling thread wrote to {@code System.err} since {@link #holdErr}, kept from the cell. */
    private static final ThreadLocal<StringBuilder> HELD_ERR = new ThreadLocal<>();
    /** By cell, what its last snippet thread left half written, for the next one; see {@link #snippetEnded}. */
    private static final Map<CellOutput, Tails> CARRIED = new WeakHashMap<>();
    private static volatile CellStream routedOut;
    private static volatile CellStream routedErr;

    private StdStreams() {}

    static synchronized void install() {
        if (installed) {
            return;
        }
        routedOut = new CellStream(false, System.out);
        routedErr = new CellStream(true, System.err);
        System.setOut(new CellPrintStream(routedOut));
        System.setErr(new CellPrintStream(routedErr));
        System.setIn(new CellInput());
        installed = true;
    }

    /**
     * Hands what the calling snippet thread left half written to the next snippet of its cell. JShell runs each
     * snippet on a new thread, so a character whose bytes two statements write would otherwise be cut in two;
     * other threads of the cell keep their own halves, so that threads writing at once do not mix theirs.
     */
    static void snippetEnded() {
        CellOutput cell = CurrentOutput.find();
        Tails left = Tails.detach();
        if (cell != null && left != null) {
            synchronized (CARRIED) {
                CARRIED.put(cell, left);
            }
        }
    }

    /** Gives the calling snippet thread what the previous snippet of its cell left half written. */
    static void snippetStarting() {
        Tails carried = take(CurrentOutput.find());
        if (carried != null) {
            carried.attach();
        }
    }

    /**
     * Shows in {@code cell} what its last snippet left half written, as replacement characters, as a stream
     * decoder does at the end of its input: the next cell's first bytes must not complete it.
     */
    static void cellEnded(CellOutput cell) {
        Tails left = take(cell);
        if (left != null) {
            left.show(cell);
        }
    }

    private static Tails take(CellOutput cell) {
        if (cell == null) {
            return null;
        }
        synchronized (CARRIED) {
            return CARRIED.remove(cell);
        }
    }

    /**
     * From now on, what the calling thread writes to {@code System.err} is kept back until {@link #releaseErr};
     * other threads print as before. The engine holds what JShell's compiler prints while it compiles a unit
     * (the cell's own code runs on other threads), to tell a crash of javac from ordinary text.
     */
    static void holdErr() {
        HELD_ERR.set(new StringBuilder());
    }

    /** Ends {@link #holdErr} and returns the text held back, which is not printed. */
    static String releaseErr() {
        StringBuilder held = HELD_ERR.get();
        HELD_ERR.remove();
        return held == null ? "" : held.toString();
    }

    /** The bytes of an unfinished character on each stream, either may be null. */
    private record Tails(byte[] out, byte[] err) {
        /** Takes the calling thread's unfinished characters from it; null when it has none. */
        static Tails detach() {
            if (routedOut == null) {
                return null;
            }
            var tails = new Tails(routedOut.detach(), routedErr.detach());
            return tails.out == null && tails.err == null ? null : tails;
        }

        void attach() {
            routedOut.attach(out);
            routedErr.attach(err);
        }

        void show(CellOutput cell) {
            if (out != null) {
                cell.stdout(new String(out, StandardCharsets.UTF_8));
            }
            if (err != null) {
                cell.stderr(new String(err, StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * Hands the text of {@code print} and {@code println} to the cell whole: the inherited path encodes each
     * string to bytes only for {@link CellStream} to decode them again, and sends a line and its newline as
     * two pieces of output, which doubled the work of a cell printing thousands of short lines.
     */
    private static final class CellPrintStream extends PrintStream {
        private static final String NEWLINE = System.lineSeparator();
        private final CellStream stream;

        CellPrintStream(CellStream stream) {
            super(stream, true, StandardCharsets.UTF_8);
            this.stream = stream;
        }

        @Override
        public void print(String s) {
            if (!stream.sendText(String.valueOf(s))) {
                super.print(s);
            }
        }

        @Override
        public void print(Object o) {
            print(String.valueOf(o));
        }

        @Override
        public void println(String s) {
            if (!stream.sendText(s + NEWLINE)) {
                super.println(s);
            }
        }

        @Override
        public void println(Object o) {
            println(String.valueOf(o));
        }

        @Override
        public void println() {
            if (!stream.sendText(NEWLINE)) {
                super.println();
            }
        }
    }

    /** Bytes to the current cell's stream; to the kernel's own stream when no cell has run yet. */
    private static final class CellStream extends OutputStream {
        private final boolean err;
        private final PrintStream fallback;
        private final ThreadLocal<byte[]> pending = new ThreadLocal<>();

        CellStream(boolean err, PrintStream fallback) {
            this.err = err;
            this.fallback = fallback;
        }

        /** Keeps {@code text} back when this is the error stream and the writing thread holds it. */
        private boolean held(String text) {
            StringBuilder held = err ? HELD_ERR.get() : null;
            if (held == null) {
                return false;
            }
            held.append(text);
            return true;
        }

        /**
         * Sends {@code text} straight to the writing thread's cell; false when it must take the byte path
         * instead (no cell yet, or this thread left half a character in the byte path that must come first).
         */
        boolean sendText(String text) {
            if (held(text)) {
                return true;
            }
            CellOutput out = CurrentOutput.find();
            if (out == null || pending.get() != null) {
                return false;
            }
            if (err) {
                out.stderr(text);
            } else {
                out.stdout(text);
            }
            return true;
        }

        /** Takes the calling thread's unfinished character from this stream; null when there is none. */
        byte[] detach() {
            byte[] tail = pending.get();
            pending.remove();
            return tail;
        }

        /** Makes {@code tail} (may be null) the calling thread's unfinished character on this stream. */
        void attach(byte[] tail) {
            pending.set(tail);
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (err && HELD_ERR.get() != null) {
                held(Utf8Tail.decode(pending, b, off, len));
                return;
            }
            CellOutput out = CurrentOutput.find();
            if (out == null) {
                fallback.write(b, off, len);
                return;
            }
            String text = Utf8Tail.decode(pending, b, off, len);
            if (text.isEmpty()) {
                return;
            }
            if (err) {
                out.stderr(text);
            } else {
                out.stdout(text);
            }
        }
    }

    /**
     * Lines asked of the front end through the cell's {@code input_request}. A front end that allows no input
     * makes the read fail at once with an unchecked exception, because {@code Scanner} would silently turn an
     * {@code IOException} into "no line found".
     */
    private static final class CellInput extends InputStream {
        private final ThreadLocal<byte[]> pending = new ThreadLocal<>();
        private final ThreadLocal<Integer> position = ThreadLocal.withInitial(() -> 0);

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            byte[] line = pending.get();
            int pos = position.get();
            if (line == null || pos >= line.length) {
                line = askLine();
                pos = 0;
                pending.set(line);
            }
            int n = Math.min(len, line.length - pos);
            System.arraycopy(line, pos, b, off, n);
            position.set(pos + n);
            return n;
        }

        @Override
        public int available() {
            byte[] line = pending.get();
            return line == null ? 0 : line.length - position.get();
        }

        private static byte[] askLine() {
            CellOutput out = CurrentOutput.find();
            if (out == null) {
                throw new UncheckedIOException(new IOException("stdin is only available inside a cell"));
            }
            try {
                System.out.flush();
                return (out.input("", false) + "\n").getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
    }
}
