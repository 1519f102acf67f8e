package io.jawait.magic;

import java.util.function.IntConsumer;

/** Small lexical helpers over Java source: enough to find statement boundaries outside strings and comments. */
public final class JavaText {
    private JavaText() {}

    /**
     * The index just after the last top-level statement boundary ({@code ;} or a closing {@code }}) in
     * {@code code}, ignoring strings, characters, text blocks and comments; 0 when there is none.
     */
    static int lastBoundary(String code) {
        int[] depth = {0};
        int[] boundary = {0};
        outsideComments(code, i -> {
            char c = code.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth[0]++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth[0]--;
            }
            if (depth[0] == 0 && (c == ';' || c == '}')) {
                boundary[0] = i + 1;
            }
        });
        return boundary[0];
    }

    /**
     * Whether the last thing in {@code code}, comments and whitespace aside, is a {@code ;}: IPython's rule that a
     * trailing semicolon silences a cell's value, where a comment after the semicolon does not count either.
     */
    public static boolean endsWithSemicolon(String code) {
        int[] last = {-1};
        outsideComments(code, i -> {
            if (!Character.isWhitespace(code.charAt(i))) {
                last[0] = i;
            }
        });
        return last[0] >= 0 && code.charAt(last[0]) == ';';
    }

    /**
     * Calls {@code visit} with the index of each character of {@code code} outside comments; a string, character
     * or text-block literal is visited once, at its opening quote.
     */
    private static void outsideComments(String code, IntConsumer visit) {
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (code.startsWith("//", i)) {
                i = indexAfter(code, "\n", i + 2);
            } else if (code.startsWith("/*", i)) {
                i = indexAfter(code, "*/", i + 2);
            } else if (code.startsWith("\"\"\"", i)) {
                visit.accept(i);
                i = indexAfter(code, "\"\"\"", i + 3);
            } else if (c == '"' || c == '\'') {
                visit.accept(i);
                i = quotedEnd(code, i, c);
            } else {
                visit.accept(i);
                i++;
            }
        }
    }

    /** {@code code} ending with a semicolon unless it already ends a statement or a block. */
    static String terminated(String code) {
        String s = code.strip();
        return s.isEmpty() || s.endsWith(";") || s.endsWith("}") ? s : s + ";";
    }

    private static int indexAfter(String code, String end, int from) {
        int at = code.indexOf(end, from);
        return at < 0 ? code.length() : at + end.length();
    }

    private static int quotedEnd(String code, int start, char quote) {
        int i = start + 1;
        while (i < code.length() && code.charAt(i) != quote && code.charAt(i) != '\n') {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, code.length());
    }
}
