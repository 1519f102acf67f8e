package io.jawait.magic;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * The kernel's {@link MagicRunner}: parses a cell into Java chunks and magics, runs them in order through the
 * engine's {@link MagicContext}, and binds results of {@code T x = %magic ...} lines.
 */
public final class Magics implements MagicRunner {
    /** IPython magics that notebooks carry over and a JVM has no use for, with what to write instead. */
    private static final Map<String, String> PYTHON_ONLY = Map.of(
            "pip", "Java libraries come from Maven: %maven group:artifact:version, then import them",
            "conda", "Java libraries come from Maven: %maven group:artifact:version, then import them",
            "matplotlib", "There is no plotting back end to choose: draw an SVG and show it with svg(text) or %%svg",
            "load_ext", "IPython extensions are Python: add a Java library with %maven or %classpath",
            "autoreload", "A cell's new declarations replace the old ones already; %run FILE runs a file again",
            "store", "Variables live as long as the kernel: write what should outlast it to a file "
                    + "(Files.writeString, or %%writefile)");
    private final MagicCatalog catalog;

    /** The standard magics, with {@code %maven} caching in {@code ~/.m2/repository}. */
    public Magics() {
        this(MagicCatalog.standard(Path.of(System.getProperty("user.home"), ".m2", "repository")));
    }

    public Magics(MagicCatalog catalog) {
        this.catalog = catalog;
    }

    public MagicCatalog catalog() { return catalog; }

    @Override
    public boolean handles(String cell) {
        return CellParser.hasMagic(cell);
    }

    @Override
    public Evaluation run(String cell, MagicContext ctx) throws CellException {
        return run(cell, ctx, at -> at);
    }

    /**
     * Runs {@code cell}, text that stands in a cell at the places {@code toCell} gives (the body of a cell magic
     * that runs it, as {@code %%capture} does), so that errors point at the cell's own lines.
     */
    Evaluation run(String cell, MagicContext ctx, IntUnaryOperator toCell) throws CellException {
        Evaluation last = null;
        for (CellParser.Part part : CellParser.parse(cell, name -> catalog.find(name, true).isPresent())) {
            last = switch (part) {
                case CellParser.Java java -> ctx.eval(java.code(), at -> toCell.applyAsInt(java.offset() + at));
                case CellParser.CellMagic m -> invoke(m.call(), m.help(), ctx);
                case CellParser.LineMagic m -> bindOrShow(m, invoke(m.call(), m.help(), ctx), ctx);
            };
        }
        return last;
    }

    private Evaluation invoke(Invocation call, boolean help, MagicContext ctx) throws CellException {
        MagicSpec spec = catalog.find(call.name(), call.isCell()).orElseThrow(() -> unknown(call));
        if (help) {
            ctx.out().stdout(catalog.help(call.display()) + "\n");
            return null;
        }
        return spec.magic().run(call, ctx);
    }

    private static Evaluation bindOrShow(CellParser.LineMagic m, Evaluation result, MagicContext ctx)
            throws CellException {
        if (m.variable() == null) {
            return result;
        }
        if (result == null || !result.hasValue()) {
            throw m.call().usage("returns no value to assign to " + m.variable()
                    + (m.call().name().equals("timeit") ? " (add -o: var r = %timeit -o statement)" : ""));
        }
        boolean inferred = m.type().equals("var") && result.type() != null;
        ctx.bind(inferred ? result.type() : m.type(), m.variable(), result.value());
        return null;
    }

    private CellException unknown(Invocation call) {
        String other = (call.isCell() ? "%" : "%%") + call.name();
        boolean otherKind = catalog.find(call.name(), !call.isCell()).isPresent();
        String instead = PYTHON_ONLY.get(call.name());
        return new CellException("UsageError", (call.isCell() ? "Cell" : "Line") + " magic function `"
                + call.display() + "` not found" + (otherKind ? " (but " + (call.isCell() ? "line" : "cell")
                + " magic `" + other + "` exists)" : "") + ". " + (instead == null ? "" : instead + ". ")
                + "%lsmagic lists the magics.");
    }

    @Override
    public List<String> complete(String prefix) {
        return catalog.complete(prefix);
    }

    @Override
    public String help(String name) {
        return catalog.help(name);
    }

    @Override
    public JavaSpan javaAt(String cell, int cursor) {
        return CellParser.javaAt(cell, cursor, catalog);
    }

    @Override
    public FileChoices filesAt(String cell, int cursor) {
        CellParser.FileWord word = CellParser.fileWordAt(cell, cursor, catalog);
        if (word == null) {
            return null;
        }
        return new FileChoices(word.start(), UserPaths.complete(cell.substring(word.start(), cursor), word.endings()));
    }
}
