package io.jawait.magic;

import io.jawait.timing.Environment;

/** {@code %jvm}: prints the environment every timing result records; returns it for binding. */
final class JvmMagic implements Magic {

    @Override
    public Evaluation run(Invocation call, MagicContext ctx) throws CellException {
        if (!call.args().isBlank()) {
            throw call.usage("takes no arguments, got '" + call.args() + "'");
        }
        Environment env = Environment.current();
        ctx.out().stdout(env + "\n");
        return new Evaluation(true, env, env.summary(), 0, 0);
    }
}
