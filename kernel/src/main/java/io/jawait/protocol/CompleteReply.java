package io.jawait.protocol;

import java.util.List;

/** Completions for {@code code[cursorStart, cursorEnd)}; {@code types} may be empty. */
public record CompleteReply(List<String> matches, int cursorStart, int cursorEnd, List<Completion> types) {

    /** One match with its kind ({@code method}, {@code class}, {@code variable}, {@code keyword}, ...). */
    public record Completion(String text, String type, String signature, int start, int end) {}
}
