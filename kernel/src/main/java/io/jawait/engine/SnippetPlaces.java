package io.jawait.engine;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * Where each snippet came from: its cell and the cell line it starts on (or the file {@code %load} read it from),
 * so stack traces and compile errors speak of the lines the user wrote. JShell keeps a snippet's id when a
 * declaration is redefined, so the latest cell wins.
 */
final class SnippetPlaces {

    /**
     * A snippet's cell ({@code executionCount}, 0 for start-up code) and where it came from: the unit starting at
     * {@code unitOffset} of {@code code}.
     */
    record Place(int cell, CellCode code, int unitOffset) {

        /**
         * Line {@code snippetLine} (1-based) of the snippet as a stack frame gives it: {@code cell 3, line 2}, or
         * {@code greet.jsh:2} for a loaded file, as Java gives a line of a source file.
         */
        String where(int snippetLine) {
            int line = code.cellLine(unitOffset, snippetLine);
            return code.file() == null ? code.name(cell) + ", line " + line : code.file() + ":" + line;
        }

        /** The text of line {@code snippetLine} of the snippet, as the cell (or file) has it; null if none. */
        String source(int snippetLine) {
            int line = code.cellLine(unitOffset, snippetLine);
            return code.cell().lines().skip(line - 1L).findFirst().orElse(null);
        }
    }

    private final Map<String, Place> places = new ConcurrentHashMap<>();
    private volatile Place evaluating;

    void put(String snippetId, Place place) {
        places.put(snippetId, place);
    }

    /**
     * The place of the unit JShell now evaluates, whose snippet id is known only once it has run, or null when it
     * is done: a thread its code started can fail, and be reported, before that.
     */
    void evaluating(Place place) {
        evaluating = place;
    }

    /** The place of {@code snippetId}; one not known yet is the unit JShell now evaluates. */
    Place get(String snippetId) {
        Place place = places.get(snippetId);
        return place != null ? place : evaluating;
    }

    /** The 1-based line of character {@code offset} in {@code text}. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
