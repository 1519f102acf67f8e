package io.jawait.display;

public interface Rich { MimeBundle toMimeBundle(); }
