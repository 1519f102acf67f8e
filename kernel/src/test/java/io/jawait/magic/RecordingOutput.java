package io.jawait.magic;

import io.jawait.display.CellOutput;
import io.jawait.display.MimeBundle;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A CellOutput that keeps everything for assertions. */
final class RecordingOutput implements CellOutput {
    final StringBuffer stdout = new StringBuffer();
    final StringBuffer stderr = new StringBuffer();
    final List<MimeBundle> displays = new CopyOnWriteArrayList<>();

    public void stdout(String text) { stdout.append(text); }

    public void stderr(String text) { stderr.append(text); }

    public void display(MimeBundle bundle, String displayId, boolean update) { displays.add(bundle); }

    public void clearOutput(boolean wait) { stdout.setLength(0); }

    public String input(String prompt, boolean password) { return ""; }

    public void flush() {}
}
