package io.jawait.magic;

import io.jawait.timing.ResourceSnapshot;
import io.jawait.timing.TimeReport;

/**
 * {@code %time statement} and {@code %%time}: runs the code once as a cell and prints IPython's CPU and wall
 * lines, then GC, JIT, peak threads and parallelism; the code's own output and value still show.
 */
final class TimeMagic implements Magic {

    @Override
    public Evaluation run(Invocation call, MagicContext ctx) throws CellException {
        if (call.isCell() && !call.args().isBlank()) {
            throw call.usage("can't use a statement directly after '%%time': put it on the next line");
        }
        String code = call.isCell() ? call.body() : call.args();
        if (code.isBlank()) {
            throw call.usage("nothing to time: write the statement after " + call.display());
        }
        TimeReport.resetPeakThreads();
        MagicContext.Measured measured = ctx.evalMeasured(code, call.isCell() ? call.bodyInCell() : call.argsInCell(0));
        Evaluation result = measured.evaluation();
        TimeReport report = TimeReport.between(ResourceSnapshot.ZERO, measured.used(), result.executeNanos(),
                result.compileNanos());
        ctx.out().stdout(report + "\n");
        return result;
    }

    @Override
    public int codeStart(String args) {
        return 0;
    }

    @Override
    public boolean bodyIsJava() {
        return true;
    }
}
