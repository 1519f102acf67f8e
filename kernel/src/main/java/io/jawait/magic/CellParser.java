package io.jawait.magic;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a cell into Java chunks and magics: a {@code %%name} first line makes the whole cell one cell magic;
 * otherwise every line starting with {@code %name} is a line magic, optionally bound as in
 * {@code var r = %timeit -o x} or {@code r = %timeit -o x}, and the lines between are Java.
 */
final class CellParser {
    private static final Pattern CELL = Pattern.compile("^\\s*%%([A-Za-z_][\\w]*)(\\?{1,2})?(?:[ \\t]+(.*))?\\s*$");
    private static final Pattern LINE = Pattern.compile("^\\s*%([A-Za-z_][\\w]*)(\\?{1,2})?(?:[ \\t]+(.*))?\\s*$");
    private static final Pattern BOUND = Pattern.compile(
            "^\\s*(?:([A-Za-z_$][\\w$.]*(?:<[\\w$.,?<>\\[\\] ]*>)?(?:\\[\\])*)\\s+)?([A-Za-z_$][\\w$]*)\\s*=\\s*"
                    + "%([A-Za-z_][\\w]*)(?:[ \\t]+(.*))?\\s*$");
    // IPython's other spellings of help, ?%name and ??%name; moving the marks keeps every offset in the cell
    private static final Pattern HELP_FIRST = Pattern.compile("^(\\s*)(\\?{1,2})(%%?[A-Za-z_][\\w]*)(\\s*)$");
    private static final Pattern STRAY_CELL = Pattern.compile("^\\s*%%[A-Za-z_]");

    /** One piece of a cell, in order. */
    sealed interface Part {}

    /** Java lines of the cell, starting at {@code offset} of its text. */
    record Java(String code, int offset) implements Part {}

    /** A line magic; {@code type}/{@code variable} are set when its result is bound, {@code help} for {@code %x?}. */
    record LineMagic(Invocation call, String type, String variable, boolean help) implements Part {}

    record CellMagic(Invocation call, boolean help) implements Part {}

    private CellParser() {}

