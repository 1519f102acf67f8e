package io.jawait.engine;

import io.jawait.protocol.IsCompleteReply;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Answers {@code is_complete}: whether a console should run the code or wait for more lines, and how far to
 * indent the next one.
 */
final class CompletenessCheck {
    private static final String INDENT = "    ";

    private final SourceCodeAnalysis analysis;

    CompletenessCheck(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    IsCompleteReply check(String code) {
        if (code.stripLeading().startsWith("%%")) {
            // IPython's rule for a cell magic: its body goes on until a blank line ends it
            String body = code.endsWith("\n") ? code.substring(0, code.length() - 1) : code;
            boolean ended = body.substring(body.lastIndexOf('\n') + 1).isBlank();
            return new IsCompleteReply(ended ? "complete" : "incomplete", "");
        }
        if (code.stripLeading().startsWith("%")) {
            return new IsCompleteReply("complete", "");
        }
        String rest = code;
        while (!rest.isBlank()) {
            var info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) {
                return new IsCompleteReply("incomplete", INDENT.repeat(Math.max(1, openBrackets(code))));
            }
            if (c == Completeness.UNKNOWN || !parses(info.source())) {
                return new IsCompleteReply("invalid", "");
            }
            if (c == Completeness.EMPTY) {
                break;
            }
            rest = info.remaining();
        }
        return new IsCompleteReply("complete", "");
    }

    /**
     * False when the snippet is malformed ({@code int 1x = 2;}); unknown names and type errors still parse.
     * javac's parser is asked first: JShell's {@code sourceToSnippets} of a class declaration left its
     * documentation lookup broken (after {@code is_complete} of {@code class A {}}, {@code Math.sqrt} had no
     * Javadoc any more), so it is used only for what the parser rejects.
     */
    private boolean parses(String source) {
        return source == null
                || JavaSyntax.parses(source)
                || analysis.sourceToSnippets(source).stream().noneMatch(s -> s.kind() == Snippet.Kind.ERRONEOUS);
    }

    /** How many brackets are open at the end, ignoring those inside strings, chars and comments. */
    static int openBrackets(String code) {
        int depth = 0;
        for (int i = 0; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (ch == '"' || ch == '\'') {
                i = skipQuoted(code, i, ch);
            } else if (code.startsWith("//", i)) {
                i = code.indexOf('\n', i) < 0 ? code.length() : code.indexOf('\n', i);
            } else if (ch == '(' || ch == '{' || ch == '[') {
                depth++;
            } else if ((ch == ')' || ch == '}' || ch == ']') && depth > 0) {
                depth--;
            }
        }
        return depth;
    }

    private static int skipQuoted(String code, int start, char quote) {
        int i = start + 1;
        while (i < code.length() && code.charAt(i) != quote) {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }
}
