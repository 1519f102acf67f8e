package io.jawait.magic;

import io.jawait.display.CellOutput;
import java.nio.file.Path;

/**
 * What a magic may ask of the engine that runs the cell. Implemented by the engine; magics never see JShell.
 */
public interface MagicContext {

    /**
     * Compiles and runs Java source exactly as a cell would (any mix of statements and declarations).
     *
     * @throws CellException when it does not compile or throws; the message is ready for the user
     */
    Evaluation eval(String code) throws CellException;

    /** The output of the cell the magic runs in. */
    CellOutput out();

    /** Makes a jar or class folder visible to later cells. */
    void addToClasspath(Path path) throws CellException;

    /**
     * Declares a variable in the user's session holding {@code value}, as in {@code var r = %timeit -o ...}.
     *
     * @param type the declared type as the user wrote it, or {@code "var"}
     */
    void bind(String type, String name, Object value) throws CellException;
}
