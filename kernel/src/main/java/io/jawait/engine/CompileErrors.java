package io.jawait.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * Turns JShell's diagnostics into messages a learner can act on: cell (or loaded file), line and column, the
 * source line quoted, a caret under the spot.
 */
final class CompileErrors {
    private CompileErrors() {}

    /** One traceback block per error of {@code snippet}, which starts at {@code offset} in {@code code}. */
    static List<String> describe(JShell shell, Snippet snippet, CellCode code, int offset, int cellNumber) {
        var lines = new ArrayList<String>();
        shell.diagnostics(snippet).filter(Diag::isError).forEach(d -> lines.addAll(describe(clean(d.getMessage(
                Locale.ROOT)), code, offset + (int) Math.max(0, d.getPosition()), cellNumber)));
        lines.addAll(pendingDeclarations(shell, lines));
        return lines;
    }

    /**
     * JShell's wrapper class has no name, so javac's "location: class " line only confuses; and "'void' type not
     * allowed here" gets a word on why, since {@code display(html(...))}, as in IPython, runs into it.
     */
    private static String clean(String message) {
        String m = message.replaceAll("\\n\\s*location: class \\s*$", "");
        if (m.equals("'void' type not allowed here")) {
            m += " (this call returns nothing, so there is no value to use; html(...), svg(...), markdown(...)"
                    + " and display(...) show their output themselves)";
        }
        return m;
    }

    /**
     * "cannot find symbol: class Holder" when {@code Holder} was declared but waits for a missing name is
     * misleading; say what it waits for.
     */
    private static List<String> pendingDeclarations(JShell shell, List<String> errors) {
        String text = String.join("\n", errors);
        return shell.snippets()
                .filter(s -> s instanceof DeclarationSnippet)
                .map(s -> (DeclarationSnippet) s)
                .filter(d -> shell.status(d) == Snippet.Status.RECOVERABLE_NOT_DEFINED
                        || shell.status(d) == Snippet.Status.RECOVERABLE_DEFINED)
                .filter(d -> text.matches("(?s).*symbol:\\s+\\w+ " + java.util.regex.Pattern.quote(d.name()) + "\\b.*"))
                .map(d -> "note: " + Describe.declaration(d) + " is declared but cannot be used until "
                        + waitingFor(shell, d))
                .toList();
    }

    /**
     * What {@code d} waits for: the names it refers to, or else its own errors. A declaration that compiled
     * until a later cell redefined what it builds on (an interface given one more method, a class made final)
     * waits for no name, and JShell then lists none.
     */
    static String waitingFor(JShell shell, DeclarationSnippet d) {
        String missing = shell.unresolvedDependencies(d).collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            return missing + " is declared";
        }
        String errors = shell.diagnostics(d).filter(Diag::isError)
                .map(e -> clean(e.getMessage(Locale.ROOT)).lines().findFirst().orElse(""))
                .collect(Collectors.joining("; "));
        return errors.isEmpty() ? "its errors are fixed" : "its errors are fixed: " + errors;
    }

    /** The message for an error at {@code position} of {@code code}, placed in the text the user wrote. */
    static List<String> describe(String message, CellCode code, int position, int cellNumber) {
        String cell = code.cell();
        int at = code.cellPosition(position);
        int lineStart = cell.lastIndexOf('\n', at - 1) + 1;
        int lineEnd = cell.indexOf('\n', at);
        String sourceLine = cell.substring(lineStart, lineEnd < 0 ? cell.length() : lineEnd);
        int line = SnippetPlaces.lineOf(cell, at);
        int column = at - lineStart + 1;
        return List.of(
                code.name(cellNumber) + ", line " + line + ", column " + column + ": " + message,
                "    " + sourceLine,
                "    " + caretIndent(sourceLine, column - 1) + "^");
    }

    /** Spaces up to the caret, keeping tabs so the caret lines up under tabbed source. */
    private static String caretIndent(String sourceLine, int width) {
        var sb = new StringBuilder();
        for (int i = 0; i < width && i < sourceLine.length(); i++) {
            sb.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
        }
        return sb.toString();
    }
}
