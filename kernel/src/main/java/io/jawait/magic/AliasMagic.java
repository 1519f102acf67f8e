package io.jawait.magic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Shell aliases, as IPython's: {@code %alias NAME COMMAND} makes {@code %NAME ARGS} run {@code COMMAND ARGS} in
 * the shell, its output and errors showing as they come; a failing command fails nothing, as in IPython. In
 * {@code COMMAND}, {@code %s} takes the next word of the call (the call must give one for each) and {@code %l}
 * the whole line. The call's words first get {@code %sx}'s expansion ({@code {expr}}, {@code $name}). An alias
 * is a line magic of the catalogue, so {@code %lsmagic}, completion and {@code %NAME?} know it. Every kernel
 * starts with IPython's aliases: {@code %ls %ll %lf %lk %ldir %lx %cat %cp %mv %rm %mkdir %rmdir}.
 */
final class AliasMagic {
    static final String USAGE = "%alias [NAME COMMAND]";
    /** Names IPython will not alias: its directory magics and these two. */
    private static final Set<String> RESERVED = Set.of("cd", "popd", "pushd", "dhist", "alias", "unalias");

    private AliasMagic() {
    }

    /** IPython's aliases for this system: GNU {@code ls} options on Linux, BSD ones elsewhere. */
    static Map<String, String> defaults() {
        boolean gnu = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        String ls = gnu ? "ls -F --color" : "ls -F -G";
        String longLs = gnu ? "ls -F -o --color" : "ls -F -l -G";
        Map<String, String> aliases = new LinkedHashMap<>();
        for (String command : List.of("mkdir", "rmdir", "mv", "rm", "cp", "cat")) {
            aliases.put(command, command);
        }
        aliases.put("ls", ls);
        aliases.put("ll", longLs);
        aliases.put("lf", longLs + " %l | grep ^-"); // plain files
        aliases.put("lk", longLs + " %l | grep ^l"); // symbolic links
        aliases.put("ldir", longLs + " %l | grep /$"); // directories
        aliases.put("lx", longLs + " %l | grep ^-..x"); // executables
        return aliases;
    }

    /** The catalogue entry for {@code %NAME}, an alias for {@code command}. */
    static MagicSpec spec(String name, String command) {
        int slots = slots(command);
        String usage = "%" + name + (slots == 0 ? " [ARGS ...]" : " ARG".repeat(slots) + " [MORE ...]");
        return new MagicSpec(name, false, usage, "Alias for `" + command + "`, run in the shell; its output shows "
                + "as it comes.", new Alias(command));
    }

    /** {@code %alias}: lists the aliases (their number, then a name-to-command map as the value) or defines one. */
    static Evaluation define(Invocation call, MagicContext ctx, MagicCatalog catalog) throws CellException {
        String args = call.args().strip();
        if (args.isEmpty()) {
            Map<String, String> aliases = new TreeMap<>();
            for (MagicSpec spec : catalog.all()) {
                if (spec.magic() instanceof Alias alias) {
                    aliases.put(spec.name(), alias.command());
                }
            }
            ctx.out().stdout("Total number of aliases: " + aliases.size() + "\n");
            List<String> lines = new ArrayList<>();
            aliases.forEach((name, command) -> lines.add(name + "=" + command));
            return new Evaluation(true, aliases, "{" + String.join(",\n ", lines) + "}", 0, 0,
                    "java.util.Map<String, String>");
        }
        String[] parts = args.split("\\s+", 2);
        if (parts.length < 2) {
            throw call.usage("give the alias's name and the command it runs: " + USAGE);
        }
        String name = parts[0];
        String command = parts[1];
        if (!name.matches("[A-Za-z_]\\w*")) {
            throw call.usage("'" + name + "' cannot be a magic's name (letters, digits and _)");
        }
        if (RESERVED.contains(name)) {
            throw call.usage("The name " + name + " can't be aliased because it is a keyword or builtin.");
        }
        if (catalog.find(name, false).filter(spec -> !(spec.magic() instanceof Alias)).isPresent()) {
            throw call.usage("The name " + name + " can't be aliased because it is another magic command.");
        }
        if (slots(command) > 0 && command.contains("%l")) {
            throw call.usage("The %s and %l specifiers are mutually exclusive in alias definitions.");
        }
        catalog.replace(spec(name, command));
        return null;
    }

    /** {@code %unalias NAME}: forgets an alias. */
    static Evaluation undefine(Invocation call, MagicContext ctx, MagicCatalog catalog) throws CellException {
        String name = call.args().strip();
        if (name.isEmpty()) {
            throw call.usage("name the alias to remove: %unalias NAME");
        }
        if (catalog.find(name, false).filter(spec -> spec.magic() instanceof Alias).isEmpty()) {
            throw call.usage(name + " is not an alias");
        }
        catalog.remove(name, false);
        return null;
    }

    /** How many words {@code command} takes ({@code %s}, not counting a {@code %%s}). */
    static int slots(String command) {
        return count(command, "%s") - count(command, "%%s");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }

    /** The shell command a call of {@code command} with the words {@code line} runs, built as IPython builds it. */
    static String commandLine(String command, String line, String name) throws CellException {
        String cmd = command;
        String rest = line;
        if (cmd.contains("%l")) {
            cmd = cmd.replace("%l", rest);
            rest = "";
        }
        int slots = slots(command);
        if (slots == 0) {
            return cmd.replace("%%s", "%s") + " " + rest;
        }
        String words = rest.stripLeading();
        String[] args = words.isEmpty() ? new String[0] : words.split("\\s+", slots + 1);
        if (args.length < slots) {
            throw new CellException("UsageError", "Alias <" + name + "> requires " + slots + " arguments, "
                    + args.length + " given.");
        }
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < cmd.length(); i++) {
            char c = cmd.charAt(i);
            if (c == '%' && i + 1 < cmd.length() && cmd.charAt(i + 1) == '%') {
                out.append('%');
                i++;
            } else if (c == '%' && i + 1 < cmd.length() && cmd.charAt(i + 1) == 's') {
                out.append(args[next++]);
                i++;
            } else {
                out.append(c);
            }
        }
        return out + " " + (args.length > slots ? args[slots] : "");
    }

    /** One alias: runs its command with the call's words, streaming what it prints. */
    record Alias(String command) implements Magic {
        @Override
        public Evaluation run(Invocation call, MagicContext ctx) throws CellException {
            String line = commandLine(command, SxMagic.expand(call.args(), ctx), call.name());
            Process process = SxMagic.startShell(call, line, false);
            String name = command.strip().split("\\s+", 2)[0];
            Thread stdout = ScriptMagic.pump(process.getInputStream(), ctx.out()::stdout, name);
            Thread stderr = ScriptMagic.pump(process.getErrorStream(), ctx.out()::stderr, name);
            ScriptMagic.awaitEnd(process, stdout, stderr, ctx, name);
            return null;
        }

        /** An alias's words are usually files, as for IPython's shell commands. */
        @Override
        public List<String> fileEndings() {
            return List.of();
        }
    }
}
