package io.jawait.demo;

import io.jawait.async.Async;
import io.jawait.async.Coro;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens files whose reads and writes are coroutines, like Python's {@code aiofiles}.
 *
 * {@snippet :
 * var path = java.nio.file.Files.createTempFile("demo", ".txt");
 * try (var f = Async.await(AFiles.open(path, "w"))) { Async.await(f.write("hello async file")); }
 * try (var f = Async.await(AFiles.open(path, "r"))) { System.out.println(Async.await(f.read())); }
 * }
 *
 * <p>As aiofiles does, every operation runs on a thread pool ({@link Async#toThread}) while the task
 * suspends: disk I/O blocks at the OS level in both languages, so the pool is what keeps a LOOP run free.
 * Text is UTF-8.
 */
public final class AFiles {

    private AFiles() {
    }

    /**
     * Opens {@code path}: {@code "r"} to read, {@code "w"} to write (created or emptied), {@code "a"} to
     * append (created if missing).
     *
     * @throws IllegalArgumentException if the mode is not "r", "w" or "a"
     * @throws java.io.IOException (when awaited) if the file cannot be opened, for example a missing file in "r"
     */
    public static Coro<AFile> open(Path path, String mode) {
        if (!"r".equals(mode) && !"w".equals(mode) && !"a".equals(mode)) {
            throw new IllegalArgumentException("file mode must be \"r\", \"w\" or \"a\", not: " + mode);
        }
        if (path == null) {
            throw new IllegalArgumentException("no path given");
        }
        return Async.async("aiofiles.open", () -> Async.toThread(() -> "r".equals(mode)
                ? new AFile(path, reader(path), null)
                : new AFile(path, null, writer(path, mode))));
    }

    /**
     * Opens the file named {@code path}.
     *
     * @throws IllegalArgumentException if the mode is not "r", "w" or "a"
     */
    public static Coro<AFile> open(String path, String mode) {
        if (path == null) {
            throw new IllegalArgumentException("no path given");
        }
        return open(Path.of(path), mode);
    }

    private static BufferedReader reader(Path path) throws java.io.IOException {
        return Files.newBufferedReader(path, StandardCharsets.UTF_8);
    }

    private static BufferedWriter writer(Path path, String mode) throws java.io.IOException {
        return "w".equals(mode)
                ? Files.newBufferedWriter(path, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
    }
}
