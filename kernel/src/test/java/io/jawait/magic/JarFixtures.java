package io.jawait.magic;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import javax.tools.ToolProvider;

/** Builds class folders and a file-based Maven repository for the classpath and maven tests. */
final class JarFixtures {
    private JarFixtures() {}

    /** Compiles one class into a fresh folder and returns the folder. */
    static Path compile(Path dir, String className, String source) throws IOException {
        Path src = dir.resolve("src").resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path out = dir.resolve("classes");
        Files.createDirectories(out);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-cp", out + java.io.File.pathSeparator + dir.getParent().resolve("lib/classes"), "-d", out.toString(),
                src.toString());
        if (rc != 0) {
            throw new IOException("fixture does not compile: " + className);
        }
        return out;
    }

    /** A repository with demo:app:1.0 depending on demo:lib:1.0. */
    static Path repository(Path root) throws IOException {
        Path base = root.getParent();
        Path lib = compile(base.resolve("lib"), "demolib.Lib",
                "package demolib; public class Lib { public static String name() { return \"lib\"; } }");
        Path app = compile(base.resolve("app"), "demoapp.App",
                "package demoapp; public class App { public static String describe() { return \"app uses \" + demolib.Lib.name(); } }");
        publish(root, "lib", lib, "");
        publish(root, "app", app, "<dependencies><dependency><groupId>demo</groupId><artifactId>lib</artifactId>"
                + "<version>1.0</version></dependency></dependencies>");
        return root;
    }

    private static void publish(Path root, String artifact, Path classes, String dependencies) throws IOException {
        Path dir = root.resolve("demo").resolve(artifact).resolve("1.0");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(artifact + "-1.0.pom"), "<project><modelVersion>4.0.0</modelVersion>"
                + "<groupId>demo</groupId><artifactId>" + artifact + "</artifactId><version>1.0</version>"
                + dependencies + "</project>");
        try (OutputStream file = Files.newOutputStream(dir.resolve(artifact + "-1.0.jar"));
             JarOutputStream jar = new JarOutputStream(file);
             Stream<Path> all = Files.walk(classes)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new ZipEntry(classes.relativize(p).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(p));
                jar.closeEntry();
            }
        }
    }
}
