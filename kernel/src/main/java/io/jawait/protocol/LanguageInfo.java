package io.jawait.protocol;

/** The {@code language_info} of {@code kernel_info_reply}. */
public record LanguageInfo(String name, String version, String mimetype, String fileExtension,
                           String pygmentsLexer, String codemirrorMode) {}
