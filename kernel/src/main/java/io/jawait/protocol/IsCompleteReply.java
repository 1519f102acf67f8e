package io.jawait.protocol;

/** {@code status} is {@code complete}, {@code incomplete}, {@code invalid} or {@code unknown}. */
public record IsCompleteReply(String status, String indent) {}
