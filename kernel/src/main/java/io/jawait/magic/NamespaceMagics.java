package io.jawait.magic;

import io.jawait.display.StdinNotAllowedException;
import java.io.IOException;

/**
 * {@code %xdel} and {@code %reset}: forget one variable, or every name the user's cells declared, as IPython's
 * do. A forgotten variable's value is let go, never closed: IPython's {@code %xdel} does not close a file either.
 * The history is kept, as IPython's {@code %reset} keeps it. Unlike IPython's, {@code %reset} without {@code -f}
 * refuses to run when it cannot ask, rather than deleting everything unasked.
 */
final class NamespaceMagics {
    static final String RESET_PROMPT = "Once deleted, variables cannot be recovered. Proceed (y/[n])?";

    private NamespaceMagics() {}

    /** {@code %xdel NAME}; {@code -n} (IPython's "by name, not by identity") is accepted: it is all there is. */
    static Evaluation xdel(Invocation call, MagicContext ctx) throws CellException {
        String name = Options.parse(call, call.args(), "", "n").rest().strip();
        if (name.isEmpty()) {
            throw call.usage("give the variable to delete: %xdel NAME");
        }
        if (name.split("\\s+").length > 1) {
            throw call.usage("deletes one variable at a time, got '" + name + "'");
        }
        if (!ctx.deleteVariable(name)) {
            throw new CellException("NameError", call.display() + ": no variable named '" + name
                    + "' (%who lists the variables)");
        }
        return null;
    }

    /** {@code %reset [-f]}: asks first, unless {@code -f}; says "Nothing done." when the answer is no. */
    static Evaluation reset(Invocation call, MagicContext ctx) throws CellException {
        Options o = Options.parse(call, call.args(), "", "fs");
        if (o.has('s')) {
            throw call.usage("-s (a soft reset) is not supported; %reset -f deletes every name and, as a soft reset "
                    + "would, keeps the history");
        }
        if (!o.rest().isEmpty()) {
            throw call.usage("takes no argument but -f, got '" + o.rest() + "' (IPython's in, out, dhist and array "
                    + "have no counterpart here)");
        }
        if (!o.has('f') && !confirmed(call, ctx)) {
            ctx.out().stdout("Nothing done.\n");
            return null;
        }
        ctx.deleteUserNames();
        return null;
    }

    private static boolean confirmed(Invocation call, MagicContext ctx) throws CellException {
        try {
            return Confirmation.ask(ctx.out(), RESET_PROMPT, false);
        } catch (StdinNotAllowedException e) {
            throw call.usage("cannot ask whether to delete every name: this front end does not take input "
                    + "(allow_stdin is false); use %reset -f to delete them without asking");
        } catch (IOException e) {
            throw new CellException("EOFError", call.display() + ": no answer came (" + e.getMessage()
                    + "); nothing was deleted");
        }
    }
}
