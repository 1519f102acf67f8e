package io.jawait.magic;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code %env}: lists the environment, shows one variable, or sets one. A running JVM cannot change its own
 * environment, so {@code %env NAME=VALUE} records it for this kernel ({@code %env} shows it) and sets the
 * system property {@code NAME}: cells read it with {@code System.getProperty("NAME")}, and the programs that
 * {@code %%script} and its shortcuts start find it in their environment, as IPython's {@code !} commands do.
 * The value may hold {@code {expr}} and {@code $name}, expanded as {@code %sx} expands them. {@code %set_env}
 * is the form that only sets.
 */
final class EnvMagic implements Magic {
    private static final Map<String, String> OVERRIDES = new ConcurrentHashMap<>();
    private final boolean setOnly;

    /** {@code setOnly}: {@code %set_env}, which only sets a variable. */
    EnvMagic(boolean setOnly) {
        this.setOnly = setOnly;
    }

    /** The variable as this kernel sees it: set by {@code %env}, else the process environment. */
    static String get(String name) {
        String set = OVERRIDES.get(name);
        return set != null ? set : System.getenv(name);
    }

    /** What {@code %env} set in this kernel, for the programs a cell starts ({@code %%bash}). */
    static Map<String, String> overrides() {
        return Map.copyOf(OVERRIDES);
    }

    @Override
    public Evaluation run(Invocation call, MagicContext ctx) throws CellException {
        String arg = call.args().strip();
        if (setOnly && !arg.contains("=") && !arg.contains(" ")) {
            throw call.usage("give the variable and its value: %set_env NAME=VALUE (or NAME VALUE)");
        }
        if (arg.isEmpty()) {
            Map<String, String> all = new TreeMap<>(System.getenv());
            all.putAll(OVERRIDES);
            StringBuilder s = new StringBuilder();
            all.forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
            ctx.out().stdout(s.toString());
            return null;
        }
        int eq = arg.indexOf('=');
        int space = arg.indexOf(' ');
        if (eq < 0 && space > 0) {
            // IPython's other form: %env NAME VALUE sets NAME
            eq = space;
        }
        String name = (eq < 0 ? arg : arg.substring(0, eq)).strip();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw call.usage("'" + name + "' is not a variable name; usage: %env [NAME[=VALUE] | NAME VALUE]");
        }
        if (eq < 0) {
            String value = get(name);
            if (value == null) {
                throw new CellException("UsageError", "%env: environment variable " + name + " is not set");
            }
            return new Evaluation(true, value, '"' + value + '"', 0, 0);
        }
        String value = ClasspathMagic.unquote(SxMagic.expand(arg.substring(eq + 1).strip(), ctx));
        OVERRIDES.put(name, value);
        System.setProperty(name, value);
        ctx.out().stdout("env: " + name + "=" + value + "\n");
        return null;
    }
}
