package io.jawait.magic;

import java.nio.file.Path;

/** File arguments of magics, read as IPython reads them: a leading {@code ~} is the user's home directory. */
final class UserPaths {
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
}
