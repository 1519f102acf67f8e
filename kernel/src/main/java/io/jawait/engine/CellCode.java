package io.jawait.engine;

import java.util.function.IntUnaryOperator;

/**
 * Code the engine evaluates and where it stands in the text the user wrote: Java between line magics, the code
 * after {@code %time}, {@code %timeit}'s loop class around the statement, or a file {@code %load} read. Compile
 * errors quote that text's own line and stack traces give its line numbers through it.
 *
 * @param code what is evaluated
 * @param cell the text of the whole cell, or of the file
 * @param toCell the position in {@code cell} of each position in {@code code}
 * @param mustResolve whether a declaration waiting for a name not yet declared is an error, as for a class a magic
 *     made and uses at once, rather than a pending declaration as in a cell
 * @param file the name of the file the code was read from, which errors name instead of the cell (whose only
 *     line is the magic); null for code of the cell
 */
record CellCode(String code, String cell, IntUnaryOperator toCell, boolean mustResolve, String file) {

    /** Code that is the whole cell. */
    static CellCode whole(String code) {
        return new CellCode(code, code, IntUnaryOperator.identity(), false, null);
    }

    /** Code that is the whole of the file called {@code name}. */
    static CellCode ofFile(String code, String name) {
        return new CellCode(code, code, IntUnaryOperator.identity(), false, name);
    }

    /** What errors call the text: {@code cell 3}, or the file's name. */
    String name(int cellNumber) {
        return file == null ? "cell " + cellNumber : file;
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
