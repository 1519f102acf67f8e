package io.jawait.engine;

import java.util.regex.Pattern;

/**
 * Takes JShell's wrapper classes out of text a learner reads. JShell compiles each snippet into a class of its
 * own ({@code REPL.$JShell$14}), so a class declared in a cell is really {@code REPL.$JShell$14$Node} and a
 * variable {@code REPL.$JShell$13.o}; {@code Object.toString()} and the JDK's helpful null-pointer messages name
 * them so. The jshell tool shows {@code Node@5197848c}; the kernel shows the same, and {@code because "o" is null}.
 */
final class ReplNames {
    private static final String MARK = "$JShell$";
    // the package may be missing: an array's component type is printed by its simple binary name
    // ($JShell$8$Color[2] { RED, GREEN } for an enum's values())
    private static final Pattern WRAPPER = Pattern.compile("(?:REPL\\.)?\\$JShell\\$\\d+[$.]");

    private ReplNames() {}

    /**
     * Whether {@code name} is one JShell made for itself: besides the wrapper classes, the class it wraps code
     * in to analyse it, {@code $JShell$DOESNOTMATTER}, which its completion offers after {@code new}; and the loop
     * classes {@code %timeit} defines ({@code $Timeit1v}), which are the kernel's, not the user's.
     */
    static boolean internal(String name) {
        return name.contains(MARK) || name.startsWith("$Timeit");
    }

    /** {@code text} without JShell's wrapper class names; null stays null. */
    static String plain(String text) {
        return text == null || !text.contains(MARK) ? text : WRAPPER.matcher(text).replaceAll("");
    }
}
