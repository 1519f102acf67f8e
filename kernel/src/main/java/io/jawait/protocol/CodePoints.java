package io.jawait.protocol;

/**
 * The protocol counts cursor positions in Unicode code points (5.2 and later), Java strings in UTF-16 units:
 * after an emoji the two differ, and a completion computed on one applied with the other replaces the wrong text.
 */
final class CodePoints {
    private CodePoints() {}

    /** The string index of code point {@code position} of {@code code}, clamped to the code. */
    static int toIndex(String code, int position) {
        int points = code.codePointCount(0, code.length());
        return code.offsetByCodePoints(0, Math.clamp(position, 0, points));
    }

    /** How many code points of {@code code} come before string index {@code index}, clamped to the code. */
    static int toPosition(String code, int index) {
        return code.codePointCount(0, Math.clamp(index, 0, code.length()));
    }

    /** {@code reply} with its positions, string indexes into {@code code}, counted in code points. */
    static CompleteReply inCodePoints(String code, CompleteReply reply) {
        return new CompleteReply(reply.matches(), toPosition(code, reply.cursorStart()),
                toPosition(code, reply.cursorEnd()), reply.types().stream()
                        .map(t -> new CompleteReply.Completion(t.text(), t.type(), t.signature(),
                                toPosition(code, t.start()), toPosition(code, t.end())))
                        .toList());
    }
}
