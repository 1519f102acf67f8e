package io.jawait.demo;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberPolicy;

/**
 * The one JSON codec of the demo servers and clients: compact like Starlette's {@code JSONResponse}, and
 * numbers read back as {@code Long} when they are whole, so {@code {"id":1}} round-trips to {@code id=1}
 * rather than {@code id=1.0}.
 */
final class JsonCodec {

    private static final Gson GSON = new GsonBuilder()
            .disableHtmlEscaping()
            .serializeNulls()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .create();

    private JsonCodec() {
    }

    static String write(Object value) {
        return GSON.toJson(value);
    }

    /** Parses any JSON text into Map, List, String, Long, Double, Boolean or null. */
    static Object read(String text) {
        try {
            return GSON.fromJson(text, Object.class);
        } catch (JsonParseException e) {
            String start = text.length() > 60 ? text.substring(0, 60) + "..." : text;
            throw new IllegalArgumentException("not valid JSON: " + start, e);
        }
    }
}
