package io.jawait.protocol;

import io.jawait.display.MimeBundle;

/** What is known about the name at the cursor; {@code data} is null when nothing was found. */
public record InspectReply(boolean found, MimeBundle data) {}
