package io.jawait.runner;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jawait.protocol.Interpreter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code run [--out DIR | --in-place] [--timeout SECONDS] NOTEBOOK.ipynb...}: executes notebooks headless,
 * writes the executed copies, prints one table row per notebook and returns 0 only when every cell that was
 * not tagged {@code raises-exception} succeeded.
 */
public final class RunCommand {
    static final String USAGE = "usage: run [--out DIR | --in-place] [--timeout SECONDS] NOTEBOOK.ipynb...";
    private final Supplier<Interpreter> interpreters;
    private final PrintStream out;
    private final PrintStream err;

    public RunCommand(Supplier<Interpreter> interpreters, PrintStream out, PrintStream err) {
        this.interpreters = interpreters;
        this.out = out;
        this.err = err;
    }

    private record Options(Path outDir, boolean inPlace, Duration timeout, List<Path> notebooks) {}

    /** Runs the command; the result is the process's exit status (2 for bad arguments). */
    public int run(List<String> args) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("jawait run: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        NotebookRunner runner = new NotebookRunner(interpreters, o.timeout());
        out.printf("%-40s %6s %9s %7s%n", "notebook", "cells", "seconds", "errors");
        boolean allOk = true;
        for (Path nb : o.notebooks()) {
            allOk &= runOne(runner, nb, o);
        }
        return allOk ? 0 : 1;
    }

    private boolean runOne(NotebookRunner runner, Path nb, Options o) {
        String name = nb.getFileName().toString();
        try {
            JsonObject notebook = JsonParser.parseString(Files.readString(nb)).getAsJsonObject();
            NotebookRunner.Result r = runner.run(notebook);
            Path target = o.inPlace() ? nb : o.outDir().resolve(name);
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.writeString(target, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
                    .serializeNulls().create().toJson(r.notebook()) + "\n");
            out.printf(Locale.ROOT, "%-40s %6d %9.2f %7d%n", name, r.codeCells(), r.seconds(), r.failures().size());
            r.failures().forEach(f -> err.printf("%s: cell %d failed: %s: %s%n", name, f.cell() + 1, f.ename(),
                    f.evalue()));
            return r.failures().isEmpty();
        } catch (IOException | RuntimeException e) {
            out.printf("%-40s %6s %9s %7s%n", name, "-", "-", "-");
            err.println("jawait run: " + nb + ": " + e.getMessage());
            return false;
        }
    }

    private static Options parse(List<String> args) {
        Path outDir = Path.of("executed");
        boolean inPlace = false;
        boolean outGiven = false;
        Duration timeout = Duration.ofMinutes(10);
        List<Path> notebooks = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--out" -> {
                    outDir = Path.of(value(args, ++i, a));
                    outGiven = true;
                }
                case "--in-place" -> inPlace = true;
                case "--timeout" -> timeout = seconds(value(args, ++i, a));
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    notebooks.add(Path.of(a));
                }
            }
        }
        if (inPlace && outGiven) {
            throw new IllegalArgumentException("--out and --in-place exclude each other");
        }
        if (notebooks.isEmpty()) {
            throw new IllegalArgumentException("no notebook given");
        }
        return new Options(outDir, inPlace, timeout, notebooks);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static Duration seconds(String text) {
        try {
            double s = Double.parseDouble(text);
            if (!(s > 0)) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis((long) (s * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--timeout needs a positive number of seconds, not '" + text + "'");
        }
    }
}
