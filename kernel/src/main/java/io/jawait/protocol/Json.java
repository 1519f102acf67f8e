package io.jawait.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/** Small conversions between Java values and Gson trees, shared by the protocol and the runner. */
public final class Json {
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().serializeNulls()
            .disableHtmlEscaping().create();

    private Json() {}

    /** A JSON tree for a map, list, string, number or boolean (MIME data may hold any of them). */
    public static JsonElement tree(Object value) {
        return GSON.toJsonTree(value);
    }

    public static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    public static JsonObject object(Map<String, ?> values) {
        return GSON.toJsonTree(values).getAsJsonObject();
    }

    /** A boolean field, {@code fallback} when absent or null. @throws IllegalArgumentException if not a boolean */
    public static boolean bool(JsonObject o, String name, boolean fallback) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException(name + " must be true or false, not " + e);
        }
        return e.getAsBoolean();
    }

    /** An integer field, {@code fallback} when absent or null. @throws IllegalArgumentException if not a number */
    public static int integer(JsonObject o, String name, int fallback) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException(name + " must be a number, not " + e);
        }
        return e.getAsInt();
    }

    /** A string field, {@code fallback} when absent or null. @throws IllegalArgumentException if not a string */
    public static String string(JsonObject o, String name, String fallback) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(name + " must be a string, not " + e);
        }
        return e.getAsString();
    }
}
