package io.jawait.magic;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code %%script PROGRAM [ARGS]} and its shortcuts ({@code %%bash}, {@code %%sh}, ...), as IPython's: the cell's
 * body goes to the program's standard input and the program's output streams into the cell as it comes. The
 * program starts in the kernel's working directory with the kernel's environment plus what {@code %env} set,
 * so a notebook can prepare files, start a server or look at the machine. A non-zero exit status fails the
 * cell ({@code CalledProcessError}) unless {@code --no-raise-error}; {@code --out}/{@code --err VAR} bind what
 * the stream printed to a {@code String} variable instead of showing it. An interrupt ends the program and every
 * process it started (SIGTERM, then SIGKILL after a grace period) and fails the cell.
 */
final class ScriptMagic implements Magic {
    static final String USAGE = "%%script [--out VAR] [--err VAR] [--no-raise-error] PROGRAM [ARGS ...]\n<input>";
    /** How long a terminated program has to end before it is killed. */
    private static final long GRACE_MILLIS = 500;

    /** The program of a shortcut such as {@code %%bash}, or null for {@code %%script}, which names one. */
    private final String program;

    ScriptMagic(String program) {
        this.program = program;
    }

    static String usage(String program) {
        return program == null ? USAGE
                : "%%" + program + " [--out VAR] [--err VAR] [--no-raise-error] [ARGS ...]\n<input>";
    }

    @Override
    public Evaluation run(Invocation call, MagicContext ctx) throws CellException {
        List<String> words = words(call, call.args());
        String out = null;
        String err = null;
        boolean raise = true;
        int i = 0;
        options:
        for (; i < words.size() && words.get(i).startsWith("--"); i++) {
            String option = words.get(i);
            switch (option) {
                case "--out", "--err" -> {
                    if (i + 1 >= words.size() || !Options.javaName(words.get(i + 1))) {
                        throw call.usage("option " + option + " needs the name of a variable");
                    }
                    if (option.equals("--out")) {
                        out = words.get(++i);
                    } else {
                        err = words.get(++i);
                    }
                }
                case "--no-raise-error" -> raise = false;
                case "--bg", "--proc" -> throw call.usage("option " + option + " is not supported: start a "
                        + "process that outlives the cell from Java (new ProcessBuilder(...).start())");
                default -> {
                    if (program == null) {
                        throw call.usage("option " + option + " not recognized; the options are --out VAR, "
                                + "--err VAR and --no-raise-error, before the program");
                    }
                    // the program's own option, as IPython passes it on: %%bash --norc
                    break options;
                }
            }
        }
        List<String> command = new ArrayList<>();
        if (program != null) {
            command.add(program);
        }
        command.addAll(words.subList(i, words.size()));
        if (command.isEmpty()) {
            throw call.usage("name the program to run the cell with: " + USAGE.lines().findFirst().orElseThrow());
        }
        String name = command.getFirst();
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(EnvMagic.overrides());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw call.usage("cannot run '" + name + "': " + (e.getMessage() == null ? "" : e.getMessage()
                    .replaceFirst("^Cannot run program \"[^\"]*\": (error=\\d+, )?", "")));
        }
        StringBuilder outText = new StringBuilder();
        StringBuilder errText = new StringBuilder();
        Thread stdout = pump(process.getInputStream(), out == null ? ctx.out()::stdout : collect(outText), name);
        Thread stderr = pump(process.getErrorStream(), err == null ? ctx.out()::stderr : collect(errText), name);
        feed(process.getOutputStream(), call.body(), name);
        awaitEnd(process, stdout, stderr, ctx, name);
        if (out != null) {
            ctx.bind("String", out, outText.toString());
        }
        if (err != null) {
            ctx.bind("String", err, errText.toString());
        }
        int status = process.exitValue();
        if (raise && status != 0) {
            throw new CellException("CalledProcessError", "Command '" + String.join(" ", command)
                    + "' returned non-zero exit status " + status + ".");
        }
        return null;
    }

    /**
     * Waits until {@code process} has ended and the threads reading its output have read to the end; an
     * interrupt ends the process and what it started, and fails the cell.
     */
    static void awaitEnd(Process process, Thread stdout, Thread stderr, MagicContext ctx, String name)
            throws CellException {
        try {
            while (!process.waitFor(20, TimeUnit.MILLISECONDS) || stdout.isAlive() || stderr.isAlive()) {
                if (ctx.interrupted()) {
                    end(process);
                    throw new CellException("KeyboardInterrupt", "interrupted: " + name + " (pid " + process.pid()
                            + ") and the processes it started were ended");
                }
                if (!process.isAlive()) {
                    // the program is done, but something it started still holds its output open
                    stdout.join(20);
                    stderr.join(20);
                }
            }
        } catch (InterruptedException e) {
            end(process);
            throw new CellException("KeyboardInterrupt", "interrupted: " + name + " was ended");
        }
    }

    /** Ends {@code process} and what it started: asked first (SIGTERM), forced after {@link #GRACE_MILLIS}. */
    private static void end(Process process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception stillRunning) {
                p.destroyForcibly();
            }
        }
    }

    static Consumer<String> collect(StringBuilder into) {
        return text -> {
            synchronized (into) {
                into.append(text);
            }
        };
    }

    /** A thread that hands what {@code from} gives, decoded as UTF-8, to {@code to} as it arrives. */
    static Thread pump(InputStream from, Consumer<String> to, String program) {
        return Thread.ofPlatform().daemon().name("jawait-script-" + program).start(() -> {
            char[] buffer = new char[8192];
            try (Reader in = new InputStreamReader(from, StandardCharsets.UTF_8)) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    to.accept(new String(buffer, 0, n));
                }
            } catch (IOException closed) {
                // the process is gone and its pipe with it
            }
        });
    }

    /**
     * Writes the cell's body to the program's input on a thread of its own, then closes it: a program may print
     * more than a pipe holds before it has read all its input.
     */
    private static void feed(OutputStream to, String body, String program) {
        String text = body.isEmpty() || body.endsWith("\n") ? body : body + "\n";
        Thread.ofPlatform().daemon().name("jawait-script-" + program + "-input").start(() -> {
            try (to) {
                to.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException programStoppedReading) {
                // a program need not read its input (a script that ends early, or one that ignores it)
            }
        });
    }

    /** The line split into words as a POSIX shell would: quotes group, a backslash escapes the next character. */
    static List<String> words(Invocation call, String line) throws CellException {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()
                        && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw call.usage("a quote (" + quote + ") is not closed");
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
