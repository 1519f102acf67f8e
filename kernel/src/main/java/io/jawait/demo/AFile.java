package io.jawait.demo;

import io.jawait.async.Async;
import io.jawait.async.Coro;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * An open file from {@link AFiles#open}: {@code read}, {@code lines} and {@code write} are coroutines.
 *
 * {@snippet :
 * var path = java.nio.file.Files.createTempFile("demo", ".txt");
 * try (var f = Async.await(AFiles.open(path, "w"))) { Async.await(f.write("a\nb\n")); }
 * try (var f = Async.await(AFiles.open(path, "r"))) { System.out.println(Async.await(f.lines())); }  // [a, b]
 * }
 *
 * <p>Each operation runs on the helpers' thread pool while the task suspends. Not for use by two tasks at once.
 */
public final class AFile implements AutoCloseable {

    private final Path path;
    private final BufferedReader reader;
    private final BufferedWriter writer;

    AFile(Path path, BufferedReader reader, BufferedWriter writer) {
        this.path = path;
        this.reader = reader;
        this.writer = writer;
    }

    /**
     * The rest of the file as text: {@code await f.read()}.
     *
     * @throws IllegalStateException (when awaited) if the file was opened for writing
     */
    public Coro<String> read() {
        return Async.async("file.read", () -> Async.toThread(() -> {
            var text = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = readable().read(buffer)) >= 0; ) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        }));
    }

    /**
     * The remaining lines, without line ends.
     *
     * @throws IllegalStateException (when awaited) if the file was opened for writing
     */
    public Coro<List<String>> lines() {
        return Async.async("file.lines", () -> Async.toThread(() -> readable().lines().toList()));
    }

    /**
     * Appends {@code text} at the current position and returns how many characters were written.
     *
     * @throws IllegalStateException (when awaited) if the file was opened for reading
     */
    public Coro<Integer> write(String text) {
        return Async.async("file.write", () -> Async.toThread(() -> {
            if (writer == null) {
                throw new IllegalStateException(path + " was opened for reading (\"r\"), not writing");
            }
            writer.write(text);
            writer.flush();
            return text.length();
        }));
    }

    /** The file's path. */
    public Path path() {
        return path;
    }

    /** Flushes and closes the file. */
    @Override
    public void close() {
        try {
            if (reader != null) {
                reader.close();
            } else {
                writer.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + path + " failed", e);
        }
    }

    @Override
    public String toString() {
        return "<AFile " + path + (reader != null ? " r>" : " w>");
    }

    private BufferedReader readable() {
        if (reader == null) {
            throw new IllegalStateException(path + " was opened for writing, not reading (\"r\")");
        }
        return reader;
    }
}
