package io.jawait.display;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import com.google.gson.JsonParseException;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * Rich output from a cell: HTML, SVG, images, Markdown and JSON, shown below the cell as it runs.
 *
 * <p>Every cell imports these methods statically, so a cell just calls them. Output goes to the cell the
 * calling thread belongs to (see {@link CurrentOutput}).
 *
 * {@snippet :
 * html("<b>bold</b>");
 * String id = display("counting...");
 * for (int i = 1; i <= 3; i++) updateDisplay(id, "count " + i);   // one output, changed in place
 * }
 */
public final class Display {
    /** Loaded on the first {@code json(String)} only, so the other helpers never touch Gson. */
    private static final class Json {
        // whole numbers stay whole (1, not 1.0) when JSON text is parsed for display
        static final Gson PARSER = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();
    }

    private Display() {}

    /**
     * Shows {@code value} now and returns an id for {@link #updateDisplay}. A {@link MimeBundle} or
     * {@link Rich} value shows its bundle; anything else shows its {@code toString()}. A cell ending in a
     * call of {@code display} shows no result of its own (the id would only be noise).
     *
     * @throws IllegalStateException when called outside a cell
     */
    public static String display(Object value) {
        String id = UUID.randomUUID().toString();
        CurrentOutput.get().display(bundleOf(value), id, false);
        return id;
    }

    /**
     * Replaces the output shown by {@code display} under {@code id}.
     *
     * @throws NullPointerException when {@code id} is null
     * @throws IllegalStateException when called outside a cell
     */
    public static void updateDisplay(String id, Object value) {
        Objects.requireNonNull(id, "updateDisplay needs the id that display(...) returned");
        CurrentOutput.get().display(bundleOf(value), id, true);
    }

    /**
     * Clears this cell's output: at once, or ({@code wait}) just before the next output arrives, which
     * keeps an animation from flickering.
     *
     * @throws IllegalStateException when called outside a cell
     */
    public static void clearOutput(boolean wait) {
        CurrentOutput.get().clearOutput(wait);
    }

    /** Clears this cell's output at once; see {@link #clearOutput(boolean)}. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /**
     * Shows an HTML fragment.
     *
     * @throws NullPointerException when {@code html} is null
     */
    public static void html(String html) {
        publish("text/html", Objects.requireNonNull(html, "html(null)"), "[HTML]");
    }

    /**
     * Shows an SVG document ({@code <svg ...>...</svg>}).
     *
     * @throws NullPointerException when null
     */
    public static void svg(String svg) {
        publish("image/svg+xml", Objects.requireNonNull(svg, "svg(null)"), "[SVG]");
    }

    /**
     * Shows Markdown text.
     *
     * @throws NullPointerException when {@code markdown} is null
     */
    public static void markdown(String markdown) {
        publish("text/markdown", Objects.requireNonNull(markdown, "markdown(null)"), markdown);
    }

    /**
     * Shows a PNG image from its bytes.
     *
     * @throws NullPointerException when {@code png} is null
     */
    public static void png(byte[] png) {
        Objects.requireNonNull(png, "png(null)");
        publish("image/png", Base64.getEncoder().encodeToString(png), "[PNG, " + png.length + " bytes]");
    }

    /**
     * Shows JSON as a browsable tree: a JSON text, or a {@code Map}/{@code List} of plain values.
     *
     * @throws IllegalArgumentException when a string argument is not valid JSON
     */
    public static void json(Object json) {
        Object tree = json;
        if (json instanceof CharSequence text) {
            try {
                tree = Json.PARSER.fromJson(text.toString(), Object.class);
            } catch (JsonParseException e) {
                throw new IllegalArgumentException("json(...) was given text that is not JSON: " + e.getMessage(), e);
            }
        }
        publish("application/json", tree, String.valueOf(json));
    }

    /** The bundle a value is shown as: its own when it has one, else its text. */
    public static MimeBundle bundleOf(Object value) {
        if (value instanceof MimeBundle bundle) {
            return bundle;
        }
        if (value instanceof Rich rich) {
            return Objects.requireNonNull(rich.toMimeBundle(), "toMimeBundle() returned null");
        }
        return MimeBundle.of("text/plain", String.valueOf(value));
    }

    private static void publish(String mimeType, Object value, String plain) {
        CurrentOutput.get().display(MimeBundle.of("text/plain", plain).with(mimeType, value), null, false);
    }
}
