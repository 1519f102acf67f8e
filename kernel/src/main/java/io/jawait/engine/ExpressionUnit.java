package io.jawait.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recognises a snippet that is plainly one expression and writes it as a variable declaration JShell compiles
 * in three javac runs instead of four or five. For an expression JShell first analyses the type (twice
 * when it makes a {@code $1} variable), then analyses and compiles the wrapped snippet; a declaration with an
 * explicit type skips the type analysis. Measured on a trivial {@code 1+1}: 19 ms of engine CPU before, 10 ms
 * for a declaration.
 *
 * <p>The recognition is lexical and deliberately narrow: anything it is unsure of is left to JShell as
 * written, and so is any rewritten snippet that does not compile (the engine then evaluates the original,
 * so error messages are JShell's own). The rewrite keeps the expression on its own lines, so stack-trace
 * lines are unchanged.
 */
final class ExpressionUnit {
    /** The prefix of the variable the rewritten snippet declares; the engine drops it right after. */
    static final String VARIABLE = "$jawaitValue";
    private static final String DECLARE = "java.lang.Object %s = io.jawait.engine.CellValue.of(() -> ";
    private static final Set<String> VALUE_KEYWORDS = Set.of("new", "true", "false", "null");
    private static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized",
            "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null",
            "var", "record", "yield", "sealed", "non", "permits", "module", "_");
    private static final Set<String> UNARY = Set.of("-", "+", "!", "~", "++", "--", "(");

    private ExpressionUnit() {}

    /**
     * The variable for {@code unit}, named after its text. JShell compiles a declaration of a name it saw
     * before into the class of the dropped one: when the bytes are the same (the cell run again) the loaded
     * class serves as it is, with no load at all; when they differ, the local engine cannot redefine it and
     * JShell starts over under a new class name, a retry that cost 150-700 ms per cell after a few dozen
     * cells (2 cores, loaded) when every expression shared one name. So the same text gets the same name
     * and other text another one; two texts with one hash only cost that retry.
     */
    static String variableFor(String unit) {
        return VARIABLE + Integer.toHexString(unit.hashCode());
    }

    /**
     * The declaration of {@code variable} (see {@link #variableFor}) to evaluate instead of {@code unit},
     * or null when {@code unit} is not surely one expression.
     */
    static String rewrite(String unit, String variable) {
        String body = expression(unit);
        return body == null ? null : declare(variable, body);
    }

    /** {@link #rewrite} of {@code unit}, whose {@link #expression} is {@code expression}. */
    static String declaration(String expression, String unit) {
        return declare(variableFor(unit), expression);
    }

    private static String declare(String variable, String expression) {
        // the closing parenthesis goes on a line of its own, after any line comment the expression ends with
        return DECLARE.formatted(variable) + expression + "\n);";
    }

    /**
     * The expression {@code unit} is, stripped of surrounding blanks and of a trailing semicolon, or null when
     * {@code unit} is not surely one expression. It starts on the unit's first line that is not blank.
     */
    static String expression(String unit) {
        List<String> tokens = Tokens.of(unit);
        if (tokens == null || tokens.isEmpty()) {
            return null;
        }
        String body = unit.strip();
        if (tokens.getLast().equals(";")) {
            tokens = tokens.subList(0, tokens.size() - 1);
            body = body.substring(0, body.length() - 1);
        }
        if (tokens.isEmpty() || tokens.contains(";") || !startsAnExpression(tokens)) {
            return null;
        }
        return body;
    }

    private static boolean startsAnExpression(List<String> tokens) {
        String first = tokens.getFirst();
        if (Tokens.isLiteral(first) || UNARY.contains(first) || VALUE_KEYWORDS.contains(first)) {
            return true;
        }
        if (!Tokens.isIdentifier(first) || KEYWORDS.contains(first)) {
            return false;
        }
        int i = 1;
        while (i + 1 < tokens.size() && tokens.get(i).equals(".") && Tokens.isIdentifier(tokens.get(i + 1))) {
            i += 2;
        }
        if (i == tokens.size()) {
            return true;
        }
        String next = tokens.get(i);
        // a name then a name is a declaration; "<" may open type arguments, ":" a label, "[]" an array type
        if (next.equals("instanceof")) {
            return true;
        }
        return !Tokens.isIdentifier(next) && !Set.of("<", ":", "->", "::", "@", "{").contains(next)
                && !(next.equals("[") && i + 1 < tokens.size() && tokens.get(i + 1).equals("]"));
    }

    /** Java tokens, coarsely: comments dropped, literals kept whole, brackets checked for balance. */
    static final class Tokens {
        private Tokens() {}

        /** The tokens of {@code s}, or null when its brackets do not balance or a literal or comment is open. */
        static List<String> of(String s) {
            var tokens = new ArrayList<String>();
            int depth = 0;
            int i = skipGap(s, 0);
            while (i >= 0 && i < s.length()) {
                int end = tokenEnd(s, i);
                depth += nesting(s.charAt(i));
                if (end < 0 || depth < 0) {
                    return null;
                }
                String token = s.substring(i, end);
                // only semicolons between the unit's brackets are harmless: hide them from the caller
                tokens.add(depth > 0 && token.equals(";") ? ";;" : token);
                i = skipGap(s, end);
            }
            return i >= 0 && depth == 0 ? tokens : null;
        }

        /** The start of the next token at or after {@code i}, past white space and comments; -1 in an open comment. */
        private static int skipGap(String s, int i) {
            while (i < s.length()) {
                if (Character.isWhitespace(s.charAt(i))) {
                    i++;
                } else if (s.startsWith("//", i)) {
                    int end = s.indexOf('\n', i);
                    i = end < 0 ? s.length() : end;
                } else if (s.startsWith("/*", i)) {
                    int end = s.indexOf("*/", i + 2);
                    if (end < 0) {
                        return -1;
                    }
                    i = end + 2;
                } else {
                    return i;
                }
            }
            return i;
        }

        /** Where the token starting at {@code i} ends; -1 for a string or text block that does not close. */
        private static int tokenEnd(String s, int i) {
            char c = s.charAt(i);
            if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                return end < 0 ? -1 : end + 3;
            }
            if (c == '"' || c == '\'') {
                return closingQuote(s, i, c);
            }
            if (Character.isJavaIdentifierStart(c) || Character.isDigit(c)) {
                return wordEnd(s, i);
            }
            return i + operatorLength(s, i);
        }

        /** How a token starting with {@code c} changes the bracket depth (strings and words start otherwise). */
        private static int nesting(char c) {
            return c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
        }

        static boolean isIdentifier(String token) {
            return Character.isJavaIdentifierStart(token.charAt(0));
        }

        static boolean isLiteral(String token) {
            char c = token.charAt(0);
            return Character.isDigit(c) || c == '"' || c == '\'' || (c == '.' && token.length() > 1);
        }

        private static int closingQuote(String s, int start, char quote) {
            for (int i = start + 1; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    return i + 1;
                } else if (c == '\n') {
                    return -1;
                }
            }
            return -1;
        }

        private static int wordEnd(String s, int start) {
            boolean number = Character.isDigit(s.charAt(start));
            int i = start + 1;
            while (i < s.length()) {
                char c = s.charAt(i);
                char before = s.charAt(i - 1);
                boolean exponentSign = number && (c == '+' || c == '-') && "eEpP".indexOf(before) >= 0;
                if (!Character.isJavaIdentifierPart(c) && !(number && c == '.') && !exponentSign) {
                    break;
                }
                i++;
            }
            return i;
        }

        private static int operatorLength(String s, int i) {
            for (String op : List.of("->", "::", "++", "--")) {
                if (s.startsWith(op, i)) {
                    return 2;
                }
            }
            return 1;
        }
    }
}
