package io.jawait.engine;

import io.jawait.display.CellOutput;
import io.jawait.display.MimeBundle;
import io.jawait.display.StdinNotAllowedException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A cell output that keeps everything, for tests; thread safe like the real one. */
final class RecordingOutput implements CellOutput {
    record Shown(MimeBundle bundle, String displayId, boolean update) {}

    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();
    private final List<Shown> displays = new ArrayList<>();
    private final Deque<String> answers = new ArrayDeque<>();
    private final boolean stdinAllowed;

    RecordingOutput(boolean stdinAllowed, String... answers) {
        this.stdinAllowed = stdinAllowed;
        this.answers.addAll(List.of(answers));
    }

    private int stdoutPieces;

    @Override public synchronized void stdout(String text) { stdout.append(text); stdoutPieces++; }

    synchronized int stdoutPieces() { return stdoutPieces; }

    @Override public synchronized void stderr(String text) { stderr.append(text); }

    @Override public synchronized void display(MimeBundle bundle, String displayId, boolean update) {
        displays.add(new Shown(bundle, displayId, update));
    }

    private final List<Boolean> clears = new ArrayList<>();

    @Override public synchronized void clearOutput(boolean wait) { clears.add(wait); }

    private final List<String> prompts = new ArrayList<>();

    @Override public synchronized String input(String prompt, boolean password) throws IOException {
        prompts.add(prompt);
        if (!stdinAllowed) {
            throw new StdinNotAllowedException();
        }
        if (answers.isEmpty()) {
            throw new IOException("the test gave no more answers");
        }
        return answers.poll();
    }

    @Override public void flush() {}

    /** The prompts of the questions asked, in order. */
    synchronized List<String> prompts() { return List.copyOf(prompts); }

    synchronized String stdout() { return stdout.toString(); }

    synchronized String stderr() { return stderr.toString(); }

    synchronized List<Shown> displays() { return List.copyOf(displays); }

    /** The {@code wait} flag of each clear, in order. */
    synchronized List<Boolean> clears() { return List.copyOf(clears); }
}
