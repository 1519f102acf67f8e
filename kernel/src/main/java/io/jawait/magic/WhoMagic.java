package io.jawait.magic;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code %who} and {@code %whos}: the session's variables, as IPython lists its namespace, so a learner who lost
 * track of what earlier cells declared can look. {@code %who} gives the names, {@code %whos} a table of name, type
 * and value, or the size ({@code n=3}) of a collection, map or array, as IPython gives it for a list or dict. Type names given as arguments keep only variables declared with them ({@code %whos int String},
 * {@code %who List} for any list), as {@code %who str} does in IPython. The kernel's and the magics' own variables are not listed.
 */
final class WhoMagic implements Magic {
    /** IPython's {@code %whos} shortens a longer value to its two ends around {@code <...>}. */
    private static final int VALUE_WIDTH = 50;
    private static final int GAP = 3;

    private final boolean table;

    WhoMagic(boolean table) {
        this.table = table;
    }

    @Override
    public Evaluation run(Invocation call, MagicContext ctx) throws CellException {
        List<MagicContext.Variable> shown = selected(call, ctx);
        Set<String> types = types(call);
        if (shown.isEmpty()) {
            ctx.out().stdout(types.isEmpty() ? "Interactive namespace is empty.\n"
                    : "No variables match your requested type.\n");
            return null;
        }
        ctx.out().stdout(table ? table(shown) : shown.stream().map(MagicContext.Variable::name)
                .collect(Collectors.joining("\t", "", "\n")));
        return null;
    }

    /** The session's variables of the types the arguments name (all when none), by name. */
    static List<MagicContext.Variable> selected(Invocation call, MagicContext ctx) {
        Set<String> types = types(call);
        return ctx.variables().stream()
                .filter(v -> types.isEmpty() || types.stream().anyMatch(t -> declaredAs(v.type(), t)))
                .sorted(Comparator.comparing(MagicContext.Variable::name))
                .toList();
    }

    private static Set<String> types(Invocation call) {
        return Arrays.stream(call.args().strip().split("\\s+")).filter(t -> !t.isEmpty()).collect(Collectors.toSet());
    }

    /**
     * Whether a variable declared as {@code type} is one the user asked for with {@code asked}: the same spelling,
     * or the same class without type arguments, named simply or in full ({@code List} finds a
     * {@code java.util.List<Integer>}, {@code java.lang.String} a {@code String}), as {@code %who list} finds
     * every list in IPython.
     */
    static boolean declaredAs(String type, String asked) {
        if (type.equals(asked)) {
            return true;
        }
        if (asked.contains("<")) {
            return false;
        }
        String raw = type.replaceAll("<.*>", "");
        if (raw.equals(asked)) {
            return true;
        }
        if (raw.contains(".") && asked.contains(".")) {
            return false;
        }
        return raw.substring(raw.lastIndexOf('.') + 1).equals(asked.substring(asked.lastIndexOf('.') + 1));
    }

    private static String table(List<MagicContext.Variable> vars) {
        int nameWidth = Math.max("Variable".length(), vars.stream().mapToInt(v -> v.name().length()).max().orElse(0))
                + GAP;
        int typeWidth = Math.max("Type".length(), vars.stream().mapToInt(v -> v.type().length()).max().orElse(0)) + GAP;
        var out = new StringBuilder();
        String header = pad("Variable", nameWidth) + pad("Type", typeWidth) + "Data/Info";
        out.append(header).append('\n').append("-".repeat(header.length())).append('\n');
        for (MagicContext.Variable v : vars) {
            out.append(pad(v.name(), nameWidth)).append(pad(v.type(), typeWidth)).append(shortened(v.info().get()))
                    .append('\n');
        }
        return out.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static String shortened(String value) {
        String oneLine = String.valueOf(value).replace("\n", "\\n");
        if (oneLine.length() <= VALUE_WIDTH) {
            return oneLine;
        }
        int half = VALUE_WIDTH / 2;
        return oneLine.substring(0, half) + "<...>" + oneLine.substring(oneLine.length() - half);
    }
}
