package io.jawait.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    @Test
    void dates_have_microseconds_and_an_offset() {
        assertEquals("2026-11-22T04:16:05.123456Z", Timestamps.format(Instant.parse("2026-11-22T04:16:05.123456789Z")));
        assertEquals("2026-11-22T04:16:05.000000Z", Timestamps.format(Instant.parse("2026-11-22T04:16:05Z")));
    }

    @Test
    void now_parses_back_as_an_iso_date_close_to_the_clock() {
        String now = Timestamps.now();
        assertTrue(now.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"), now);
        long diff = Math.abs(OffsetDateTime.parse(now).toInstant().toEpochMilli() - System.currentTimeMillis());
        assertTrue(diff < 60_000, "off by " + diff + " ms");
    }
}
