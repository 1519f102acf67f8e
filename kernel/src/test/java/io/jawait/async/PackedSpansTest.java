package io.jawait.async;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PackedSpansTest {

    private static Span span(long created, int marks, long done) {
        Span s = new Span(created);
        for (int i = 0; i < marks; i++) {
            s.mark(created + 10L * (i + 1));
        }
        if (done >= 0) {
            s.finish(done);
        }
        return s;
    }

    @Test
    void spans_read_back_as_they_were_whatever_their_number_of_switches() {
        Span[] spans = {span(0, 0, 5), span(100, 4, 200), span(1_000, 11, 2_000), span(7, 1, -1), span(3, 2, 40)};
        PackedSpans packed = new PackedSpans(spans.length);
        int resumes = 0;
        for (Span s : spans) {
            resumes += packed.add(s);
        }
        packed.trimmed();
        assertEquals(spans.length, packed.size());
        for (int i = 0; i < spans.length; i++) {
            assertEquals(spans[i].created, packed.created(i));
            assertEquals(spans[i].done(), packed.done(i));
            long[] marks = new long[spans[i].markCount()];
            for (int m = 0; m < marks.length; m++) {
                marks[m] = spans[i].created + 10L * (m + 1);
            }
            assertArrayEquals(marks, packed.marks(i), "span " + i);
        }
        // a task starts or resumes running at every even mark: (marks + 1) / 2 of them
        assertEquals(0 + 2 + 6 + 1 + 1, resumes);
    }
}
