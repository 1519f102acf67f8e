package io.jawait.engine;

import io.jawait.magic.JavaText;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Cuts a cell into the snippets JShell evaluates one at a time ({@code JShell.eval} takes only the first
 * snippet of what it is given).
 *
 * <p>Each unit starts at its first non-blank character: JShell numbers stack-trace lines from the start of
 * the source it was given but gets them wrong when that source begins with a blank line.
 */
final class CellSplitter {

    /**
     * One snippet's source, where it starts in the cell, and whether it lacks the {@code ;} JShell needs to
     * evaluate it (a statement or declaration ending the cell without one, as {@code int x = 3}).
     */
    record Unit(String source, int offset, boolean lacksSemicolon) {
        Unit(String source, int offset) {
            this(source, offset, false);
        }

        /** Whether the unit ends with a {@code ;}, comments aside, which hides its value as in IPython. */
        boolean silenced() {
            return JavaText.endsWithSemicolon(source);
        }

        /**
         * The source to give {@code JShell.eval}: with the missing {@code ;} added after the last code, before any
         * trailing comment, as the jshell tool adds it. {@link #silenced()} still reads the source as written.
         */
        String evalSource() {
            return lacksSemicolon ? JavaText.withSemicolon(source) : source;
        }
    }

    private final SourceCodeAnalysis analysis;

    CellSplitter(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    List<Unit> split(String cell) {
        var units = new ArrayList<Unit>();
        int cursor = 0;
        while (cursor < cell.length()) {
            cursor = skipBlank(cell, cursor);
            if (cursor >= cell.length()) {
                break;
            }
            String rest = cell.substring(cursor);
            var info = analysis.analyzeCompletion(rest);
            if (info.completeness() == Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete() || info.source() == null) {
                units.add(new Unit(rest.stripTrailing(), cursor));
                break;
            }
            int length = consumed(rest, info.source());
            units.add(new Unit(rest.substring(0, length).stripTrailing(), cursor,
                    info.completeness() == Completeness.COMPLETE_WITH_SEMI));
            cursor += length;
        }
        return units;
    }

    /** How much of {@code rest} the unit JShell found covers (it may have added a {@code ;}). */
    private static int consumed(String rest, String source) {
        String body = source.strip();
        if (rest.startsWith(body)) {
            return body.length();
        }
        String withoutSemi = body.endsWith(";") ? body.substring(0, body.length() - 1).stripTrailing() : body;
        return rest.startsWith(withoutSemi) ? withoutSemi.length() : rest.length();
    }

    private static int skipBlank(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
