package io.jawait.magic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * File arguments of magics, read and completed as IPython does: a leading {@code ~} is the user's home directory.
 */
final class UserPaths {
    /** At most this many completions, so that a huge folder does not flood the front end. */
    private static final int MOST = 1000;

    private UserPaths() {}

    /** {@code word} with a leading {@code ~} or {@code ~/} expanded (os.path.expanduser); other text unchanged. */
    static String expand(String word) {
        if (word.equals("~") || word.startsWith("~/")) {
            return System.getProperty("user.home") + word.substring(1);
        }
        return word;
    }

    /** The path {@code word} names, {@code ~} expanded. */
    static Path of(String word) {
        return Path.of(expand(word));
    }

    /**
     * What could complete {@code word}, the start of a path as typed (relative to the working directory, {@code ~}
     * for home, an opening quote kept): the entries of its folder whose names go on from what follows its last
     * {@code /}, folders ending in {@code /}, files only with one of {@code endings} (any when empty), hidden ones
     * only when the name typed starts with a dot; sorted. An unreadable folder offers nothing.
     */
    static List<String> complete(String word, List<String> endings) {
        String quote = word.startsWith("\"") || word.startsWith("'") ? word.substring(0, 1) : "";
        String typed = word.substring(quote.length());
        int slash = typed.lastIndexOf('/');
        String folder = typed.substring(0, slash + 1);
        String name = typed.substring(slash + 1);
        if (typed.equals("~")) {
            return List.of(quote + "~/");
        }
        Path dir = folder.isEmpty() ? Path.of("") : of(folder);
        try (Stream<Path> entries = Files.list(dir.toAbsolutePath())) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(entry -> entry.startsWith(name) && (name.startsWith(".") || !entry.startsWith(".")))
                    .map(entry -> Files.isDirectory(dir.resolve(entry)) ? entry + "/"
                            : endings.isEmpty() || endings.stream().anyMatch(entry::endsWith) ? entry : null)
                    .filter(entry -> entry != null).sorted().limit(MOST).map(entry -> quote + folder + entry).toList();
        } catch (IOException | RuntimeException e) {
            // no such folder, not a folder, not readable, or not a path at all: nothing to offer
            return List.of();
        }
    }
}
