package io.jawait.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TimeFormatTest {

    // expected strings printed by IPython 8.5's _format_time for the same inputs
    @Test
    void formats_like_ipython_across_units() {
        assertEquals("12.3 ms", TimeFormat.seconds(0.0123, 3));
        assertEquals("1 s", TimeFormat.seconds(1.0, 3));
        assertEquals("0 ns", TimeFormat.seconds(0.0, 3));
        assertEquals("1.5 ns", TimeFormat.seconds(1.5e-9, 3));
        assertEquals("12.3 \u00b5s", TimeFormat.seconds(12.345e-6, 3));
        assertEquals("3.14 s", TimeFormat.seconds(3.14159, 3));
        assertEquals("0.1 ns", TimeFormat.seconds(1e-10, 3));
        assertEquals("999 \u00b5s", TimeFormat.seconds(0.000999, 3));
    }

    @Test
    void rounding_up_to_a_thousand_uses_python_exponent_form() {
        assertEquals("1e+03 ms", TimeFormat.seconds(0.9996, 3));
        assertEquals("60 s", TimeFormat.seconds(59.9999, 3));
    }

    @Test
    void a_minute_or_more_is_split_into_units() {
        assertEquals("1min 5s", TimeFormat.seconds(65.0, 3));
        assertEquals("1h 1s", TimeFormat.seconds(3601.5, 3));
    }

    @Test
    void precision_controls_significant_digits() {
        assertEquals("12.35 ms", TimeFormat.seconds(0.012345678, 4));
        assertEquals("1e+01 ms", TimeFormat.seconds(0.012345678, 1));
    }

    @Test
    void precision_below_one_is_rejected() {
        assertThrows(IllegalArgumentException.class, () -> TimeFormat.seconds(1, 0));
    }
}
