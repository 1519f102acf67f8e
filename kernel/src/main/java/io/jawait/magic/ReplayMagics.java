package io.jawait.magic;

import io.jawait.display.StdinNotAllowedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * IPython's magics that take cells back out of the history: {@code %rerun} runs them again, {@code %recall} (and
 * {@code %rep}) puts them in the next input to edit, {@code %save} writes them to a file. Ranges are
 * {@code %history}'s ({@code 4}, {@code 4-6}, {@code 4:6}, {@code 4-}), and only the cells before the asking one
 * count, so that a cell never runs or saves itself.
 */
final class ReplayMagics {
    static final String RERUN_USAGE = "%rerun [-l N] [-g TEXT] [RANGE ...]";
    static final String RECALL_USAGE = "%recall [RANGE ... | EXPRESSION | TEXT]";
    static final String SAVE_USAGE = "%save [-f] [-a] [-r] FILE [RANGE ...]";
    private static final Pattern RANGES = Pattern.compile("(\\s*\\d[\\d:-]*)+\\s*");
    private static final Pattern RERUN = Pattern.compile("(?s)\\s*%rerun\\b.*");
    private static final Pattern RECALL = Pattern.compile("(?s)\\s*%(?:recall|rep)\\b.*");

    /** Whether a {@code %rerun} is running cells, so that one among them does not start another. */
    private boolean rerunning;
    private final Magics runner;

    ReplayMagics(MagicCatalog catalog) {
        this.runner = new Magics(catalog);
    }

    /**
     * {@code %rerun}: the last cell (the last that is not itself a {@code %rerun}), the last N ({@code -l}), the
     * latest holding TEXT ({@code -g}), or the cells of some ranges, run again together, after IPython's banner.
     */
    Evaluation rerun(Invocation call, MagicContext ctx) throws CellException {
        if (rerunning) {
            throw call.usage("a cell that %rerun runs cannot %rerun cells itself");
        }
        Options o = Options.parse(call, call.args(), "lg", "");
        List<MagicContext.Input> earlier = ctx.history().earlier();
        List<MagicContext.Input> picked;
        if (o.value('l') != null) {
            int n;
            try {
                n = Integer.parseInt(o.value('l').strip());
            } catch (NumberFormatException e) {
                throw call.usage("-l needs a number of cells, got '" + o.value('l') + "'");
            }
            if (n <= 0) {
                ctx.out().stdout(n == 0 ? "Requested 0 last lines - nothing to run\n"
                        : "Number of lines to rerun cannot be negative\n");
                return null;
            }
            picked = earlier.subList(Math.max(0, earlier.size() - n), earlier.size());
        } else if (o.value('g') != null) {
            Pattern glob = HistoryMagic.glob("*" + o.value('g') + "*");
            picked = latest(earlier, c -> glob.matcher(c.source()).matches());
        } else if (!o.rest().isBlank()) {
            picked = HistoryMagic.inRanges(call, words(o.rest()), earlier);
        } else {
            picked = latest(earlier, c -> true);
        }
        if (picked.isEmpty()) {
            ctx.out().stdout("No lines in history match specification\n");
            return null;
        }
        String code = String.join("\n", picked.stream().map(MagicContext.Input::source).toList());
        ctx.out().stdout("=== Executing: ===\n" + code + "\n=== Output: ===\n");
        rerunning = true;
        try {
            return runner.run(code, ctx);
        } finally {
            rerunning = false;
        }
    }

    /** The latest of {@code cells} that {@code wanted} takes and that is not a {@code %rerun}, alone; or none. */
    private static List<MagicContext.Input> latest(List<MagicContext.Input> cells,
                                                   Predicate<MagicContext.Input> wanted) {
        for (MagicContext.Input c : cells.reversed()) {
            if (wanted.test(c) && !RERUN.matcher(c.source()).matches()) {
                return List.of(c);
            }
        }
        return List.of();
    }

