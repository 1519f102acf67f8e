package io.jawait.engine;

import java.util.function.IntUnaryOperator;

/**
 * Code the engine evaluates and where it stands in the cell the user wrote: Java between line magics, the code
 * after {@code %time}, {@code %timeit}'s loop class around the statement. Compile errors quote the cell's own
 * line and stack traces give the cell's line numbers through it.
 *
 * @param code what is evaluated
 * @param cell the text of the whole cell
 * @param toCell the position in {@code cell} of each position in {@code code}
 * @param mustResolve whether a declaration waiting for a name not yet declared is an error, as for a class a magic
 *     made and uses at once, rather than a pending declaration as in a cell
 */
record CellCode(String code, String cell, IntUnaryOperator toCell, boolean mustResolve) {

    /** Code that is the whole cell. */
    static CellCode whole(String code) {
        return new CellCode(code, code, IntUnaryOperator.identity(), false);
    }

    /** The position in the cell of {@code position} in the code, kept within the cell. */
    int cellPosition(int position) {
        return Math.clamp(toCell.applyAsInt(position), 0, cell.length());
    }

    /** The 1-based cell line of line {@code line} (1-based) of the unit that starts at {@code unitOffset}. */
    int cellLine(int unitOffset, int line) {
        int at = unitOffset;
        for (int n = 1; n < line; n++) {
            int newline = code.indexOf('\n', at);
            if (newline < 0) {
                break;
            }
            at = newline + 1;
        }
        return SnippetPlaces.lineOf(cell, cellPosition(at));
    }
}
