package io.jawait.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks Jupyter messages with HMAC-SHA256 over header, parent header, metadata and content.
 *
 * <p>An empty key means signing is disabled, as the messaging spec allows; every message then carries an
 * empty signature. Thread safe: each call gets its own {@link Mac}.
 */
public final class Signer {
    private static final HexFormat HEX = HexFormat.of();
    /**
     * The JDK's own HMAC provider, asked for by name: a lookup by algorithm alone walks the provider list in
     * order and so instantiates SunEC on the way, whose curve table (hundreds of BigIntegers) took the iopub
     * thread's first message ~20 ms of CPU in a cold kernel, racing the compiler for the first cell. Null
     * when a security configuration removed it; the lookup by algorithm then finds whichever provider is left.
     */
    private static final Provider SUN_JCE = Security.getProvider("SunJCE");
    private final SecretKeySpec key;

    public Signer(String key, String scheme) {
        if (scheme != null && !scheme.isEmpty() && !scheme.equals("hmac-sha256")) {
            throw new IllegalArgumentException("unsupported signature_scheme '" + scheme + "' (only hmac-sha256)");
        }
        this.key = key == null || key.isEmpty()
                ? null : new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The hex signature of the given frames, or "" when signing is disabled. */
    public String sign(List<byte[]> parts) {
        if (key == null) {
            return "";
        }
        return HEX.formatHex(mac(parts));
    }

    /** True when {@code signature} is right for {@code parts}; compared in constant time. */
    public boolean verify(byte[] signature, List<byte[]> parts) {
        if (key == null) {
            return true;
        }
        byte[] expected = HEX.formatHex(mac(parts)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature);
    }

    private byte[] mac(List<byte[]> parts) {
        try {
            Mac mac = SUN_JCE != null ? Mac.getInstance("HmacSHA256", SUN_JCE) : Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
