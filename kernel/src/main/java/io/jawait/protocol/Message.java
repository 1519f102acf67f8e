package io.jawait.protocol;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * One Jupyter message as it travels on a socket: routing identities, the four JSON parts and binary buffers.
 *
 * <p>The JSON parts are live Gson objects; treat them as read-only once the message is built.
 */
public record Message(List<byte[]> identities, JsonObject header, JsonObject parentHeader,
                      JsonObject metadata, JsonObject content, List<byte[]> buffers) {

    public Message {
        identities = List.copyOf(identities);
        buffers = List.copyOf(buffers);
    }

    public String type() {
        return stringOf(header, "msg_type");
    }

    public String id() {
        return stringOf(header, "msg_id");
    }

    static String stringOf(JsonObject o, String name) {
        return o.has(name) && o.get(name).isJsonPrimitive() ? o.get(name).getAsString() : "";
    }
}
