package io.jawait.engine;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Whether a snippet is well-formed Java, judged by javac's parser alone. JShell's own analysis cannot tell
 * {@code int 1x = 2;} (malformed) from {@code z + 1} (fine, {@code z} merely unknown): both come back
 * erroneous, because JShell also resolves names. Also what a unit declares, read the same way.
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

    /** A variable or method that a unit declares for the code after it; a method with the count of its parameters. */
    record Declared(String name, boolean method, int parameters) {}

    /**
     * The variables and methods {@code unit} declares as a JShell snippet would: read as class members (fields,
     * methods), else as statements (local variables, {@code var} ones too); none when it parses as neither.
     */
    static List<Declared> declarations(String unit) {
        CompilationUnitTree members = parse("class $W {\n" + unit + "\n}");
        if (members != null) {
            var found = new ArrayList<Declared>();
            for (Tree member : ((ClassTree) members.getTypeDecls().getFirst()).getMembers()) {
                if (member instanceof VariableTree v) {
                    found.add(new Declared(v.getName().toString(), false, 0));
                } else if (member instanceof MethodTree m && !m.getName().contentEquals("<init>")) {
                    found.add(new Declared(m.getName().toString(), true, m.getParameters().size()));
                }
            }
            return found;
        }
        CompilationUnitTree statements = parse("class $W { void $m() {\n" + unit + "\n} }");
        if (statements == null) {
            return List.of();
        }
        var method = (MethodTree) ((ClassTree) statements.getTypeDecls().getFirst()).getMembers().getFirst();
        return method.getBody().getStatements().stream().filter(VariableTree.class::isInstance)
                .map(v -> new Declared(((VariableTree) v).getName().toString(), false, 0)).toList();
    }

    private static boolean parsesAs(String source) {
        return parse(source) != null;
    }

    /** The tree of {@code source}, or null when javac's parser finds an error in it. */
    private static CompilationUnitTree parse(String source) {
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        var file = new SimpleJavaFileObject(URI.create("string:///W.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        var task = (JavacTask) JAVAC.getTask(null, null, diagnostics, List.of("-proc:none"), null, List.of(file));
        Iterable<? extends CompilationUnitTree> trees;
        try {
            trees = task.parse();
        } catch (java.io.IOException e) {
            return null;
        }
        boolean failed = diagnostics.getDiagnostics().stream()
                .anyMatch(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR);
        return failed ? null : trees.iterator().next();
    }
}
