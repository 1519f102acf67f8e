package io.jawait.protocol;

import io.jawait.display.CellOutput;

/**
 * What the kernel asks of a language: one method per Jupyter request, never a socket.
 *
 * <p>The protocol layer calls {@link #execute}, {@link #complete}, {@link #inspect} and {@link #isComplete}
 * from one shell thread, one request at a time; {@link #interrupt} comes from the control thread while
 * {@link #execute} runs, and must make it return promptly.
 */
public interface Interpreter {

    /** What {@code kernel_info_reply} says of the language. */
    LanguageInfo languageInfo();

    /** The banner shown by consoles. */
    String banner();

    /** Runs one cell; output goes to {@code out}, which stays usable after this returns. */
    ExecuteOutcome execute(ExecuteRequest request, CellOutput out);

    CompleteReply complete(String code, int cursorPos);

    InspectReply inspect(String code, int cursorPos, int detailLevel);

    IsCompleteReply isComplete(String code);

    /** Stops the running cell and what it started; called from another thread. */
    void interrupt();

    /** Releases resources before the process exits or restarts. */
    void shutdown();
}
