package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TailTest {

    @Test
    void a_character_cut_between_two_writes_arrives_whole() {
        byte[] bytes = "aé€😀".getBytes(StandardCharsets.UTF_8);
        var pending = new ThreadLocal<byte[]>();
        var text = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            text.append(Utf8Tail.decode(pending, bytes, i, 1));
        }
        assertEquals("aé€😀", text.toString());
    }

    @Test
    void complete_text_passes_at_once() {
        byte[] bytes = "héllo\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("héllo\n", Utf8Tail.decode(new ThreadLocal<>(), bytes, 0, bytes.length));
    }
}
