package io.jawait.magic;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The source of named declarations in a Java or JShell file, for {@code %load -s}: IPython's option picks
 * functions and classes out of a Python file, this picks classes, methods and fields out of a Java one.
 *
 * <p>javac parses the text as a compact source file (JDK 25), so that the methods, fields and types a {@code .jsh}
 * file declares at its top level parse as they are; its statements are not declarations and javac's error
 * recovery passes over them. A name matches a top-level type, a top-level method or field, or a member of a
 * top-level type (every overload of a method); {@code Type.member} takes only that type's. A declaration's text
 * starts at its annotations, or at the Javadoc comment right above it, and a member's indent is taken off.
 */
final class JavaSymbols {
    private JavaSymbols() {}

    /**
     * What {@link #extract} found.
     *
     * @param blocks   the text of each declaration found, in the order of the names asked for, then of the file
     * @param missing  the names asked for that nothing matched
     * @param declared every name the file declares that a name could match, in the file's order
     */
    record Found(List<String> blocks, List<String> missing, List<String> declared) {}

    private record Declaration(String owner, String name, int start, int end) {}

    /** The declarations of {@code source} named in {@code names}. */
    static Found extract(String source, List<String> names) {
        List<Declaration> all = declarations(source);
        var blocks = new ArrayList<String>();
        var missing = new ArrayList<String>();
        var taken = new HashSet<Declaration>();
        for (String name : names) {
            int dot = name.lastIndexOf('.');
            String owner = dot < 0 ? null : name.substring(0, dot);
            String simple = name.substring(dot + 1);
            boolean any = false;
            for (Declaration d : all) {
                if (d.name.equals(simple) && (owner == null || owner.equals(d.owner))) {
                    any = true;
                    if (taken.add(d)) {
                        String text = source.substring(lineStart(source, withJavadoc(source, d.start)), d.end);
                        blocks.add(String.join("\n", LoadMagic.dedented(List.of(text.split("\n", -1)))));
                    }
                }
            }
            if (!any) {
                missing.add(name);
            }
        }
        Set<String> declared = new LinkedHashSet<>();
        for (Declaration d : all) {
            declared.add(d.owner == null ? d.name : d.owner + "." + d.name);
        }
        return new Found(blocks, missing, List.copyOf(declared));
    }

    /** The file's top-level declarations and the members of its top-level types, with their source ranges. */
    private static List<Declaration> declarations(String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        var file = new SimpleJavaFileObject(URI.create("string:///Loaded.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        // diagnostics are dropped: the statements of a .jsh file are errors to a compilation unit
        var task = (JavacTask) javac.getTask(null, null, d -> {}, List.of("-proc:none"), null, List.of(file));
        Iterable<? extends CompilationUnitTree> units;
        try {
            units = task.parse();
        } catch (IOException e) {
            throw new IllegalStateException("javac could not read a string", e);
        }
        SourcePositions positions = Trees.instance(task).getSourcePositions();
        var found = new ArrayList<Declaration>();
        for (CompilationUnitTree unit : units) {
            for (Tree top : unit.getTypeDecls()) {
                if (!(top instanceof ClassTree type)) {
                    continue;
                }
                // the class javac makes up around a compact file's top-level methods and fields has no end
                boolean implicit = positions.getEndPosition(unit, type) == Diagnostic.NOPOS;
                if (!implicit) {
                    add(found, null, type.getSimpleName().toString(), positions, unit, type);
                }
                for (Tree member : type.getMembers()) {
                    String name = switch (member) {
                        case MethodTree m -> m.getName().toString();
                        case VariableTree v -> v.getName().toString();
                        case ClassTree c -> c.getSimpleName().toString();
                        default -> null;
                    };
                    if (name != null && !name.equals("<init>")) {
                        add(found, implicit ? null : type.getSimpleName().toString(), name, positions, unit, member);
                    }
                }
            }
        }
        return found;
    }

    private static void add(List<Declaration> found, String owner, String name, SourcePositions positions,
            CompilationUnitTree unit, Tree tree) {
        int start = (int) positions.getStartPosition(unit, tree);
        int end = (int) positions.getEndPosition(unit, tree);
        if (!name.isEmpty() && start >= 0 && end > start) {
            found.add(new Declaration(owner, name, start, end));
        }
    }

    /** The start of {@code start}'s line when only blank space comes before it there, else {@code start}. */
    private static int lineStart(String source, int start) {
        int i = start;
        while (i > 0 && (source.charAt(i - 1) == ' ' || source.charAt(i - 1) == '\t')) {
            i--;
        }
        return i == 0 || source.charAt(i - 1) == '\n' ? i : start;
    }

    /** {@code start}, or the start of the Javadoc comment that ends right above it (blank space between). */
    private static int withJavadoc(String source, int start) {
        int i = start;
        while (i > 0 && Character.isWhitespace(source.charAt(i - 1))) {
            i--;
        }
        if (!source.startsWith("*/", i - 2)) {
            return start;
        }
        int open = source.lastIndexOf("/**", i - 2);
        return open >= 0 && source.indexOf("*/", open + 3) == i - 2 ? open : start;
    }
}
