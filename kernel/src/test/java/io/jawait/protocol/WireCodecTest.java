package io.jawait.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireCodecTest {
    private final Signer signer = new Signer("key", "hmac-sha256");
    private final WireCodec codec = new WireCodec(signer);
    private final Session session = new Session("me");

    private Message sample() {
        JsonObject content = new JsonObject();
        content.addProperty("code", "1 + 1 \u00e9");
        return new Message(List.of(bytes("id-1"), bytes("id-2")), session.header("execute_request"),
                new JsonObject(), new JsonObject(), content, List.of(new byte[] {1, 2, 3}));
    }

    @Test
    void frames_are_identities_delimiter_signature_four_json_parts_and_buffers() {
        List<byte[]> frames = codec.encode(sample());
        assertEquals(9, frames.size());
        assertArrayEquals(bytes("id-1"), frames.get(0));
        assertArrayEquals(bytes("<IDS|MSG>"), frames.get(2));
        assertEquals(signer.sign(frames.subList(4, 8)), new String(frames.get(3), StandardCharsets.US_ASCII));
        assertArrayEquals(new byte[] {1, 2, 3}, frames.get(8));
    }

    @Test
    void decoding_what_was_encoded_gives_the_same_message() throws Exception {
        Message m = sample();
        Message back = codec.decode(codec.encode(m));
        assertEquals(m.header(), back.header());
        assertEquals(m.content(), back.content());
        assertEquals(2, back.identities().size());
        assertEquals(1, back.buffers().size());
        assertEquals("execute_request", back.type());
    }

    @Test
    void a_tampered_unsigned_or_truncated_message_is_refused() {
        List<byte[]> frames = new ArrayList<>(codec.encode(sample()));
        frames.set(7, bytes("{\"code\":\"System.exit(0)\"}"));
        assertThrows(MalformedMessageException.class, () -> codec.decode(frames));
        List<byte[]> unsigned = new WireCodec(new Signer("", "")).encode(sample());
        assertThrows(MalformedMessageException.class, () -> codec.decode(unsigned));
        assertThrows(MalformedMessageException.class, () -> codec.decode(codec.encode(sample()).subList(0, 6)));
        assertThrows(MalformedMessageException.class, () -> codec.decode(List.of(bytes("no delimiter"))));
    }

    @Test
    void signed_json_that_is_not_an_object_is_refused_with_the_part_named() {
        List<byte[]> frames = new ArrayList<>(codec.encode(sample()));
        frames.set(7, bytes("[1, 2"));
        frames.set(3, bytes(signer.sign(frames.subList(4, 8))));
        var e = assertThrows(MalformedMessageException.class, () -> codec.decode(frames));
        assertTrue(e.getMessage().contains("content"), e.getMessage());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
