package io.jawait.magic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code %run FILE}: runs a {@code .jsh} or {@code .java} file as a cell, as JShell's {@code /open} does. A
 * {@code package} line is dropped, since JShell has no packages; the file's value, if any, shows as the cell's, and
 * its errors name the file.
 */
final class RunMagic implements Magic {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^[ \\t]*package\\s+[\\w.]+\\s*;");

    @Override
    public Evaluation run(Invocation call, MagicContext ctx) throws CellException {
        String name = ClasspathMagic.unquote(call.args().strip());
        if (name.isEmpty()) {
            throw call.usage("give a file: %run path/to/File.java or %run script.jsh");
        }
        if (!name.endsWith(".jsh") && !name.endsWith(".java")) {
            throw call.usage("can run .jsh and .java files, not '" + name + "'");
        }
        Path file = UserPaths.of(name).toAbsolutePath();
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw call.usage("cannot read " + file + ": " + ClasspathMagic.reason(e));
        }
        return ctx.evalFile(withoutPackage(source), file.getFileName().toString());
    }

    @Override
    public List<String> fileEndings() {
        return List.of(".jsh", ".java");
    }

    /** The declaration is blanked, not removed, so that errors give the file's own lines and columns. */
    private static String withoutPackage(String source) {
        return PACKAGE.matcher(source).replaceFirst(m -> m.group().replaceAll("\\S", " "));
    }
}
