package io.jawait.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.jawait.display.MimeBundle;
import java.util.List;

/**
 * The content of the kernel's replies that need no socket: each starts from a {@code status}, which every
 * reply must carry, and turns the interpreter's records into the spec's JSON.
 */
final class Replies {
    static final String IMPLEMENTATION_VERSION = "0.1.0";

    private Replies() {}

    static JsonObject ok() {
        JsonObject c = new JsonObject();
        c.addProperty("status", "ok");
        return c;
    }

    static JsonObject error(String ename, String evalue, List<String> traceback) {
        JsonObject c = new JsonObject();
        c.addProperty("status", "error");
        c.addProperty("ename", ename);
        c.addProperty("evalue", evalue);
        c.add("traceback", Json.strings(traceback));
        return c;
    }

    static JsonObject kernelInfo(Interpreter interpreter) {
        LanguageInfo l = interpreter.languageInfo();
        JsonObject lang = new JsonObject();
        lang.addProperty("name", l.name());
        lang.addProperty("version", l.version());
        lang.addProperty("mimetype", l.mimetype());
        lang.addProperty("file_extension", l.fileExtension());
        lang.addProperty("pygments_lexer", l.pygmentsLexer());
        lang.addProperty("codemirror_mode", l.codemirrorMode());
        JsonObject c = ok();
        c.addProperty("protocol_version", Session.PROTOCOL_VERSION);
        c.addProperty("implementation", "jawait");
        c.addProperty("implementation_version", IMPLEMENTATION_VERSION);
        c.add("language_info", lang);
        c.addProperty("banner", interpreter.banner());
        c.add("help_links", helpLinks(l.version()));
        return c;
    }

    private static JsonArray helpLinks(String javaVersion) {
        String feature = javaVersion == null ? "25" : javaVersion.replaceAll("[^0-9].*", "");
        JsonArray links = new JsonArray();
        links.add(link("Java " + feature + " API",
                "https://docs.oracle.com/en/java/javase/" + feature + "/docs/api/index.html"));
        links.add(link("JShell guide", "https://docs.oracle.com/en/java/javase/" + feature + "/jshell/"));
        return links;
    }

    private static JsonObject link(String text, String url) {
        JsonObject o = new JsonObject();
        o.addProperty("text", text);
        o.addProperty("url", url);
        return o;
    }

    static JsonObject complete(CompleteReply r) {
        JsonObject c = ok();
        c.add("matches", Json.strings(r.matches()));
        c.addProperty("cursor_start", r.cursorStart());
        c.addProperty("cursor_end", r.cursorEnd());
        JsonArray types = new JsonArray();
        for (CompleteReply.Completion t : r.types()) {
            JsonObject o = new JsonObject();
            o.addProperty("text", t.text());
            o.addProperty("type", t.type());
            o.addProperty("signature", t.signature() == null ? "" : t.signature());
            o.addProperty("start", t.start());
            o.addProperty("end", t.end());
            types.add(o);
        }
        JsonObject metadata = new JsonObject();
        // the key JupyterLab reads for completion kinds
        metadata.add("_jupyter_types_experimental", types);
        c.add("metadata", metadata);
        return c;
    }

    static JsonObject inspect(InspectReply r) {
        JsonObject c = ok();
        c.addProperty("found", r.found() && r.data() != null);
        c.add("data", r.data() == null ? new JsonObject() : Json.object(r.data().data()));
        c.add("metadata", r.data() == null ? new JsonObject() : Json.object(r.data().metadata()));
        return c;
    }

    static JsonObject isComplete(IsCompleteReply r) {
        JsonObject c = new JsonObject();
        c.addProperty("status", r.status());
        if ("incomplete".equals(r.status())) {
            c.addProperty("indent", r.indent() == null ? "" : r.indent());
        }
        return c;
    }

    static JsonObject commInfo() {
        JsonObject c = ok();
        c.add("comms", new JsonObject());
        return c;
    }

    static JsonObject bundle(MimeBundle b) {
        JsonObject o = new JsonObject();
        o.add("data", Json.object(b.data()));
        o.add("metadata", Json.object(b.metadata()));
        return o;
    }

    /** @throws IllegalArgumentException for an unknown {@code hist_access_type} or a badly typed field */
    static JsonObject history(History h, JsonObject request) {
        boolean output = Json.bool(request, "output", false);
        String access = Json.string(request, "hist_access_type", "tail");
        List<History.Entry> entries = switch (access) {
            case "tail" -> h.tail(Json.integer(request, "n", 10));
            case "range" -> h.range(Json.integer(request, "session", 0), Json.integer(request, "start", 1),
                    Json.integer(request, "stop", 0));
            case "search" -> h.search(Json.string(request, "pattern", "*"), Json.integer(request, "n", 0),
                    Json.bool(request, "unique", false));
            default -> throw new IllegalArgumentException(
                    "hist_access_type must be tail, range or search, not '" + access + "'");
        };
        JsonArray history = new JsonArray();
        for (History.Entry e : entries) {
            JsonArray row = new JsonArray();
            row.add(e.session());
            row.add(e.line());
            if (output) {
                JsonArray io = new JsonArray();
                io.add(e.input());
                io.add(e.output());
                row.add(io);
            } else {
                row.add(e.input());
            }
            history.add(row);
        }
        JsonObject c = ok();
        c.add("history", history);
        return c;
    }
}
