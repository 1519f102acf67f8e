package io.jawait.engine;

import io.jawait.display.Display;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where the kernel's own classes are, so JShell's compiler sees the display API and the await helpers. The
 * JVM's {@code java.class.path} is no guide: test runners and launchers hide the real entries behind a
 * manifest-only jar.
 */
final class KernelClassPath {
    private KernelClassPath() {}

    static String location() {
        try {
            return Path.of(Display.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the kernel's classes", e);
        }
    }
}
