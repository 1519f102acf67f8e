package io.jawait.magic;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code %sx COMMAND} and {@code %system COMMAND} (and their cell forms), as IPython's: the command runs in the
 * user's shell ({@code $SHELL}, else {@code /bin/sh}) with its error output merged into its output, and the lines
 * it printed come back as a {@code List<String>} value, so {@code var files = %sx ls} keeps them. The exit status
 * does not fail the cell, as in IPython (a failing command's message is among the lines). The cell form runs the
 * body as a script; {@code --out VAR} binds the lines to {@code VAR} instead of showing them.
 *
 * <p>Before running, {@code {expr}} is replaced by the value of a Java expression and {@code $name} by a
 * variable's (also {@code $a.b}), except a {@code $} inside single quotes; {@code $$} and doubled braces stand
 * for themselves. As in IPython, when any of them cannot be evaluated the command runs exactly as written, so
 * {@code $HOME} or an awk program reaches the shell untouched.
 */
final class SxMagic implements Magic {
    static final String LINE_USAGE = "%sx COMMAND";
    static final String CELL_USAGE = "%%sx [--out VAR]\n<commands>";
    private static final Pattern DOLLAR_NAME = Pattern.compile("\\$(\\$?)([\\w.]+)");

    @Override
    public Evaluation run(Invocation call, MagicContext ctx) throws CellException {
        String command = call.isCell() ? call.body() : call.args();
        String outVar = null;
        if (call.isCell() && !call.args().isEmpty()) {
            List<String> words = ScriptMagic.words(call, call.args());
            if (words.size() != 2 || !words.getFirst().equals("--out") || !Options.javaName(words.get(1))) {
                throw call.usage("the one option is --out VAR, naming the variable to hold the lines (got '"
                        + call.args() + "')");
            }
            outVar = words.get(1);
        }
        if (command.isBlank()) {
            throw call.usage("give the command to run: " + (call.isCell() ? CELL_USAGE : LINE_USAGE));
        }
        Process process = startShell(call, expand(command, ctx), true);
        StringBuilder printed = new StringBuilder();
        String name = command.strip().split("\\s+", 2)[0];
        Thread stdout = ScriptMagic.pump(process.getInputStream(), ScriptMagic.collect(printed), name);
        Thread stderr = ScriptMagic.pump(process.getErrorStream(), ScriptMagic.collect(printed), name);
        ScriptMagic.awaitEnd(process, stdout, stderr, ctx, name);
        List<String> lines = printed.toString().lines().toList();
        if (outVar != null) {
            ctx.bind("java.util.List<String>", outVar, lines);
            return null;
        }
        return Evaluation.typed(lines, "java.util.List<String>");
    }

    /**
     * Starts {@code command} in the user's shell ({@code $SHELL}, else {@code /bin/sh}) with the variables
     * {@code %env} set, and no input; {@code mergeErrors} sends its error output into its output.
     */
    static Process startShell(Invocation call, String command, boolean mergeErrors) throws CellException {
        if (command.stripTrailing().endsWith("&")) {
            throw call.usage("background processes are not supported (the command ends with '&'): the cell "
                    + "would not get their output");
        }
        String shell = EnvMagic.overrides().getOrDefault("SHELL", System.getenv("SHELL"));
        if (shell == null || shell.isBlank()) {
            shell = "/bin/sh";
        }
        ProcessBuilder builder = new ProcessBuilder(shell, "-c", command).redirectErrorStream(mergeErrors);
        builder.environment().putAll(EnvMagic.overrides());
        try {
            Process process = builder.start();
            process.getOutputStream().close(); // no input: a command that reads it sees its end at once
            return process;
        } catch (IOException e) {
            throw call.usage("cannot run the shell " + shell + ": " + e.getMessage());
        }
    }

    /** A command's words are often files: completion offers every file, as for IPython's shell commands. */
    @Override
    public List<String> fileEndings() {
        return List.of();
    }

    /** {@code command} with its expressions and variables replaced by their values; as written when one fails. */
    static String expand(String command, MagicContext ctx) {
        if (command.indexOf('$') < 0 && command.indexOf('{') < 0 && command.indexOf('}') < 0) {
            return command;
        }
        StringBuilder out = new StringBuilder();
        try {
            for (int i = 0; i < command.length(); i++) {
                char c = command.charAt(i);
                if (c == '{' || c == '}') {
                    if (i + 1 < command.length() && command.charAt(i + 1) == c) {
                        out.append(c); // {{ and }} stand for one brace
                        i++;
                    } else if (c == '}') {
                        return command; // a single closing brace: not something to expand
                    } else {
                        int end = closingBrace(command, i);
                        if (end < 0) {
                            return command;
                        }
                        out.append(valueOf(command.substring(i + 1, end), ctx));
                        i = end;
                    }
                } else if (c == '$') {
                    Matcher m = DOLLAR_NAME.matcher(command).region(i, command.length());
                    if (!m.lookingAt() || !evenQuotesAfter(command, m.end())) {
                        out.append(c);
                    } else if (!m.group(1).isEmpty()) {
                        out.append('$').append(m.group(2)); // $$name is $name, unexpanded
                        i = m.end() - 1;
                    } else {
                        out.append(valueOf(m.group(2), ctx));
                        i = m.end() - 1;
                    }
                } else {
                    out.append(c);
                }
            }
        } catch (CellException notJava) {
            return command;
        }
        return out.toString();
    }

    /** Where the brace opened at {@code open} closes, counting nested braces; -1 when it does not. */
    private static int closingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the text after {@code from} holds an even number of single quotes: a {@code $} before is not quoted. */
    private static boolean evenQuotesAfter(String text, int from) {
        return text.substring(from).chars().filter(ch -> ch == '\'').count() % 2 == 0;
    }

    private static String valueOf(String expression, MagicContext ctx) throws CellException {
        if (expression.isBlank()) {
            throw new CellException("UsageError", "empty braces");
        }
        Evaluation value = ctx.eval("(" + expression + ")");
        if (!value.hasValue()) {
            throw new CellException("UsageError", expression + " has no value");
        }
        return String.valueOf(value.value());
    }
}
