package io.jawait.demo;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** RFC 6455 frame reading (client to server, masked) and writing (server to client, unmasked). */
final class WsFrames {

    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    /** Larger messages are refused with close code 1009 rather than filling the heap. */
    static final int MAX_PAYLOAD = 16 << 20;

    /** One frame; its payload already unmasked. */
    record Frame(boolean fin, int opcode, byte[] payload) {
        boolean isControl() {
            return (opcode & 0x8) != 0;
        }
    }

    /** A frame that breaks the protocol; {@code code} is the close status to answer with. */
    static final class ProtocolException extends IOException {
        final int code;

        ProtocolException(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    private WsFrames() {
    }

    static Frame read(InputStream stream) throws IOException {
        var in = new DataInputStream(stream);
        int b0 = in.read();
        if (b0 < 0) {
            throw new EOFException("connection closed without a close frame");
        }
        int b1 = in.readUnsignedByte();
        if ((b0 & 0x70) != 0) {
            throw new ProtocolException(1002, "reserved bits set, but no extension was negotiated");
        }
        if ((b1 & 0x80) == 0) {
            throw new ProtocolException(1002, "a client frame must be masked");
        }
        var header = new Frame((b0 & 0x80) != 0, b0 & 0x0F, null);
        long length = payloadLength(in, b1 & 0x7F);
        if (header.isControl() && (length > 125 || !header.fin())) {
            throw new ProtocolException(1002, "a control frame must be whole and at most 125 bytes");
        }
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new ProtocolException(1009, "frame of " + length + " bytes is over the 16 MiB limit");
        }
        return new Frame(header.fin(), header.opcode(), unmasked(in, (int) length));
    }

    /** The payload length whose 7-bit field is {@code field}: that, or the 16 or 64 bits that follow. */
    private static long payloadLength(DataInputStream in, int field) throws IOException {
        return field == 126 ? in.readUnsignedShort() : field == 127 ? in.readLong() : field;
    }

    /** Reads the mask key and {@code length} payload bytes, and unmasks them. */
    private static byte[] unmasked(DataInputStream in, int length) throws IOException {
        byte[] mask = in.readNBytes(4);
        byte[] payload = in.readNBytes(length);
        if (mask.length < 4 || payload.length < length) {
            throw new EOFException("connection closed in the middle of a frame");
        }
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i & 3];
        }
        return payload;
    }

    static void write(OutputStream out, int opcode, byte[] payload) throws IOException {
        int n = payload.length;
        byte[] header;
        if (n <= 125) {
            header = new byte[] {(byte) (0x80 | opcode), (byte) n};
        } else if (n <= 0xFFFF) {
            header = new byte[] {(byte) (0x80 | opcode), 126, (byte) (n >>> 8), (byte) n};
        } else {
            header = new byte[10];
            header[0] = (byte) (0x80 | opcode);
            header[1] = 127;
            for (int i = 0; i < 8; i++) {
                header[9 - i] = (byte) ((long) n >>> (8 * i));
            }
        }
        out.write(header);
        out.write(payload);
        out.flush();
    }
}
