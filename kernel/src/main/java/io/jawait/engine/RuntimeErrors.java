package io.jawait.engine;

import io.jawait.display.StdinNotAllowedException;
import io.jawait.magic.CellException;
import io.jawait.magic.Xmode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Formats an exception thrown by cell code like Java does, minus the frames of the kernel, of JShell and of
 * reflection, with snippet frames given as cell lines ({@code at boom(cell 3, line 2)}), or as lines of the file
 * {@code %load} read ({@code at boom(tools.jsh:2)}). {@code %xmode} changes how much: Minimal shows no frame,
 * Verbose leaves none out and adds under each frame of a cell the line it ran.
 */
final class RuntimeErrors {
    private static final List<String> HIDDEN = List.of(
            "io.jawait.engine.", "jdk.jshell.", "java.lang.reflect.", "jdk.internal.reflect.",
            "java.lang.invoke.", "java.lang.Thread.run", "java.lang.Thread.runWith");

    private static final String STDIN_REFUSED = StdinNotAllowedException.class.getName();

    private final JShell shell;
    private final SnippetPlaces places;

    RuntimeErrors(JShell shell, SnippetPlaces places) {
        this.shell = shell;
        this.places = places;
    }

    /** The {@code ename} Jupyter shows. */
    static String name(JShellException e) {
        if (e instanceof EvalException ee) {
            return ee.getExceptionClassName();
        }
        return e instanceof UnresolvedReferenceException ? "UnresolvedReference" : e.getClass().getName();
    }

    /** The {@code evalue} Jupyter shows. */
    String message(JShellException e) {
        if (e instanceof UnresolvedReferenceException ure) {
            var snippet = ure.getSnippet();
            String missing = shell.unresolvedDependencies(snippet).collect(Collectors.joining(", "));
            return "'" + Describe.declaration(snippet) + "' cannot be used until "
                    + (missing.isEmpty() ? "its errors are fixed" : missing + " is declared");
        }
        String msg = e.getMessage() == null ? "" : ReplNames.plain(e.getMessage());
        return (msg + Hints.forException(name(e), msg)).strip();
    }

    /**
     * The cell's error for {@code e}. A read of stdin that the front end refused comes wrapped by whichever JDK
     * reader made it, with that reader's frames twice over: its error is the refusal and the cell's lines alone.
     */
    CellException error(JShellException e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof EvalException refused && refused.getExceptionClassName().equals(STDIN_REFUSED)) {
                var lines = new ArrayList<String>();
                lines.add(headline(refused));
                for (StackTraceElement frame : refused.getStackTrace()) {
                    if (isSnippet(frame)) {
                        lines.add("\tat " + frame(frame));
                    }
                }
                return new CellException(name(refused), message(refused), lines);
            }
        }
        return new CellException(name(e), message(e), traceback(e));
    }

    List<String> traceback(JShellException e) {
        Xmode mode = Xmode.current();
        var lines = new ArrayList<String>();
        String prefix = "";
        for (Throwable t = e; t != null; t = t.getCause(), prefix = "Caused by: ") {
            lines.add(prefix + headline(t));
            if (mode != Xmode.MINIMAL) {
                lines.addAll(frames(t.getStackTrace(), mode == Xmode.VERBOSE));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return lines;
    }

    private String headline(Throwable t) {
        if (!(t instanceof JShellException e)) {
            return ReplNames.plain(t.toString());
        }
        String message = message(e);
        return name(e) + (message.isEmpty() ? "" : ": " + message);
    }

    /** The lines for {@code trace}; {@code verbose}: every frame, and the line each frame of a cell ran. */
    private List<String> frames(StackTraceElement[] trace, boolean verbose) {
        var out = new ArrayList<String>();
        String previous = null;
        int repeats = 0;
        for (StackTraceElement frame : withoutExpressionWrapper(trace)) {
            if (hidden(frame) && !verbose) {
                continue;
            }
            String text = "\tat " + frame(frame) + (verbose ? sourceLine(frame) : "");
            if (text.equals(previous)) {
                repeats++;
                continue;
            }
            if (repeats > 0) {
                out.add("\t... (the line above repeated " + repeats + " more times)");
                repeats = 0;
            }
            out.add(text);
            previous = text;
        }
        if (repeats > 0) {
            out.add("\t... (the line above repeated " + repeats + " more times)");
        }
        return out;
    }

    /**
     * An expression cell runs inside the lambda {@link ExpressionUnit} wrote around it: show that lambda's frame,
     * which has the line that failed, as the cell's own, and leave out the frame that called it.
     */
    private static List<StackTraceElement> withoutExpressionWrapper(StackTraceElement[] trace) {
        var frames = new ArrayList<StackTraceElement>(List.of(trace));
        for (int i = 0; i + 1 < frames.size(); i++) {
            StackTraceElement lambda = frames.get(i);
            if (isSnippet(lambda) && frames.get(i + 1).getClassName().equals(CellValue.class.getName())) {
                frames.set(i, new StackTraceElement(lambda.getClassName(), "", lambda.getFileName(), lambda.getLineNumber()));
                int caller = i + 2;
                while (caller < frames.size() && !isSnippet(frames.get(caller))) {
                    caller++;
                }
                if (caller < frames.size()) {
                    frames.remove(caller);
                }
            }
        }
        return frames;
    }

    /** For a frame of a cell (or of a file {@code %load} read), a new line holding the line it ran; else "". */
    private String sourceLine(StackTraceElement frame) {
        var place = isSnippet(frame) ? places.get(frame.getFileName().substring(1)) : null;
        String line = place == null ? null : place.source(frame.getLineNumber());
        return line == null || line.isBlank() ? "" : "\n\t\t" + line.strip();
    }

    private static boolean isSnippet(StackTraceElement frame) {
        return frame.getFileName() != null && frame.getFileName().startsWith("#");
    }

    private static boolean hidden(StackTraceElement frame) {
        String where = frame.getClassName() + "." + frame.getMethodName();
        return HIDDEN.stream().anyMatch(where::startsWith);
    }

    private String frame(StackTraceElement frame) {
        String file = frame.getFileName();
        if (file == null || !file.startsWith("#")) {
            return frame.toString();
        }
        var place = places.get(file.substring(1));
        String where = place == null ? "snippet " + file : place.where(frame.getLineNumber());
        String owner = frame.getClassName().isEmpty() ? "" : frame.getClassName() + ".";
        String method = owner + frame.getMethodName();
        return method.isEmpty() ? where : method + "(" + where + ")";
    }
}
