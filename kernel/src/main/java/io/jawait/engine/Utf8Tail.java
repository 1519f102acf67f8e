package io.jawait.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes UTF-8 written in pieces. A PrintStream hands its bytes on in buffer-sized chunks, so a long line
 * can be cut inside a character; the cut-off bytes wait (per thread) for the rest instead of becoming two
 * replacement characters.
 */
final class Utf8Tail {
    private Utf8Tail() {}

    static String decode(ThreadLocal<byte[]> pending, byte[] b, int off, int len) {
        byte[] held = pending.get();
        byte[] bytes = held == null ? Arrays.copyOfRange(b, off, off + len) : concat(held, b, off, len);
        int complete = completeLength(bytes);
        pending.set(complete == bytes.length ? null : Arrays.copyOfRange(bytes, complete, bytes.length));
        return new String(bytes, 0, complete, StandardCharsets.UTF_8);
    }

    /** The length of the prefix that does not end inside a multi-byte character. */
    static int completeLength(byte[] bytes) {
        int n = bytes.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int lead = bytes[n - back] & 0xff;
            if (lead < 0x80) {
                return n;
            }
            if (lead >= 0xc0) {
                int needed = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
                return needed > back ? n - back : n;
            }
        }
        return n;
    }

    private static byte[] concat(byte[] head, byte[] b, int off, int len) {
        byte[] all = Arrays.copyOf(head, head.length + len);
        System.arraycopy(b, off, all, head.length, len);
        return all;
    }
}
