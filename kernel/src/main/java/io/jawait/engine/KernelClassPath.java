package io.jawait.engine;

import io.jawait.display.Display;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * What JShell's compiler sees of the kernel: the display API, the await helpers and the rest of
 * {@code io.jawait}, and nothing of the libraries bundled in the kernel jar.
 *
 * <p>The build writes those classes into {@code jawait-cell-api.jar} beside the kernel jar, and the compiler
 * gets that jar alone. javac lists every entry of a class-path jar before it compiles the first snippet: the
 * kernel jar's 5,149 entries cost the first cell ~50 ms of the engine thread and, on 2 cores, the compiler
 * threads' time to compile the listing loops. Without that jar (the classes run from a directory, or an old
 * install) the compiler gets the kernel's own location, as before. The JVM's {@code java.class.path} is no
 * guide either way: test runners and launchers hide the real entries behind a manifest-only jar.
 */
final class KernelClassPath {
    private static final String CELL_API_JAR = "jawait-cell-api.jar";

    private KernelClassPath() {}

    static Path location() {
        Path own;
        try {
            own = Path.of(Display.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the kernel's classes", e);
        }
        Path api = own.resolveSibling(CELL_API_JAR);
        return own.getFileName().toString().endsWith(".jar") && Files.isRegularFile(api) ? api : own;
    }

    /**
     * Gives {@code files} the kernel's classes as its whole class path, for {@code JShell.Builder.fileManager}.
     * Set here rather than with {@code JShell.addToClasspath}, which appends to {@code java.class.path}: that
     * would put the kernel jar back in front.
     */
    static StandardJavaFileManager compileAgainst(StandardJavaFileManager files, Path classPath) {
        try {
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(classPath));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + classPath + " as the cells' class path", e);
        }
    }
}
