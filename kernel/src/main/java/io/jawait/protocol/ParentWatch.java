package io.jawait.protocol;

import java.util.Map;
import java.util.Optional;

/**
 * Ends the kernel when the process that launched it has gone. jupyter_client names that process in
 * {@code JPY_PARENT_PID}, as ipykernel expects; without it a kernel whose client was killed would live on,
 * holding its memory, with nobody able to reach it.
 */
final class ParentWatch {
    private ParentWatch() {}

    /** Runs {@code onGone} once the parent named in {@code env} exits (at once if it has already). */
    static void follow(Map<String, String> env, Runnable onGone) {
        parent(env).ifPresent(pid -> ProcessHandle.of(pid).ifPresentOrElse(
                p -> p.onExit().thenRun(onGone), onGone));
    }

    static Optional<Long> parent(Map<String, String> env) {
        String text = env.get("JPY_PARENT_PID");
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(text.strip());
            // pid 1 (or 0) means the parent was never known or is init already; nothing to follow
            return pid > 1 ? Optional.of(pid) : Optional.empty();
        } catch (NumberFormatException e) {
            KernelLog.warn("ignored JPY_PARENT_PID='" + text + "': not a process id");
            return Optional.empty();
        }
    }
}
