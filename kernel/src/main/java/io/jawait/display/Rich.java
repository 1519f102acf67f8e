package io.jawait.display;

/**
 * A value that knows how to show itself: a cell whose last value is {@code Rich} shows its bundle.
 *
 * {@snippet :
 * record Bold(String text) implements Rich {
 *     public MimeBundle toMimeBundle() {
 *         return MimeBundle.of("text/plain", text).with("text/html", "<b>" + text + "</b>");
 *     }
 * }
 * new Bold("hello")   // shown in bold
 * }
 */
public interface Rich {

    /** The representations of this value, {@code text/plain} among them when possible. */
    MimeBundle toMimeBundle();
}
