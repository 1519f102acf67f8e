package io.jawait.protocol;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.UUID;

/** Builds the headers of the kernel's own messages: one session id and user for the kernel's lifetime. */
public final class Session {
    public static final String PROTOCOL_VERSION = "5.3";
    private final String id = UUID.randomUUID().toString();
    private final String username;

    public Session(String username) {
        this.username = username;
    }

    public String id() {
        return id;
    }

    public JsonObject header(String msgType) {
        JsonObject h = new JsonObject();
        h.addProperty("msg_id", UUID.randomUUID().toString());
        h.addProperty("session", id);
        h.addProperty("username", username);
        h.addProperty("date", Timestamps.now());
        h.addProperty("msg_type", msgType);
        h.addProperty("version", PROTOCOL_VERSION);
        return h;
    }

    /** A reply to {@code request}, routed back to its sender. */
    public Message reply(Message request, String msgType, JsonObject content) {
        return new Message(request.identities(), header(msgType), request.header(), new JsonObject(), content,
                List.of());
    }

    /** An iopub message; {@code parent} is the header of the request it belongs to, or empty. */
    public Message publication(JsonObject parent, String msgType, JsonObject content) {
        return new Message(List.of(msgType.getBytes(java.nio.charset.StandardCharsets.UTF_8)), header(msgType),
                parent, new JsonObject(), content, List.of());
    }
}
