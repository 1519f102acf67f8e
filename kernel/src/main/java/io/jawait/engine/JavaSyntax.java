package io.jawait.engine;

import com.sun.source.util.JavacTask;
import java.net.URI;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Whether a snippet is well-formed Java, judged by javac's parser alone. JShell's own analysis cannot tell
 * {@code int 1x = 2;} (malformed) from {@code z + 1} (fine, {@code z} merely unknown): both come back
 * erroneous, because JShell also resolves names.
 */
final class JavaSyntax {
    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    private JavaSyntax() {}

    /** True when {@code unit} parses as an expression, statements, class members, or an import. */
    static boolean parses(String unit) {
        String body = unit.strip();
        String expression = body.endsWith(";") ? body.substring(0, body.length() - 1) : body;
        return parsesAs("class $W { Object $v = (\n" + expression + "\n); }")
                || parsesAs("class $W { void $m() {\n" + body + "\n} }")
                || parsesAs("class $W {\n" + body + "\n}")
                || parsesAs(body + "\nclass $W {}");
    }

    private static boolean parsesAs(String source) {
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        var file = new SimpleJavaFileObject(URI.create("string:///W.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        var task = (JavacTask) JAVAC.getTask(null, null, diagnostics, List.of("-proc:none"), null, List.of(file));
        try {
            task.parse();
        } catch (java.io.IOException e) {
            return false;
        }
        return diagnostics.getDiagnostics().stream().noneMatch(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR);
    }
}
