package io.jawait.magic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@code %classpath PATH ...}: adds jars and class folders; {@code DIR/*} adds every jar in DIR. */
final class ClasspathMagic implements Magic {

    @Override
    public List<String> fileEndings() {
        return List.of(".jar");
    }

    @Override
    public Evaluation run(Invocation call, MagicContext ctx) throws CellException {
        if (call.args().isBlank()) {
            throw call.usage("give one or more jars or folders, e.g. %classpath lib/*  or  %classpath a.jar");
        }
        List<Path> added = new ArrayList<>();
        for (String word : call.args().split("[\\s" + java.io.File.pathSeparator + "]+")) {
            for (Path p : expand(call, unquote(word))) {
                ctx.addToClasspath(p);
                added.add(p);
            }
        }
        ctx.out().stdout("Added to the classpath: " + String.join(", ", added.stream().map(Path::toString).toList())
                + "\n");
        return null;
    }

    private static List<Path> expand(Invocation call, String word) throws CellException {
        if (word.endsWith("/*") || word.equals("*")) {
            Path dir = UserPaths.of(word.length() > 1 ? word.substring(0, word.length() - 2) : ".").toAbsolutePath();
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
                if (jars.isEmpty()) {
                    throw call.usage("no jar in " + dir);
                }
                return jars;
            } catch (IOException e) {
                throw call.usage("cannot list " + dir + ": " + reason(e));
            }
        }
        Path p = UserPaths.of(word).toAbsolutePath();
        if (!Files.exists(p)) {
            throw call.usage("no such file or folder: " + p);
        }
        return List.of(p);
    }

    static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** Why a file operation failed, in words: a NoSuchFileException's message is only the path again. */
    static String reason(IOException e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException x -> "no such file or directory";
            case java.nio.file.AccessDeniedException x -> "permission denied";
            case java.nio.file.NotDirectoryException x -> "not a directory";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
