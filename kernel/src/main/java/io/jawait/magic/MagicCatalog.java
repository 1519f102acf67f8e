package io.jawait.magic;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one list of magics: it answers lookups, {@code %lsmagic}, completion of {@code %}/{@code %%} names and
 * {@code %name?} help, so all four always agree.
 */
public final class MagicCatalog {
    private final List<MagicSpec> specs = new CopyOnWriteArrayList<>(); // %alias changes it

    /** The magics jawait ships, with {@code %maven} caching into {@code localRepository}. */
    public static MagicCatalog standard(Path localRepository) {
        MagicCatalog c = new MagicCatalog();
        TimeMagic time = new TimeMagic();
        TimeitMagic timeit = new TimeitMagic();
        c.add(new MagicSpec("time", false, "%time statement", "Time one run of a statement: CPU, wall, GC, JIT, "
                + "threads; its output and value still show.", time));
        c.add(new MagicSpec("time", true, "%%time\n<cell>", "Time one run of the whole cell, as %time does.", time));
        c.add(new MagicSpec("timeit", false, TimeitMagic.LINE_USAGE,
                "Time a statement over many loops and runs: compiled once, warmed up (1 s, or -w runs), IPython's "
                + "output; -f times it in a fresh JVM, as JMH forks.", timeit));
        c.add(new MagicSpec("timeit", true, TimeitMagic.CELL_USAGE,
                "Time the cell's body over many loops; the first line is setup, run before each run.", timeit));
        ProfileMagic prun = new ProfileMagic();
        c.add(new MagicSpec("prun", false, ProfileMagic.LINE_USAGE, "Profile a statement by sampling its stacks "
                + "every millisecond: the methods the CPU was in, own and total, as IPython's %prun.", prun));
        c.add(new MagicSpec("prun", true, ProfileMagic.CELL_USAGE, "Profile the whole cell, as %prun does.", prun));
        c.add(new MagicSpec("jvm", false, "%jvm", "Show the JVM every timing is measured on: JDK, cores, GC, heap, "
                + "flags.", new JvmMagic()));
        c.add(new MagicSpec("lsmagic", false, "%lsmagic", "List the available magics.", (call, ctx) -> {
            ctx.out().stdout(c.listing());
            return null;
        }));
        c.add(new MagicSpec("maven", false, "%maven [-r REPO_URL] group:artifact:version ...",
                "Resolve artifacts with their dependencies from Maven Central (cached) and add them to the classpath.",
                new MavenMagic(localRepository)));
        c.add(new MagicSpec("classpath", false, "%classpath PATH ...",
                "Add jars or class folders (DIR/* adds every jar in DIR) to the classpath of later cells.",
                new ClasspathMagic()));
        c.add(new MagicSpec("load", false, "%load [-r LINES] [-s NAMES] [-y] FILE|URL",
                "Put a file's (or an http URL's) text into the cell, to edit and run; -r takes some lines "
                        + "(5-10, 5:10, 7, ...), -s some declarations (fib,Point,Shapes.area).",
                new LoadMagic()));
        c.add(new MagicSpec("run", false, "%run FILE", "Run a .jsh or .java file as if it were a cell.",
                new RunMagic()));
        c.add(new MagicSpec("who", false, "%who [TYPE ...]",
                "List the session's variables (of the given types), as IPython's %who.", new WhoMagic(false)));
        c.add(new MagicSpec("whos", false, "%whos [TYPE ...]",
                "List the session's variables with their types and values, as IPython's %whos.", new WhoMagic(true)));
        c.add(new MagicSpec("who_ls", false, "%who_ls [TYPE ...]",
                "The session's variable names (of the given types), sorted, as a List value.", PlaceMagics::whoLs));
        c.add(new MagicSpec("xdel", false, "%xdel NAME",
                "Delete the variable NAME so later cells cannot use it; its value is let go, not closed.",
                NamespaceMagics::xdel));
        c.add(new MagicSpec("reset", false, "%reset [-f]", "Delete every variable, method, class and import the "
                + "cells declared, after asking (-f: without asking); the kernel's own imports stay.",
                NamespaceMagics::reset));
        HistoryMagic history = new HistoryMagic();
        c.add(new MagicSpec("history", false, HistoryMagic.USAGE, "Print this session's cells as typed; -n numbers "
                + "them, -l N the last N, -g finds a pattern, -f writes a file, ranges: 4 4-6 4:6 4-.",
                history));
        c.add(new MagicSpec("hist", false, HistoryMagic.USAGE.replace("%history", "%hist"), "Another name for "
                + "%history.", history));
        for (var kind : InspectMagic.Kind.values()) {
            String name = kind.name().toLowerCase(java.util.Locale.ROOT);
            c.add(new MagicSpec(name, false, InspectMagic.usage(name), switch (kind) {
                case PINFO -> "Show a name's signatures and Javadoc, as NAME? does.";
                case PINFO2 -> "Show a name's signatures, Javadoc and the source the cells gave it, as NAME?? does.";
                case PDEF -> "Print a method's signatures, or a class's constructors.";
                case PDOC -> "Show a name's Javadoc.";
                case PSOURCE -> "Show the source of a method or class a cell declared.";
            }, new InspectMagic(kind)));
        }
        ReplayMagics replay = new ReplayMagics(c);
        c.add(new MagicSpec("rerun", false, ReplayMagics.RERUN_USAGE, "Run earlier cells again: the last, the last "
                + "N (-l), the latest holding TEXT (-g), or ranges as %history's.", replay::rerun));
        for (String name : List.of("recall", "rep")) {
            c.add(new MagicSpec(name, false, ReplayMagics.RECALL_USAGE.replace("recall", name), "Put earlier cells "
                    + "(or the last result, or an expression's value) into a new cell to edit.", replay::recall));
        }
        c.add(new MagicSpec("save", false, ReplayMagics.SAVE_USAGE, "Write earlier cells (all, or ranges as "
                + "%history's) to FILE (.jsh added when it has no .jsh or .java); -a appends, -f replaces.",
                replay::save));
        c.add(new MagicSpec("pwd", false, "%pwd", "The kernel's working directory, which relative paths start from.",
                PlaceMagics::pwd));
        c.add(new MagicSpec("cd", false, "%cd DIR", "Not available: a JVM cannot change its working directory; "
                + "give full paths (%pwd shows where relative ones start).", PlaceMagics::cd));
        c.add(new MagicSpec("magic", false, "%magic", "Describe every magic: its usage and what it does.",
                (call, ctx) -> {
                    ctx.out().stdout(c.all().stream().map(MagicSpec::helpText)
                            .reduce((a, b) -> a + "\n\n" + b).orElse("") + "\n");
                    return null;
                }));
        c.add(new MagicSpec("env", false, "%env [NAME[=VALUE] | NAME VALUE]",
                "Show the environment, one variable, or set a variable for this kernel (see %env?).",
                new EnvMagic(false)));
        c.add(new MagicSpec("set_env", false, "%set_env NAME=VALUE | NAME VALUE", "Set an environment variable for "
                + "this kernel, as %env NAME=VALUE does.", new EnvMagic(true)));
        c.add(new MagicSpec("html", true, "%%html [--isolated]\n<html>", "Display the cell's body as HTML "
                + "(--isolated: in a frame of its own).", DisplayMagics::html));
        c.add(new MagicSpec("markdown", true, "%%markdown\n<markdown>", "Display the cell's body as Markdown.",
                DisplayMagics::markdown));
        c.add(new MagicSpec("latex", true, "%%latex\n<latex>", "Display the cell's body as LaTeX (what the front "
                + "end's MathJax renders).", DisplayMagics::latex));
        c.add(new MagicSpec("svg", true, "%%svg\n<svg>", "Display the cell's body as an SVG image.",
                DisplayMagics::svg));
        for (String name : List.of("javascript", "js")) {
            c.add(new MagicSpec(name, true, "%%" + name + "\n<javascript>", "Run the cell's body as JavaScript in "
                    + "the front end (JupyterLab runs it only in a trusted notebook).", DisplayMagics::javascript));
        }
        c.add(new MagicSpec("script", true, ScriptMagic.USAGE, "Run the cell's body with a program (bash, python3, "
                + "...): its output shows as it comes; a non-zero exit fails the cell.", new ScriptMagic(null)));
        for (String program : List.of("bash", "sh", "python3", "python", "perl", "ruby")) {
            c.add(new MagicSpec(program, true, ScriptMagic.usage(program), "%%script " + program + ": run the "
                    + "cell's body with " + program + ".", new ScriptMagic(program)));
        }
        SxMagic sx = new SxMagic();
        for (String name : List.of("sx", "system")) {
            c.add(new MagicSpec(name, false, SxMagic.LINE_USAGE.replace("sx", name), "Run a shell command; the lines "
                    + "it printed (errors too) are the value: var files = %" + name + " ls. {expr} and $name "
                    + "insert Java values.", sx));
            c.add(new MagicSpec(name, true, SxMagic.CELL_USAGE.replace("sx", name), "Run the cell's body in the "
                    + "shell; the lines it printed are the value, or go into VAR with --out.", sx));
        }
        c.add(new MagicSpec("capture", true, CaptureMagic.USAGE, "Run the cell keeping its output out of the "
                + "notebook; VAR then holds it (VAR.stdout(), VAR.show()).", new CaptureMagic(c)));
        c.add(new MagicSpec("writefile", true, WriteFileMagic.USAGE,
                "Write the cell's body to FILE (-a: append to it), as IPython's %%writefile.", new WriteFileMagic()));
        c.add(new MagicSpec("file", true, WriteFileMagic.USAGE.replace("writefile", "file"), "Another name for "
                + "%%writefile.", new WriteFileMagic()));
        c.add(new MagicSpec("xmode", false, Xmode.USAGE, "How much of an exception errors show: Minimal the "
                + "exception alone, Plain and Context its frames without the kernel's (the default), Verbose every "
                + "frame with the cell's line; alone, the next mode.", Xmode::magic));
        c.add(new MagicSpec("tb", false, "%tb", "Show the traceback of the last cell that failed again.",
                (call, ctx) -> {
                    if (!call.args().isBlank()) {
                        throw call.usage("it takes no arguments");
                    }
                    List<String> traceback = ctx.lastTraceback();
                    ctx.out().stderr(traceback == null ? "No traceback available to show.\n"
                            : String.join("\n", traceback) + "\n");
                    return null;
                }));
        c.add(new MagicSpec("alias", false, AliasMagic.USAGE, "Make %NAME run a shell command (%s: the next word, "
                + "%l: the line); alone, list the aliases.", (call, ctx) -> AliasMagic.define(call, ctx, c)));
        c.add(new MagicSpec("unalias", false, "%unalias NAME", "Remove an alias %alias made (or a standard one).",
                (call, ctx) -> AliasMagic.undefine(call, ctx, c)));
        AliasMagic.defaults().forEach((name, command) -> c.add(AliasMagic.spec(name, command)));
        c.add(new MagicSpec("async_mode", false, "%async_mode loop|virtual",
                "Choose how the await helpers run tasks: one at a time (loop, like asyncio) or virtual threads.",
                new AsyncModeMagic()));
        c.add(new MagicSpec("expect_error", true, "%%expect_error TEXT\n<cell>",
                "Pass only if the cell fails to compile or run with TEXT in the error; show what failed.",
                new ExpectErrorMagic()));
        return c;
    }

