package io.jawait.engine;

import io.jawait.magic.CellException;
import io.jawait.magic.MagicContext.Standalone;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import jdk.jshell.JShell;

/**
 * Compiles code of a cell as a program of its own, with javac rather than JShell, for a JVM other than the
 * kernel's ({@code %timeit -f}): one compilation unit of the session's active imports and the given class, against
 * the kernel's classes and what the session added to the class path, into a new temporary folder. Errors are
 * placed in the cell as JShell's are ({@code cell 3, line 1, column 9: cannot find symbol}).
 */
final class StandaloneCompiler {
    private StandaloneCompiler() {}

    /**
     * Compiles {@code code} (its {@link CellCode#code()} declares the public class {@code className}) and returns
     * the class path to run it with: the folder of its classes, then {@code classPath}.
     *
     * @throws CellException a CompilationError for each error javac found, the folder deleted again
     */
    static Standalone compile(JShell shell, List<Path> classPath, String className, CellCode code, int cell)
            throws CellException {
        String imports = shell.imports().filter(i -> shell.status(i).isActive())
                .map(i -> i.source().strip() + "\n").collect(Collectors.joining());
        int offset = imports.length();
        var unit = new CellCode(imports + code.code(), code.cell(),
                p -> code.toCell().applyAsInt(Math.max(0, p - offset)), false, code.file());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new CellException("RuntimeError", "this Java runtime has no compiler (javac) to compile with");
        }
        Path out;
        try {
            out = Files.createTempDirectory("jawait-standalone-");
        } catch (IOException e) {
            throw new CellException("OSError", "cannot make a folder for the compiled classes: " + e.getMessage());
        }
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        long started = System.nanoTime();
        boolean compiled;
        try (var files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
            compiled = javac.getTask(null, files, diagnostics, List.of("-proc:none", "-g", "-nowarn", "-Xlint:none"),
                    null, List.of(new Source(className, unit.code()))).call();
        } catch (IOException | RuntimeException e) {
            delete(out);
            throw new CellException("CompilationError", "javac failed: " + e);
        }
        long nanos = System.nanoTime() - started;
        if (!compiled) {
            delete(out);
            throw errors(diagnostics.getDiagnostics(), className, unit, cell);
        }
        List<Path> runWith = new ArrayList<>();
        runWith.add(out);
        runWith.addAll(classPath);
        return new Standalone(runWith, nanos, line -> new SnippetPlaces.Place(cell, unit, 0).where(line));
    }

    private static CellException errors(List<Diagnostic<? extends JavaFileObject>> found, String className,
                                        CellCode unit, int cell) {
        List<String> traceback = new ArrayList<>();
        String first = null;
        for (var d : found) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            // the class is the magic's scaffolding: its name in "location: class $Timeit1v" says nothing
            String message = d.getMessage(Locale.ROOT)
                    .replaceAll("\\n\\s*location: class " + java.util.regex.Pattern.quote(className) + "\\s*$", "");
            first = first == null ? message : first;
            traceback.addAll(CompileErrors.describe(message, unit, (int) Math.max(0, d.getPosition()), cell));
        }
        return new CellException("CompilationError", first == null ? "javac reported no error but compiled nothing"
                : first, traceback);
    }

    private static void delete(Path folder) {
        new Standalone(List.of(folder), 0, null).close();
    }

    /** The compilation unit, held in memory. */
    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String className, String text) {
            super(URI.create("string:///" + className + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