    /**
     * {@code %recall}: puts text into a new cell below, to edit before it runs, as IPython's: alone, the last
     * result as text; with ranges, those cells; else the value of the argument as a Java expression, or, when it
     * is none, the latest cell holding the argument's text (other than a {@code %recall}).
     */
    Evaluation recall(Invocation call, MagicContext ctx) throws CellException {
        String arg = call.args().strip();
        if (arg.isEmpty()) {
            String last = ctx.lastResult();
            if (last == null) {
                ctx.out().stdout("No result to recall yet: a cell shows one when it ends in an expression.\n");
            } else {
                ctx.setNextInput(last, false);
            }
            return null;
        }
        List<MagicContext.Input> earlier = ctx.history().earlier();
        if (RANGES.matcher(arg).matches()) {
            List<MagicContext.Input> picked = HistoryMagic.inRanges(call, words(arg), earlier);
            if (!picked.isEmpty()) {
                ctx.setNextInput(String.join("\n", picked.stream().map(MagicContext.Input::source).toList())
                        .stripTrailing(), false);
                return null;
            }
        }
        String value = valueOf(arg, ctx);
        if (value != null) {
            ctx.setNextInput(value.stripTrailing(), false);
            return null;
        }
        for (MagicContext.Input c : earlier.reversed()) {
            if (c.source().contains(arg) && !RECALL.matcher(c.source()).matches()) {
                ctx.setNextInput(c.source().stripTrailing(), false);
                return null;
            }
        }
        ctx.out().stdout("Couldn't evaluate or find in history: " + arg + "\n");
        return null;
    }

    /** The text of {@code expression}'s value, or null when it does not compile, fails, or has no value. */
    private static String valueOf(String expression, MagicContext ctx) {
        try {
            Evaluation e = ctx.eval(expression);
            return e != null && e.hasValue() ? String.valueOf(e.value()) : null;
        } catch (CellException notAnExpression) {
            return null;
        }
    }

    /**
     * {@code %save}: writes cells to FILE ({@code .jsh} added when it ends in neither {@code .jsh} nor
     * {@code .java}), every cell before this one without ranges, and prints what it wrote, as IPython's. {@code -a}
     * appends; {@code -f} replaces a file without asking; {@code -r} is accepted and changes nothing, since the
     * cells are kept as typed.
     */
    Evaluation save(Invocation call, MagicContext ctx) throws CellException {
        Options o = Options.parse(call, call.args(), "", "fra");
        List<String> args = words(o.rest());
        if (args.isEmpty()) {
            throw call.usage("Missing filename.");
        }
        String name = ClasspathMagic.unquote(args.getFirst());
        if (!name.endsWith(".jsh") && !name.endsWith(".java")) {
            name += ".jsh";
        }
        List<MagicContext.Input> earlier = ctx.history().earlier();
        List<MagicContext.Input> picked = args.size() == 1 ? earlier
                : HistoryMagic.inRanges(call, args.subList(1, args.size()), earlier);
        if (picked.isEmpty()) {
            ctx.out().stdout("No cells to save: the history has none " + (args.size() == 1 ? "before this one"
                    : "in " + String.join(" ", args.subList(1, args.size()))) + ".\n");
            return null;
        }
        Path file = UserPaths.of(name);
        boolean append = o.has('a');
        if (Files.isRegularFile(file) && !o.has('f') && !append) {
            Boolean overwrite = overwrite(call, ctx, name);
            if (overwrite == null) {
                ctx.out().stdout("File `" + name + "` exists. Use `%save -f " + call.args().strip()
                        + "` to force overwrite\n");
                return null;
            }
            if (!overwrite) {
                ctx.out().stdout("Operation cancelled.\n");
                return null;
            }
        }
        String code = String.join("\n", picked.stream().map(MagicContext.Input::source).toList());
        try {
            Files.writeString(file, code.endsWith("\n") ? code : code + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw call.usage("cannot write " + file.toAbsolutePath() + ": " + ClasspathMagic.reason(e));
        }
        ctx.out().stdout("The following commands were written to file `" + name + "`:\n" + code + "\n");
        return null;
    }

    /** The user's answer to replacing {@code name}; null when the front end cannot ask. */
    private static Boolean overwrite(Invocation call, MagicContext ctx, String name) throws CellException {
        try {
            return Confirmation.ask(ctx.out(), "File `" + name + "` exists. Overwrite (y/[N])?", false);
        } catch (StdinNotAllowedException e) {
            return null;
        } catch (IOException e) {
            throw new CellException("EOFError", call.display() + ": no answer came (" + e.getMessage()
                    + "); the file was not written");
        }
    }

    private static List<String> words(String text) {
        var words = new ArrayList<String>();
        for (String w : text.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}
