package io.jawait.display;

import java.io.IOException;

/** Thrown when a cell reads standard input but its front end does not accept input requests. */
public final class StdinNotAllowedException extends IOException {
    public StdinNotAllowedException() {
        super("this front end does not accept input: stdin is not available in this cell "
                + "(allow_stdin is false, as in nbconvert/nbclient runs)");
    }
}
