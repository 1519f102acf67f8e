package io.jawait.protocol;

/** A multipart message that is not a valid, correctly signed Jupyter message. */
public final class MalformedMessageException extends Exception {
    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
