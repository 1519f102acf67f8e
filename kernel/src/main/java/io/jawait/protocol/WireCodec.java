package io.jawait.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns messages into ZeroMQ frames and back: {@code identities..., <IDS|MSG>, signature, header,
 * parent_header, metadata, content, buffers...}. Decoding checks the signature before parsing any JSON.
 */
public final class WireCodec {
    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    // NaN and infinities are not JSON, but a cell may produce them in application/json; say so rather than fail
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues()
            .disableHtmlEscaping().create();

    private final Signer signer;

    public WireCodec(Signer signer) {
        this.signer = signer;
    }

    public List<byte[]> encode(Message m) {
        List<byte[]> json = List.of(bytes(m.header()), bytes(m.parentHeader()), bytes(m.metadata()),
                bytes(m.content()));
        List<byte[]> frames = new ArrayList<>(m.identities().size() + 6 + m.buffers().size());
        frames.addAll(m.identities());
        frames.add(DELIMITER);
        frames.add(signer.sign(json).getBytes(StandardCharsets.US_ASCII));
        frames.addAll(json);
        frames.addAll(m.buffers());
        return frames;
    }

    /**
     * Parses frames received on a socket.
     *
     * @throws MalformedMessageException when the delimiter is missing, the signature is wrong or absent, or a
     *         JSON part is not an object
     */
    public Message decode(List<byte[]> frames) throws MalformedMessageException {
        int d = indexOfDelimiter(frames);
        if (d < 0) {
            throw new MalformedMessageException("no <IDS|MSG> delimiter in " + frames.size() + " frames");
        }
        if (frames.size() < d + 6) {
            throw new MalformedMessageException("only " + (frames.size() - d - 1) + " frames after the delimiter");
        }
        List<byte[]> json = frames.subList(d + 2, d + 6);
        if (!signer.verify(frames.get(d + 1), json)) {
            throw new MalformedMessageException("bad or missing signature");
        }
        return new Message(frames.subList(0, d), object(json.get(0), "header"), object(json.get(1), "parent_header"),
                object(json.get(2), "metadata"), object(json.get(3), "content"), frames.subList(d + 6, frames.size()));
    }

    static byte[] bytes(JsonElement e) {
        return GSON.toJson(e).getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOfDelimiter(List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                return i;
            }
        }
        return -1;
    }

    private static JsonObject object(byte[] frame, String part) throws MalformedMessageException {
        try {
            JsonElement e = JsonParser.parseString(new String(frame, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new MalformedMessageException(part + " is not a JSON object");
            }
            return e.getAsJsonObject();
        } catch (RuntimeException e) {
            throw new MalformedMessageException(part + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
