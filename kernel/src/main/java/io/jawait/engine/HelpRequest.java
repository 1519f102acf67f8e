package io.jawait.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPython's {@code name?} (and {@code ?name}, {@code name??}): a cell that is only a name with question marks
 * asks for that name's documentation in the pager. Java code never ends in {@code ?}, so nothing else matches.
 */
final class HelpRequest {
    private static final Pattern ASK = Pattern.compile(
            "\\s*(\\?{1,2})?([\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}.]*(?:\\(\\))?)(\\?{1,2})?\\s*");

    private HelpRequest() {
    }

    /** What a help cell asks for: a name, and whether with two question marks ({@code name??}: with its source). */
    record Asked(String name, boolean detailed) {}

    /** What the cell asks about, or null when the cell is not a help request. */
    static Asked target(String cell) {
        Matcher m = ASK.matcher(cell);
        if (!m.matches() || (m.group(1) == null) == (m.group(3) == null)) {
            return null;
        }
        String name = m.group(2);
        String marks = m.group(1) == null ? m.group(3) : m.group(1);
        return new Asked(name.endsWith("()") ? name.substring(0, name.length() - 2) : name, marks.length() == 2);
    }
}
