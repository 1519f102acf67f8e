package io.jawait.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignerTest {
    private static final List<byte[]> PARTS = List.of(bytes("{\"a\":1}"), bytes("{}"), bytes("{}"), bytes("{}"));

    @Test
    void signature_is_the_hex_hmac_sha256_of_the_four_json_parts() {
        // reference value computed with Python: hmac.new(b"secret", b'{"a":1}{}{}{}', hashlib.sha256).hexdigest()
        Signer s = new Signer("secret", "hmac-sha256");
        assertEquals("5439160579203ae5952244a353b0f81b6ca58a3fb44727217799b393ee79601c", s.sign(PARTS));
        assertTrue(s.verify(bytes(s.sign(PARTS)), PARTS));
    }

    @Test
    void a_wrong_missing_or_other_key_signature_fails() {
        Signer s = new Signer("secret", "hmac-sha256");
        String good = s.sign(PARTS);
        assertFalse(s.verify(bytes(""), PARTS));
        assertFalse(s.verify(bytes(good.substring(1) + "0"), PARTS));
        assertFalse(s.verify(bytes(new Signer("other", "hmac-sha256").sign(PARTS)), PARTS));
        assertFalse(s.verify(bytes(good), List.of(bytes("{\"a\":2}"), bytes("{}"), bytes("{}"), bytes("{}"))));
    }

    @Test
    void an_empty_key_disables_signing() {
        Signer s = new Signer("", "hmac-sha256");
        assertEquals("", s.sign(PARTS));
        assertTrue(s.verify(bytes(""), PARTS));
    }

    @Test
    void an_unknown_scheme_is_refused_with_its_name() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Signer("k", "hmac-md5"));
        assertTrue(e.getMessage().contains("hmac-md5"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
