package io.jawait.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Javadoc comment as JShell returns it (HTML with inline tags such as {@code {@code x}}) turned into the plain
 * text an inspector pane shows: paragraphs, list items and block tags kept, markup gone.
 */
final class JavadocText {
    private static final Pattern INLINE = Pattern.compile("\\{@(\\w+)\\s*([^{}]*(?:\\{[^{}]*}[^{}]*)*)}");
    private static final Pattern TAG = Pattern.compile("</?([a-zA-Z][a-zA-Z0-9]*)[^>]*>");
    private static final Pattern BLOCK = Pattern.compile(
            "(?m)^\\s*@(?:(param|throws|exception)[ \\t]+(\\S+)"
                    + "|(return|since|see|apiNote|implNote|implSpec)\\b)[ \\t]*");

    private static final Pattern MARGIN = Pattern.compile("^\\s*\\*(?!/) ?");

    private static final String HOLD = "\u0000";
    private static final String PARAGRAPH = "\u0001";

    private JavadocText() {
    }

    /**
     * The Javadoc comment that starts {@code declaration} (a cell's source) as JShell gives a JDK one: without
     * {@code /**}, the closing {@code *}{@code /} and the stars down the margin. Null when it starts with none.
     */
    static String comment(String declaration) {
        String s = declaration.stripLeading();
        int end = s.indexOf("*/", 3);
        if (!s.startsWith("/**") || s.startsWith("/**/") || end < 0) {
            return null;
        }
        return s.substring(3, end).lines().map(line -> MARGIN.matcher(line).replaceFirst(""))
                .collect(Collectors.joining("\n"));
    }

    static String plain(String javadoc) {
        // inline tags first, but their text is set aside so that "{@code List<String>}" is not taken for HTML
        List<String> kept = new ArrayList<>();
        String text = inlineTags(javadoc, kept);
        text = blockTags(text);
        text = htmlTags(text);
        text = entities(text);
        for (int i = 0; i < kept.size(); i++) {
            text = text.replace(HOLD + i + HOLD, kept.get(i));
        }
        return tidy(text);
    }

    private static String inlineTags(String s, List<String> kept) {
        Matcher m = INLINE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String body = m.group(2).strip();
            String shown = switch (m.group(1)) {
                case "code", "literal", "value", "systemProperty" -> body;
                case "link", "linkplain" -> linkLabel(body);
                case "inheritDoc", "docRoot", "index" -> "";
                default -> body;
            };
            kept.add(shown);
            m.appendReplacement(out, HOLD + (kept.size() - 1) + HOLD);
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code {@link Map#get(Object) get}} shows "get"; without a label, "Map.get(Object)". */
    private static String linkLabel(String body) {
        int space = firstSpaceOutsideParens(body);
        if (space > 0 && space < body.length() - 1) {
            return body.substring(space + 1).strip();
        }
        String target = body.startsWith("#") ? body.substring(1) : body.replace('#', '.');
        return target;
    }

    private static int firstSpaceOutsideParens(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (Character.isWhitespace(c) && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String blockTags(String s) {
        Matcher m = BLOCK.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            String heading = switch (m.group(1) != null ? m.group(1) : m.group(3)) {
                case "param" -> "Parameter " + name + ": ";
                case "return" -> "Returns: ";
                case "throws", "exception" -> "Throws " + name + ": ";
                case "since" -> "Since: ";
                case "apiNote" -> "API note: ";
                case "implNote" -> "Implementation note: ";
                case "implSpec" -> "Implementation requirements: ";
                default -> "See: ";
            };
            m.appendReplacement(out, Matcher.quoteReplacement(heading));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String htmlTags(String s) {
        Matcher m = TAG.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).toLowerCase(java.util.Locale.ROOT);
            boolean closing = m.group().startsWith("</");
            String shown = switch (name) {
                case "p", "pre", "ul", "ol", "table", "blockquote", "h1", "h2", "h3", "h4" -> "\n" + PARAGRAPH + "\n";
                case "li" -> closing ? "" : "\n  - ";
                case "br", "tr", "dt" -> "\n";
                case "dd" -> closing ? "" : "\n    ";
                default -> "";
            };
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String entities(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&le;", "<=").replace("&ge;", ">=").replace("&amp;", "&");
    }

    /**
     * One space trimmed from each line (javadoc's indent), trailing blanks and empty lines dropped, and one empty
     * line where a paragraph, list or preformatted block began or ended.
     */
    private static String tidy(String s) {
        StringBuilder out = new StringBuilder();
        boolean paragraph = false;
        for (String line : s.split("\n", -1)) {
            String l = line.stripTrailing();
            if (l.strip().equals(PARAGRAPH)) {
                paragraph = true;
                continue;
            }
            if (l.startsWith(" ") && !l.startsWith("  ")) {
                l = l.substring(1);
            }
            if (l.isBlank()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(paragraph ? "\n\n" : "\n");
            }
            paragraph = false;
            out.append(l);
        }
        return out.toString();
    }
}
