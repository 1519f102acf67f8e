package io.jawait.magic;

import java.util.ArrayList;

/** Small lexical helpers over Java source: enough to find statement boundaries outside strings and comments. */
public final class JavaText {
    private JavaText() {}

    /**
     * The index just after the last top-level statement boundary ({@code ;} or a closing {@code }}) in
     * {@code code}, ignoring strings, characters, text blocks and comments; 0 when there is none. A {@code }}
     * that ends the code does not count: it may close an expression as well as a block.
     */
    static int lastBoundary(String code) {
        int[] depth = {0};
        int[] boundary = {0};
        int end = code.stripTrailing().length();
        segments(code, (start, stop, kind) -> {
            if (kind != Kind.CODE) {
                return;
            }
            char c = code.charAt(start);
            if (c == '(' || c == '[' || c == '{') {
                depth[0]++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth[0]--;
            }
            // a '}' ending the code may close an expression (new int[]{1, 2}, a switch expression): no cut there
            if (depth[0] == 0 && (c == ';' || c == '}') && start + 1 < end) {
                boundary[0] = start + 1;
            }
        });
        return boundary[0];
    }

    /**
     * Whether every {@code }} in {@code code} closes a {@code {}} opened before it in {@code code} and none is left
     * open, strings, characters, text blocks and comments aside.
     */
    static boolean bracesBalance(String code) {
        int[] depth = {0};
        boolean[] closedOutside = {false};
        segments(code, (start, stop, kind) -> {
            if (kind == Kind.CODE && code.charAt(start) == '{') {
                depth[0]++;
            } else if (kind == Kind.CODE && code.charAt(start) == '}' && --depth[0] < 0) {
                closedOutside[0] = true;
            }
        });
        return depth[0] == 0 && !closedOutside[0];
    }

    /**
     * Where the innermost {@code {}} that {@code code} leaves open stands, strings, characters, text blocks and
     * comments aside; -1 when every one is closed.
     */
    static int openBrace(String code) {
        var open = new ArrayList<Integer>();
        segments(code, (start, stop, kind) -> {
            if (kind == Kind.CODE && code.charAt(start) == '{') {
                open.add(start);
            } else if (kind == Kind.CODE && code.charAt(start) == '}' && !open.isEmpty()) {
                open.removeLast();
            }
        });
        return open.isEmpty() ? -1 : open.getLast();
    }

    /**
     * Whether the last thing in {@code code}, comments and whitespace aside, is a {@code ;}: IPython's rule that a
     * trailing semicolon silences a cell's value, where a comment after the semicolon does not count either.
     */
    public static boolean endsWithSemicolon(String code) {
        int[] last = {-1};
        segments(code, (start, end, kind) -> {
            if (kind == Kind.LITERAL || kind == Kind.CODE && !Character.isWhitespace(code.charAt(start))) {
                last[0] = start;
            }
        });
        return last[0] >= 0 && code.charAt(last[0]) == ';';
    }

    /**
     * {@code code} with a {@code ;} right after its last code or literal, so before any trailing comment; {@code
     * code} itself when it already ends with one.
     */
    public static String withSemicolon(String code) {
        int[] end = {-1};
        segments(code, (start, stop, kind) -> {
            if (kind == Kind.LITERAL || kind == Kind.CODE && !Character.isWhitespace(code.charAt(start))) {
                end[0] = stop;
            }
        });
        if (end[0] < 0 || code.charAt(end[0] - 1) == ';') {
            return code;
        }
        return code.substring(0, end[0]) + ";" + code.substring(end[0]);
    }

    /**
     * For each line of {@code code} (split at {@code \n}), whether it starts inside a text block, a block comment
     * or another literal or comment opened on an earlier line: such a line is not where a magic can begin.
     */
    static boolean[] linesStartingInside(String code) {
        int lines = 1;
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                lines++;
            }
        }
        boolean[] inside = new boolean[lines];
        int[] line = {0};
        int[] scanned = {0};
        segments(code, (start, end, kind) -> {
            for (int i = scanned[0]; i < end; i++) {
                if (code.charAt(i) == '\n') {
                    line[0]++;
                    // the line starting after this break starts inside when the segment goes on past it
                    inside[line[0]] = kind != Kind.CODE && i + 1 < end;
                }
            }
            scanned[0] = end;
        });
        return inside;
    }

    /**
     * {@code code} with each character of its comments replaced by a space, line breaks kept, so that every
     * position keeps its line and column; strings, characters and text blocks are kept as they are, {@code //}
     * inside them included.
     */
    static String withoutComments(String code) {
        var out = new StringBuilder(code.length());
        segments(code, (start, end, kind) -> {
            if (kind != Kind.COMMENT) {
                out.append(code, start, end);
                return;
            }
            for (int i = start; i < end; i++) {
                out.append(code.charAt(i) == '\n' ? '\n' : ' ');
            }
        });
        return out.toString();
    }

    private enum Kind { CODE, LITERAL, COMMENT }

    @FunctionalInterface
    private interface Segment {
        void visit(int start, int end, Kind kind);
    }

    /**
     * Walks {@code code} as comments (a line comment with its line break), literals (strings, characters, text
     * blocks) and, between them, single characters of code.
     */
    private static void segments(String code, Segment visit) {
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            int end;
            Kind kind;
            if (code.startsWith("//", i)) {
                end = indexAfter(code, "\n", i + 2);
                kind = Kind.COMMENT;
            } else if (code.startsWith("/*", i)) {
                end = indexAfter(code, "*/", i + 2);
                kind = Kind.COMMENT;
            } else if (code.startsWith("\"\"\"", i)) {
                end = indexAfter(code, "\"\"\"", i + 3);
                kind = Kind.LITERAL;
            } else if (c == '"' || c == '\'') {
                end = quotedEnd(code, i, c);
                kind = Kind.LITERAL;
            } else {
                end = i + 1;
                kind = Kind.CODE;
            }
            visit.visit(i, end, kind);
            i = end;
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
