package io.jawait.async;

import io.jawait.display.MimeBundle;
import io.jawait.display.Rich;
import java.util.List;

/**
 * What each task of one run did over time: created, running, waiting, done. The picture that makes
 * "concurrent" visible.
 *
 * {@snippet :
 * Async.run(Async.async(() -> Async.gather(
 *         Async.async("a", () -> Async.sleep(0.2)), Async.async("b", () -> Async.sleep(0.3)))));
 * Timeline t = Async.timeline();
 * System.out.println(t);   // one text line per task
 * String svg = t.toSvg();  // a Gantt chart; the kernel shows it inline
 * }
 *
 * <p>Up to {@value TimelineSvg#MAX_ROWS} tasks get a row each, a bar per running slice over a lighter bar
 * for the task's whole life; larger runs are drawn as rows of grouped tasks under a strip that counts the
 * tasks alive and running over time. Immutable and thread safe.
 */
public final class Timeline implements Rich {
    static final Timeline EMPTY = new Timeline(Mode.VIRTUAL, 0, List.of());

    /** How a task ended. */
    public enum Outcome { RESULT, FAILED, CANCELLED, PENDING }

    /**
     * One task's record, times in nanoseconds from the start of the run.
     *
     * @param name    the task's name
     * @param created when it was created
     * @param marks   switch times: even indexes start running, odd indexes start waiting
     * @param done    when it finished, or -1
     * @param outcome how it ended
     */
    public record Row(String name, long created, long[] marks, long done, Outcome outcome) {
        /** Total time spent running (not suspended in a helper). */
        public long runningNanos() {
            long sum = 0;
            for (int i = 0; i < marks.length; i += 2) {
                long end = i + 1 < marks.length ? marks[i + 1] : (done < 0 ? marks[i] : done);
                sum += end - marks[i];
            }
            return sum;
        }
    }

    private final Mode mode;
    private final long wall;
    // A run keeps each task's name, packed span and outcome (an ordinal); the rows are made on first use, so the end
    // of a run with 100,000 tasks does not pay for 100,000 records and their arrays that nobody may look at.
    private String[] names;
    private PackedSpans spans;
    private byte[] outcomes;
    private List<Row> rows;

    Timeline(Mode mode, long wallNanos, List<Row> rows) {
        this.mode = mode;
        this.wall = wallNanos;
        this.rows = List.copyOf(rows);
        this.names = null;
        this.spans = null;
        this.outcomes = null;
    }

    /** A timeline whose rows are made from finished spans when first asked for; the arrays become its own. */
    Timeline(Mode mode, long wallNanos, String[] names, PackedSpans spans, byte[] outcomes) {
        this.mode = mode;
        this.wall = wallNanos;
        this.names = names;
        this.spans = spans;
        this.outcomes = outcomes;
    }

    static Outcome outcomeOf(Task<?> t) {
        if (!t.done()) {
            return Outcome.PENDING;
        }
        if (t.cancelled()) {
            return Outcome.CANCELLED;
        }
        return t.outcome() == null ? Outcome.RESULT : Outcome.FAILED;
    }

    /** The mode of the run. */
    public Mode mode() {
        return mode;
    }

    /** The run's wall time in nanoseconds. */
    public long wallNanos() {
        return wall;
    }

    /** One record per task, in creation order. */
    public synchronized List<Row> rows() {
        if (rows == null) {
            Row[] made = new Row[spans.size()];
            Outcome[] kinds = Outcome.values();
            spans.forEach((i, created, marks, done) -> made[i] = new Row(names[i], created, marks, done,
                    kinds[outcomes[i]]));
            rows = List.of(made);
            names = null;
            spans = null;
            outcomes = null;
        }
        return rows;
    }

    /** The timeline as an SVG document (a Gantt chart). */
    public String toSvg() {
        return TimelineSvg.render(this);
    }

    /** The timeline as plain text, one line per task (or a summary for large runs). */
    @Override
    public String toString() {
        return TimelineText.render(this);
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.of("image/svg+xml", toSvg()).with("text/plain", toString());
    }
}