    /** True when the cell holds any magic. */
    static boolean hasMagic(String cell) {
        if (cell.indexOf('%') < 0) {
            return false;
        }
        String[] lines = lines(cell);
        boolean[] inside = JavaText.linesStartingInside(cell);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!inside[i] && (CELL.matcher(line).matches() || LINE.matcher(line).matches()
                    || BOUND.matcher(line).matches())) {
                return true;
            }
        }
        return false;
    }

    /** The parts of {@code cell}; {@code cellForm} tells whether a magic name also has a cell magic, for errors. */
    static List<Part> parse(String cell, Predicate<String> cellForm) throws CellException {
        String[] lines = lines(cell);
        int[] starts = lineStarts(lines);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first < lines.length) {
            Matcher m = CELL.matcher(lines[first]);
            if (m.matches()) {
                String body = String.join("\n", List.of(lines).subList(first + 1, lines.length));
                int bodyAt = first + 1 < lines.length ? starts[first + 1] : cell.length();
                var call = new Invocation(m.group(1), args(m.group(3)), body, argsAt(m, 3, starts[first]), bodyAt);
                return List.of(new CellMagic(call, m.group(2) != null));
            }
        }
        return lineParts(lines, starts, JavaText.linesStartingInside(cell), cellForm);
    }

    /** The cell's lines, {@code ?%name} read as {@code %name?}. */
    private static String[] lines(String cell) {
        String[] lines = cell.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].indexOf('?') >= 0) {
                lines[i] = HELP_FIRST.matcher(lines[i]).replaceFirst("$1$3$2$4");
            }
        }
        return lines;
    }

    /** Where each line starts in the cell's text. */
    private static int[] lineStarts(String[] lines) {
        int[] starts = new int[lines.length];
        for (int i = 1; i < lines.length; i++) {
            starts[i] = starts[i - 1] + lines[i - 1].length() + 1;
        }
        return starts;
    }

    /** The parts of a cell without a cell magic; a line inside a text block or block comment is Java, whatever it says. */
    private static List<Part> lineParts(String[] lines, int[] starts, boolean[] inside, Predicate<String> cellForm)
            throws CellException {
        List<Part> parts = new ArrayList<>();
        StringBuilder java = new StringBuilder();
        int javaAt = 0;
        // the cell's Java so far, each line in its place (magic lines left empty), to tell a magic inside a block
        StringBuilder javaSoFar = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Part magic = inside[i] ? null : lineMagic(line, starts[i]);
            if (magic == null) {
                if (!inside[i] && STRAY_CELL.matcher(line).find()) {
                    throw new CellException("UsageError",
                            line.strip().split("\\s")[0] + " is a cell magic: it must be on the first line of the cell");
                }
                javaAt = java.isEmpty() ? starts[i] : javaAt;
                java.append(line).append('\n');
                javaSoFar.append(line).append('\n');
                continue;
            }
            int open = JavaText.openBrace(javaSoFar.toString());
            if (open >= 0) {
                throw insideBlock(((LineMagic) magic).call().name(), i, lineOf(javaSoFar, open), cellForm);
            }
            javaSoFar.append('\n');
            if (!java.toString().isBlank()) {
                parts.add(new Java(java.toString(), javaAt));
            }
            java.setLength(0);
            parts.add(magic);
        }
        if (!java.toString().isBlank()) {
            parts.add(new Java(java.toString(), javaAt));
        }
        return parts;
    }

    /**
     * The error for line magic {@code name} on line {@code line} (from 0) inside a block opened on line {@code
     * opened}: it would cut the block in two, and a magic is never made into Java that could run inside it.
     */
    private static CellException insideBlock(String name, int line, int opened, Predicate<String> cellForm) {
        return new CellException("UsageError", "%" + name + " on line " + (line + 1) + " is inside the block { opened"
                + " on line " + (opened + 1) + ": a line magic stands on its own line between the cell's top-level"
                + " statements. Close the block before it" + (cellForm.test(name) ? ", or put %%" + name
                + " on the cell's first line to apply it to the whole cell" : ""));
    }

    private static int lineOf(CharSequence text, int index) {
        int line = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** See {@link MagicRunner#javaAt}; {@code catalog} tells which magics run Java code. */
    static MagicRunner.JavaSpan javaAt(String cell, int cursor, MagicCatalog catalog) {
        int first = 0;
        while (first < cell.length() && Character.isWhitespace(cell.charAt(first))) {
            first++;
        }
        first = cell.lastIndexOf('\n', first - 1) + 1;
        int firstEnd = lineEnd(cell, first);
        Matcher m = CELL.matcher(cell.substring(first, firstEnd));
        if (m.matches() && m.group(2) == null) {
            var spec = catalog.find(m.group(1), true);
            if (cursor > firstEnd) {
                return spec.filter(s -> s.magic().bodyIsJava()).map(s -> new MagicRunner.JavaSpan(firstEnd + 1,
                        cell.length())).orElse(null);
            }
            return argsSpan(m, 3, spec, first, firstEnd, cursor);
        }
        return lineMagicSpan(cell, cursor, catalog);
    }

    /**
     * Where the file name under {@code cursor} starts, when it is an argument of a magic that takes files (the first
     * line of a cell magic, or a line magic's line), with the magic's {@link Magic#fileEndings}; null otherwise. A
     * word is delimited by blanks and, as %classpath reads it, by the path separator; an option ({@code -a}) is no
     * file name.
     */
    static FileWord fileWordAt(String cell, int cursor, MagicCatalog catalog) {
        int start = cell.lastIndexOf('\n', cursor - 1) + 1;
        int end = lineEnd(cell, start);
        String line = cell.substring(start, end);
        boolean firstLine = cell.substring(0, start).isBlank();
        Matcher m = firstLine ? CELL.matcher(line) : null;
        Optional<MagicSpec> spec;
        if (m != null && m.matches()) {
            spec = catalog.find(m.group(1), true);
        } else if (STRAY_CELL.matcher(cell.stripLeading()).lookingAt()) {
            return null; // the body of a cell magic is its text, not magics
        } else {
            int index = (int) cell.substring(0, start).chars().filter(c -> c == '\n').count();
            m = LINE.matcher(line);
            if (JavaText.linesStartingInside(cell)[index] || !m.matches()) {
                return null;
            }
            spec = catalog.find(m.group(1), false);
        }
        if (m.group(2) != null || m.group(3) == null || cursor < start + m.start(3) || spec.isEmpty()
                || spec.get().magic().fileEndings() == null) {
            return null;
        }
        int from = cursor;
        while (from > start + m.start(3) && !Character.isWhitespace(cell.charAt(from - 1))
                && cell.charAt(from - 1) != File.pathSeparatorChar) {
            from--;
        }
        return cell.startsWith("-", from) ? null : new FileWord(from, spec.get().magic().fileEndings());
    }

    /** A file name argument that starts at {@code start}, of a magic that reads files with these endings. */
    record FileWord(int start, List<String> endings) {}

    /** The statement of the line magic on the cursor's line, when it runs one. */
    private static MagicRunner.JavaSpan lineMagicSpan(String cell, int cursor, MagicCatalog catalog) {
        int start = cell.lastIndexOf('\n', cursor - 1) + 1;
        int end = lineEnd(cell, start);
        int index = (int) cell.substring(0, start).chars().filter(c -> c == '\n').count();
        if (JavaText.linesStartingInside(cell)[index]) {
            return null;
        }
        String line = cell.substring(start, end);
        Matcher m = LINE.matcher(line);
        if (m.matches() && m.group(2) == null) {
            return argsSpan(m, 3, catalog.find(m.group(1), false), start, end, cursor);
        }
        Matcher b = BOUND.matcher(line);
        return b.matches() ? argsSpan(b, 4, catalog.find(b.group(3), false), start, end, cursor) : null;
    }

    /** The Java code in group {@code args} of a magic's line {@code [start, end)}, if the cursor is in it. */
    private static MagicRunner.JavaSpan argsSpan(Matcher m, int args, Optional<MagicSpec> spec, int start, int end,
                                                 int cursor) {
        if (m.group(args) == null || spec.isEmpty()) {
            return null;
        }
        int code = spec.get().magic().codeStart(m.group(args));
        int from = start + m.start(args) + code;
        return code >= 0 && cursor >= from ? new MagicRunner.JavaSpan(from, end) : null;
    }

    private static int lineEnd(String cell, int start) {
        int end = cell.indexOf('\n', start);
        return end < 0 ? cell.length() : end;
    }

    private static Part lineMagic(String line, int lineStart) {
        Matcher m = LINE.matcher(line);
        if (m.matches()) {
            var call = new Invocation(m.group(1), args(m.group(3)), null, argsAt(m, 3, lineStart), -1);
            return new LineMagic(call, null, null, m.group(2) != null);
        }
        Matcher b = BOUND.matcher(line);
        if (b.matches()) {
            String type = b.group(1) == null ? "var" : b.group(1);
            var call = new Invocation(b.group(3), args(b.group(4)), null, argsAt(b, 4, lineStart), -1);
            return new LineMagic(call, type, b.group(2), false);
        }
        return null;
    }

    /** Where the trimmed arguments in {@code group} of {@code m} start in the cell; the line's end when absent. */
    private static int argsAt(Matcher m, int group, int lineStart) {
        String raw = m.group(group);
        if (raw == null) {
            return lineStart + m.end();
        }
        return lineStart + m.start(group) + (raw.length() - raw.stripLeading().length());
    }

    private static String args(String raw) {
        return raw == null ? "" : raw.strip();
    }
}