    void add(MagicSpec spec) {
        specs.add(spec);
    }

    /** Puts {@code spec} in place of the entry of its name and kind, if any. */
    synchronized void replace(MagicSpec spec) {
        remove(spec.name(), spec.cell());
        specs.add(spec);
    }

    /** Drops the entry called {@code name} of this kind. */
    synchronized void remove(String name, boolean cell) {
        specs.removeIf(s -> s.name().equals(name) && s.cell() == cell);
    }

    /** The magic called {@code name}, line or cell. */
    public Optional<MagicSpec> find(String name, boolean cell) {
        return specs.stream().filter(s -> s.name().equals(name) && s.cell() == cell).findFirst();
    }

    /** Every entry, line magics first, each group by name. */
    public List<MagicSpec> all() {
        return specs.stream().sorted(Comparator.comparing(MagicSpec::cell).thenComparing(MagicSpec::name)).toList();
    }

    /** Names ({@code %x} and {@code %%x}) starting with {@code prefix}; a bare name prefix matches both kinds. */
    public List<String> complete(String prefix) {
        String p = prefix.startsWith("%") ? prefix : "%" + prefix;
        return all().stream().map(MagicSpec::display)
                .filter(d -> d.startsWith(p) || (!p.startsWith("%%") && d.startsWith("%" + p)))
                .distinct().toList();
    }

    /** Help for {@code %x}, {@code %%x}, {@code x} (both kinds), or null when nothing matches. */
    public String help(String name) {
        String bare = name.replaceFirst("^%{1,2}", "").replaceFirst("\\?+$", "");
        boolean onlyCell = name.startsWith("%%");
        boolean onlyLine = name.startsWith("%") && !onlyCell;
        List<String> texts = all().stream().filter(s -> s.name().equals(bare))
                .filter(s -> !(onlyCell && !s.cell()) && !(onlyLine && s.cell()))
                .map(MagicSpec::helpText).toList();
        return texts.isEmpty() ? null : String.join("\n\n", texts);
    }

    /** What {@code %lsmagic} prints, in IPython's layout. */
    public String listing() {
        String line = String.join("  ", all().stream().filter(s -> !s.cell()).map(MagicSpec::display).toList());
        String cell = String.join("  ", all().stream().filter(MagicSpec::cell).map(MagicSpec::display).toList());
        return "Available line magics:\n" + line + "\n\nAvailable cell magics:\n" + cell
                + "\n\nAdd ? to a magic's name for its help (%timeit?).\n";
    }
}
