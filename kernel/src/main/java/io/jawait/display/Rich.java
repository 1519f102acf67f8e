package io.jawait.display;

/**
 * A value that knows how to display itself: the kernel shows the bundle instead of {@code toString()}.
 *
 * {@snippet :
 * Rich answer = () -> MimeBundle.of("text/plain", "42").with("text/html", "<b>42</b>");
 * }
 *
 * <p>The bundle should always hold {@code text/plain}, for consoles and for tests.
 */
public interface Rich {
    /** This value's representations, keyed by MIME type. */
    MimeBundle toMimeBundle();
}
