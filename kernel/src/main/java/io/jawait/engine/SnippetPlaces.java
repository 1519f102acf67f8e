package io.jawait.engine;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * Where each snippet came from: its cell and the cell line it starts on, so stack traces and compile errors
 * speak of cell lines. JShell keeps a snippet's id when a declaration is redefined, so the latest cell wins.
 */
final class SnippetPlaces {

    /**
     * A snippet's cell ({@code executionCount}, 0 for start-up code) and where it came from: the unit starting at
     * {@code unitOffset} of {@code code}.
     */
    record Place(int cell, CellCode code, int unitOffset) {

        /** The cell line of line {@code snippetLine} (1-based) of the snippet. */
        int line(int snippetLine) {
            return code.cellLine(unitOffset, snippetLine);
        }
    }

    private final Map<String, Place> places = new ConcurrentHashMap<>();

    void put(String snippetId, Place place) {
        places.put(snippetId, place);
    }

    Place get(String snippetId) {
        return places.get(snippetId);
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
