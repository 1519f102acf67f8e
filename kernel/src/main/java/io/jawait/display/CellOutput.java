package io.jawait.display;

import java.io.IOException;

/**
 * Where one cell's output goes: its streams, its displays and its questions to the user.
 *
 * <p>The protocol layer gives one to the interpreter per execute request. It stays valid after the cell has
 * finished, so a thread the cell started can still print to it later (output then arrives under that
 * cell's parent header). Implementations are thread safe.
 */
public interface CellOutput {

    /** Appends text to the cell's standard output; batched by the implementation. */
    void stdout(String text);

    /** Appends text to the cell's standard error; batched by the implementation. */
    void stderr(String text);

    /**
     * Publishes a display. With a {@code displayId} the display can later be replaced in place by a call with
     * {@code update = true} and the same id.
     */
    void display(MimeBundle bundle, String displayId, boolean update);

    /** Clears the cell's output, at once or ({@code wait}) when the next output arrives. */
    void clearOutput(boolean wait);

    /**
     * Asks the front end for a line of input.
     *
     * @throws StdinNotAllowedException if the request said {@code allow_stdin: false}
     * @throws IOException if no reply can be had (interrupt, shutdown)
     */
    String input(String prompt, boolean password) throws IOException;

    /** Sends anything batched so far. */
    void flush();
}
