package io.jawait.async;

import java.util.Optional;

/**
 * Names a coroutine after the method that made it, as Python names a coroutine after its function.
 */
final class Names {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private Names() {
    }

    /** The name of the first method outside {@link Async} on the caller's stack. */
    static String caller() {
        Optional<String> m = WALKER.walk(s -> s.filter(f -> f.getDeclaringClass() != Async.class && f.getDeclaringClass() != Names.class)
                .map(StackWalker.StackFrame::getMethodName).findFirst());
        return m.map(Names::clean).orElse("<cell>");
    }

    /** {@code lambda$fetchData$0} becomes {@code fetchData}; JShell's top-level {@code do_it$} becomes {@code <cell>}. */
    static String clean(String method) {
        String m = method;
        if (m.startsWith("lambda$")) {
            int end = m.indexOf('$', 7);
            m = end < 0 ? m.substring(7) : m.substring(7, end);
        }
        if (m.isEmpty() || m.startsWith("do_it") || m.equals("static") || m.startsWith("<")) {
            return "<cell>";
        }
        return m;
    }
}
