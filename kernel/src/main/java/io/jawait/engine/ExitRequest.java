package io.jawait.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code exit} or {@code quit} alone in a cell, as typed to leave IPython's console, optionally with {@code ()} and
 * a semicolon, or JShell's own {@code /exit}. Neither word is Java the cell could mean unless the user has declared
 * it, which the engine checks before it treats the cell as a request to leave.
 */
final class ExitRequest {
    private static final Pattern ASK = Pattern.compile("\\s*(?:/(exit)|(exit|quit)\\s*(?:\\(\\s*\\))?\\s*;?)\\s*");

    private ExitRequest() {
    }

    /** The word the cell consists of ({@code exit} or {@code quit}), or null when it is not a request to leave. */
    static String word(String cell) {
        Matcher m = ASK.matcher(cell);
        if (!m.matches()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** Whether {@code cell}, a request to leave, uses the JShell command form, which no declaration can shadow. */
    static boolean command(String cell) {
        return cell.strip().startsWith("/");
    }
}
