package io.jawait.async;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackedSpansTest {

    private static Span span(long created, int marks, long done) {
        Span s = new Span(created);
        for (int i = 0; i < marks; i++) {
            s.mark(created + 10L * (i + 1));
        }
        if (done >= 0) {
            s.end(done);
        }
        return s;
    }

    @Test
    void spans_read_back_as_they_were_whatever_their_number_of_switches() {
        // created out of order, unfinished (-1), long and many switches: every difference the packing must keep
        Span[] spans = {span(0, 0, 5), span(100, 4, 200), span(1_000, 11, 2_000), span(7, 1, -1), span(3, 2, 40),
            span(Long.MAX_VALUE / 4, 3, Long.MAX_VALUE / 2), span(1, 40, 3_600_000_000_000L)};
        PackedSpans packed = new PackedSpans(2);
        int resumes = 0;
        for (Span s : spans) {
            resumes += packed.add(s);
        }
        packed.trimmed();
        assertEquals(spans.length, packed.size());
        List<Integer> read = new ArrayList<>();
        packed.forEach((i, created, marks, done) -> {
            read.add(i);
            assertEquals(spans[i].created, created, "span " + i);
            assertEquals(spans[i].end(), done, "span " + i);
            long[] expected = new long[spans[i].markCount()];
            for (int m = 0; m < expected.length; m++) {
                expected[m] = spans[i].created + 10L * (m + 1);
            }
            assertArrayEquals(expected, marks, "span " + i);
        });
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), read);
        // a task starts or resumes running at every even mark: (marks + 1) / 2 of them
        assertEquals(0 + 2 + 6 + 1 + 1 + 2 + 20, resumes);
    }
}
