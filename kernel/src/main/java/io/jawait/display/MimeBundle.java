package io.jawait.display;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One displayable value: its representations keyed by MIME type, and their metadata.
 *
 * <p>Values are strings for text types and base64 strings for binary ones ({@code image/png}), as the
 * Jupyter messaging spec carries them; {@code application/json} may hold a {@code Map} or {@code List}.
 *
 * {@snippet :
 * MimeBundle b = MimeBundle.of("text/plain", "42").with("text/html", "<b>42</b>");
 * }
 */
public record MimeBundle(Map<String, Object> data, Map<String, Object> metadata) {

    public MimeBundle {
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
        metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A bundle with one representation and no metadata. */
    public static MimeBundle of(String mimeType, Object value) {
        return new MimeBundle(Map.of(mimeType, value), Map.of());
    }

    /** This bundle with one more representation. */
    public MimeBundle with(String mimeType, Object value) {
        var d = new LinkedHashMap<>(data);
        d.put(mimeType, value);
        return new MimeBundle(d, metadata);
    }
}
