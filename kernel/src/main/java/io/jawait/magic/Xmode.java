package io.jawait.magic;

import java.util.Arrays;
import java.util.Locale;

/**
 * How much of an exception thrown by cell code its error shows, as IPython's {@code %xmode} chooses: {@link
 * #MINIMAL} the exception (and its causes) alone; {@link #PLAIN} and {@link #CONTEXT}, the default, their frames
 * without the kernel's; {@link #VERBOSE} every frame, the kernel's and JShell's too, each frame of a cell followed
 * by the line it ran. Compile errors and magics' usage errors read the same in every mode.
 */
public enum Xmode {
    PLAIN, CONTEXT, VERBOSE, MINIMAL;

    static final String USAGE = "%xmode [Plain|Context|Verbose|Minimal]";
    private static volatile Xmode current = CONTEXT;

    /** The kernel's mode now. */
    public static Xmode current() {
        return current;
    }

    /** The name as IPython writes it: {@code Verbose}. */
    public String title() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** {@code %xmode NAME} sets the mode (any case); alone, it moves to the next, as IPython's toggles. */
    static Evaluation magic(Invocation call, MagicContext ctx) throws CellException {
        String asked = call.args().strip();
        Xmode mode;
        if (asked.isEmpty()) {
            mode = values()[(current.ordinal() + 1) % values().length];
        } else {
            mode = Arrays.stream(values()).filter(m -> m.name().equalsIgnoreCase(asked)).findFirst()
                    .orElseThrow(() -> call.usage("unrecognized mode '" + asked + "'; the modes are Plain, Context, "
                            + "Verbose and Minimal"));
        }
        set(mode);
        ctx.out().stdout("Exception reporting mode: " + mode.title() + "\n");
        return null;
    }

    /** Sets the mode; tests put the default back with it. */
    public static void set(Xmode mode) {
        current = mode;
    }
}
