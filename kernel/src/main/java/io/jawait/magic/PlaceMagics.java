package io.jawait.magic;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code %pwd}, {@code %cd} and {@code %who_ls}: small magics an IPython user reaches for. {@code %cd} cannot do
 * what IPython's does: a JVM has no way to change its working directory, against which {@code new File("x")},
 * {@code Path.of("x")} and the magics' file arguments resolve, so it says so rather than pretend.
 */
final class PlaceMagics {
    private PlaceMagics() {}

    /** {@code %pwd}: the working directory, as a value. */
    static Evaluation pwd(Invocation call, MagicContext ctx) throws CellException {
        if (!call.args().isEmpty()) {
            throw call.usage("takes no arguments");
        }
        String dir = Path.of("").toAbsolutePath().toString();
        return new Evaluation(true, dir, '"' + dir + '"', 0, 0);
    }

    /** {@code %cd}: refused, with the reason and what to do instead. */
    static Evaluation cd(Invocation call, MagicContext ctx) throws CellException {
        throw call.usage("a JVM cannot change its working directory, so relative paths in Java code and in magics "
                + "stay relative to " + Path.of("").toAbsolutePath() + " (%pwd); use a full path, or "
                + "Path.of(dir).resolve(name) in code");
    }

    /** {@code %who_ls}: the variables' names, sorted, as a list value (IPython's returns a list). */
    static Evaluation whoLs(Invocation call, MagicContext ctx) throws CellException {
        List<String> names = WhoMagic.selected(call, ctx).stream().map(MagicContext.Variable::name).toList();
        return Evaluation.typed(names, "java.util.List<String>");
    }
}
