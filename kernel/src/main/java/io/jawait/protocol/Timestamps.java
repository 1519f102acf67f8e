package io.jawait.protocol;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Header dates as jupyter_client parses them: ISO-8601 with microseconds and an offset. */
public final class Timestamps {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    public static String now() {
        return format(Clock.systemUTC().instant());
    }

    /**
     * The instant of a header's {@code date}; null when the header has none or it does not parse (a date
     * without an offset included: its clock is unknown).
     */
    static Instant parse(String date) {
        if (date == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(date).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
