package io.jawait.engine;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

/**
 * The variables the user's cells declared, and what can be said of each without running a cell: its type as a
 * cell would write it, its value as text, its length. For {@code %who}/{@code %whos} and for {@code name?} and
 * inspection of a variable. Read on the engine's thread, between snippets.
 */
final class SessionVariables {
    /** Package names before a class name ({@code java.util.} of {@code java.util.List}). */
    private static final Pattern PACKAGES = Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+(?=[A-Z])");
    /** IPython's longest string form; a longer one keeps its two ends around {@code <...>}. */
    private static final int STRING_FORM_MAX = 200;
    private static final int SNIPPED_END = (STRING_FORM_MAX - 5) / 2;

    private final JShell shell;
    private final KernelExecutionControl control;

    SessionVariables(JShell shell, KernelExecutionControl control) {
        this.shell = shell;
        this.control = control;
    }

    /** The variables a cell can use now, in the order they were declared; JShell's own ({@code $1}) left out. */
    Stream<VarSnippet> active() {
        return shell.variables().filter(v -> shell.status(v) == Snippet.Status.VALID && !v.name().startsWith("$")
                && !ReplNames.internal(v.name()));
    }

    /** The variable called {@code name}, or null when there is none. */
    VarSnippet named(String name) {
        return active().filter(v -> v.name().equals(name)).findFirst().orElse(null);
    }

    /** The variable's declared type with simple class names ({@code List<String>}). */
    static String type(VarSnippet v) {
        return PACKAGES.matcher(ReplNames.plain(v.typeName())).replaceAll("");
    }

    /** The value of the variable, read from JShell's field for it. */
    private Object value(VarSnippet v) throws ReflectiveOperationException {
        return control.variable(shell.sourceCodeAnalysis().wrapper(v).fullClassName(), v.name()).get(null);
    }

    /**
     * The number of elements of a collection, map or array; -1 for anything else, or when the value cannot be
     * read as a field (JShell wrapped it otherwise).
     *
     * @throws RuntimeException what the collection's {@code size()} threw
     */
    int size(VarSnippet v) {
        try {
            return switch (value(v)) {
                case Collection<?> c -> c.size();
                case Map<?, ?> m -> m.size();
                case Object a when a.getClass().isArray() -> Array.getLength(a);
                case null, default -> -1;
            };
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }

    /** The length IPython shows in {@code name?}: a size as {@link #size}, or the length of a string; else -1. */
    int length(VarSnippet v) {
        int size = size(v);
        if (size >= 0) {
            return size;
        }
        try {
            return value(v) instanceof CharSequence text ? text.length() : -1;
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }

    /** The value as a cell showing it would show it; a toString that throws is reported in its place. */
    String text(VarSnippet v) {
        try {
            return ReplNames.plain(shell.varValue(v));
        } catch (RuntimeException e) {
            return "<toString() failed: " + e + ">";
        }
    }

    /** The value as IPython's {@code String form}, {@code str(x)}: text as it is, anything else as {@link #text}. */
    private String stringForm(VarSnippet v) {
        try {
            if (value(v) instanceof CharSequence chars) {
                return chars.toString();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // JShell's text below says what it can
        }
        return text(v);
    }

    /**
     * What {@code %whos} says of a variable, as IPython's does: the size of a collection, map or array ({@code
     * n=3}), whose full text could take long to build and would be cut to its two ends anyway; otherwise the
     * value as {@link #text}. A size that throws is reported in its place, not raised.
     */
    String info(VarSnippet v) {
        try {
            int size = size(v);
            if (size >= 0) {
                return "n=" + size;
            }
        } catch (RuntimeException e) {
            return "<size() failed: " + e + ">";
        }
        return text(v);
    }

    /**
     * IPython's page for {@code name?} of a variable: {@code Type}, {@code String form} (its two ends only past 200
     * characters, as IPython's), {@code Length} when it has one, and {@code Docstring}: {@code typeDoc}, the
     * documentation of its type, or {@code <no docstring>}. Laid out as IPython lays them out.
     */
    String described(VarSnippet v, String typeDoc) {
        String form = stringForm(v);
        if (form.length() > STRING_FORM_MAX) {
            form = form.substring(0, SNIPPED_END) + " <...> " + form.substring(form.length() - SNIPPED_END);
        }
        var fields = new LinkedHashMap<String, String>();
        fields.put("Type", type(v));
        fields.put("String form", form);
        try {
            int length = length(v);
            if (length >= 0) {
                fields.put("Length", Integer.toString(length));
            }
        } catch (RuntimeException e) {
            fields.put("Length", "<size() failed: " + e + ">");
        }
        fields.put("Docstring", typeDoc == null || typeDoc.isBlank() ? "<no docstring>" : typeDoc.strip());
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
        var page = new StringBuilder();
        // each head padded to the longest, then the body on the same line, or below it when it has several
        fields.forEach((head, body) -> page.append(head).append(':').append(" ".repeat(width - head.length()))
                .append(body.contains("\n") ? '\n' : ' ').append(body).append('\n'));
        return page.toString();
    }
}
