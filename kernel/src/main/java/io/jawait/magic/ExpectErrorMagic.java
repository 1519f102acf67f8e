package io.jawait.magic;

/**
 * {@code %%expect_error TEXT}: the cell passes only when its body fails to compile or run with TEXT in the
 * error; it then prints what failed. A body that succeeds, or fails differently, fails the cell.
 */
final class ExpectErrorMagic implements Magic {

    @Override
    public Evaluation run(Invocation call, MagicContext ctx) throws CellException {
        String expected = ClasspathMagic.unquote(call.args().strip());
        if (expected.isEmpty()) {
            throw call.usage("give the text the error must contain: %%expect_error cannot find symbol");
        }
        try {
            ctx.eval(call.body(), call.bodyInCell());
        } catch (CellException e) {
            String error = e.ename() + ": " + e.getMessage() + "\n" + String.join("\n", e.traceback());
            if (error.contains(expected)) {
                ctx.out().stdout("Failed as expected (" + e.ename() + "): " + e.getMessage() + "\n");
                return null;
            }
            throw new CellException("AssertionError", "%%expect_error: expected an error containing \""
                    + expected + "\", but the cell failed with " + e.ename() + ": " + e.getMessage());
        }
        throw new CellException("AssertionError", "%%expect_error: expected an error containing \"" + expected
                + "\", but the cell ran without error");
    }

    @Override
    public boolean bodyIsJava() {
        return true;
    }
}
