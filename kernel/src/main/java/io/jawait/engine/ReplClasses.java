package io.jawait.engine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;

/**
 * The class files of JShell's snippets as the engine loaded them, latest bytes per class name: what
 * {@link FastExpressions} compiles an expression against, so it sees the variables, methods and classes the
 * cells declared exactly as JShell's own compilations do. Classes of that compiler's own expressions are not
 * kept: nothing can name them.
 */
final class ReplClasses {
    static final String PACKAGE = "REPL";

    private final Map<String, byte[]> classes = new LinkedHashMap<>();
    private int version;

    /** Notes a class the engine loads; classes outside the snippet package and our own expressions are skipped. */
    synchronized void loaded(String binaryName, byte[] bytes) {
        if (binaryName.startsWith(PACKAGE + ".") && !FastExpressions.isOwn(binaryName)) {
            byte[] before = classes.put(binaryName, bytes);
            if (!Arrays.equals(before, bytes)) {
                version++;
            }
        }
    }

    /** Changes whenever a class is added or its bytes change. */
    synchronized int version() {
        return version;
    }

    /** The snippet classes as class files for javac, in the order they were first loaded. */
    synchronized List<JavaFileObject> files() {
        var out = new ArrayList<JavaFileObject>(classes.size());
        classes.forEach((name, bytes) -> out.add(new ClassFile(name, bytes)));
        return out;
    }

    /** One snippet class, in memory. */
    static final class ClassFile extends SimpleJavaFileObject {
        final String binaryName;
        private final byte[] bytes;

        ClassFile(String binaryName, byte[] bytes) {
            super(URI.create("jawait-repl:///" + binaryName.replace('.', '/') + ".class"), Kind.CLASS);
            this.binaryName = binaryName;
            this.bytes = bytes;
        }

        @Override
        public InputStream openInputStream() {
            return new ByteArrayInputStream(bytes);
        }
    }
}
