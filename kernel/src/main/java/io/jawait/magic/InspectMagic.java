package io.jawait.magic;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPython's object inspection as magics, for a name of the session or the JDK: {@code %pinfo NAME} is
 * {@code NAME?} (its signatures and Javadoc, in the pager), {@code %pinfo2 NAME} is {@code NAME??} (with the
 * source of what the cells declared by that name), {@code %pdef} prints the signatures alone (a class's
 * constructors too), {@code %pdoc} pages the Javadoc alone, {@code %psource} pages the source of the cells'
 * declarations. The JDK's classes have no source here, as a built-in has none in IPython.
 */
final class InspectMagic implements Magic {
    /** What each magic shows of a name. */
    enum Kind { PINFO, PINFO2, PDEF, PDOC, PSOURCE }

    private static final Pattern ASK = Pattern.compile(
            "(\\?{0,2})([\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}.]*)(?:\\(\\))?(\\?{0,2})");

    private final Kind kind;

    InspectMagic(Kind kind) {
        this.kind = kind;
    }

    static String usage(String name) {
        return "%" + name + " NAME";
    }

    @Override
    public Evaluation run(Invocation call, MagicContext ctx) throws CellException {
        Matcher m = ASK.matcher(call.args().strip());
        if (!m.matches() || m.group(2).endsWith(".") || kind != Kind.PINFO && !(m.group(1) + m.group(3)).isEmpty()) {
            throw call.usage(call.args().isBlank() ? "give a name: %" + call.name() + " Math.max, %" + call.name()
                    + " fib" : "'" + call.args().strip() + "' is not a name: give one as Java writes it "
                    + "(Math.max, java.util.List, fib)");
        }
        String name = m.group(2);
        // as IPython's: %pinfo NAME?? asks for as much as NAME?? does
        boolean detailed = kind == Kind.PINFO2 || m.group(1).length() + m.group(3).length() > 0;
        MagicContext.Help help = ctx.help(name);
        if (help == null) {
            ctx.out().stdout("Object `" + name + "` not found.\n");
            return null;
        }
        switch (kind) {
            case PINFO, PINFO2 -> ctx.page(help.text(detailed));
            case PDEF -> ctx.out().stdout(definitions(ctx, name, help));
            case PDOC -> {
                String docs = docs(help.entries());
                if (docs.isEmpty()) {
                    ctx.out().stdout("No documentation found for " + name + "\n");
                } else {
                    ctx.page(docs);
                }
            }
            case PSOURCE -> {
                if (help.sources().isEmpty()) {
                    ctx.out().stdout("No source found for " + name + "\n");
                } else {
                    ctx.page(String.join("\n\n", help.sources()));
                }
            }
        }
        return null;
    }

    /**
     * The signatures, one a line; for a class, IPython's "constructor information" follows: its constructors, as
     * {@code new NAME(} offers them.
     */
    private static String definitions(MagicContext ctx, String name, MagicContext.Help help) {
        List<MagicContext.Entry> entries = help.entries();
        if (entries.isEmpty()) {
            return "No definition header found for " + name + "\n";
        }
        String first = entries.getFirst().signature();
        if (entries.size() == 1 && !first.contains("(") && first.contains(":")) {
            return "Object is not callable.\n"; // a variable: JShell documents it as name:Type
        }
        var text = new StringBuilder();
        entries.forEach(e -> text.append(e.signature()).append('\n'));
        MagicContext.Help made = entries.size() == 1 && !first.contains("(") ? ctx.help("new " + name) : null;
        if (made != null && !made.entries().isEmpty()) {
            text.append("Class constructor information:\n");
            made.entries().forEach(e -> text.append(' ').append(e.signature()).append('\n'));
        }
        return text.toString();
    }

    /** Each entry's Javadoc; with several (overloads), each under its signature. */
    private static String docs(List<MagicContext.Entry> entries) {
        List<MagicContext.Entry> documented = entries.stream().filter(e -> !e.doc().isBlank()).toList();
        if (documented.size() == 1) {
            return documented.getFirst().doc();
        }
        var text = new StringBuilder();
        for (MagicContext.Entry e : documented) {
            text.append(text.isEmpty() ? "" : "\n\n").append(e.signature()).append(":\n")
                    .append(e.doc().indent(4).stripTrailing());
        }
        return text.toString();
    }
}
