package io.jawait.magic;

import java.util.Locale;

/**
 * {@code %async_mode loop|virtual}: switches the await helpers' mode by running
 * {@code io.jawait.async.Async.mode(Mode.X)} in the session, so the magic needs no compile-time link to them.
 */
final class AsyncModeMagic implements Magic {

    @Override
    public Evaluation run(Invocation call, MagicContext ctx) throws CellException {
        String mode = call.args().strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("loop") && !mode.equals("virtual")) {
            throw call.usage("expected 'loop' or 'virtual', got '" + call.args().strip() + "'");
        }
        String constant = mode.toUpperCase(Locale.ROOT);
        try {
            ctx.eval("io.jawait.async.Async.mode(io.jawait.async.Mode." + constant + ");");
        } catch (CellException e) {
            throw new CellException("UsageError", "%async_mode: the await helpers could not switch to " + constant
                    + ": " + e.getMessage());
        }
        ctx.out().stdout("async mode: " + constant + "\n");
        return null;
    }
}
