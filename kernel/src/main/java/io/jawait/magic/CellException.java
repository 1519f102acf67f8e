package io.jawait.magic;

import java.util.List;

/** A cell (or magic) failed; {@code ename}, {@code evalue} and {@code traceback} go to the user as they are. */
public class CellException extends Exception {
    private final String ename;
    private final List<String> traceback;

    public CellException(String ename, String evalue, List<String> traceback) {
        super(evalue);
        this.ename = ename;
        this.traceback = List.copyOf(traceback);
    }

    public CellException(String ename, String evalue) {
        this(ename, evalue, List.of(ename + ": " + evalue));
    }

    public String ename() { return ename; }

    public List<String> traceback() { return traceback; }
}
