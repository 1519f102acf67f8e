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
import javax.lang.model.element.Modifier;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The source of named declarations in a Java or JShell file, for {@code %load -s}: IPython's option picks
 * functions and classes out of a Python file, this picks classes, methods and fields out of a Java one. Also for
 * {@code %psource} and {@code name??}, out of the cells' declarations.
 *
 * <p>javac parses the text as a compact source file (JDK 25), so that the methods, fields and types a {@code .jsh}
 * file declares at its top level parse as they are; its statements are not declarations and javac's error
 * recovery passes over them. A plain name matches a top-level type, a top-level method or field, or a member of a
 * top-level type (every overload of a method); {@code Type.member} takes only that type's, at any depth
 * ({@code Outer.Inner.member}, or {@code Inner.member} for short). A declaration's text starts at its annotations,
 * or at the Javadoc comment right above it, and a member's indent is taken off. Fields declared together
 * ({@code int a = 1, b;}) come as that one declaration, whichever of them is named.
 */
public final class JavaSymbols {
    private JavaSymbols() {}

    /**
     * What {@link #extract} found.
     *
     * @param blocks   the text of each declaration found, in the order of the names asked for, then of the file
     * @param missing  the names asked for that nothing matched
     * @param declared every name the file declares that a name could match, in the file's order
     */
    public record Found(List<String> blocks, List<String> missing, List<String> declared) {}

    /** A declaration: the types it lies in ({@code Outer.Inner}, null at the top level) and its source range. */
    private record Declaration(String owner, String name, int start, int end) {
        boolean matches(String owner, String simple) {
            if (!name.equals(simple)) {
                return false;
            }
            if (owner == null) {
                return this.owner == null || !this.owner.contains(".");
            }
            return owner.equals(this.owner) || this.owner != null && this.owner.endsWith("." + owner);
        }
    }

    /** The declarations of {@code source} named in {@code names}. */
    public static Found extract(String source, List<String> names) {
        List<Declaration> all = declarations(source);
        var blocks = new ArrayList<String>();
        var missing = new ArrayList<String>();
        // by start: fields declared together share one range, and come once
        var taken = new HashSet<Integer>();
        for (String name : names) {
            int dot = name.lastIndexOf('.');
            String owner = dot < 0 ? null : name.substring(0, dot);
            String simple = name.substring(dot + 1);
            boolean any = false;
            for (Declaration d : all) {
                if (d.matches(owner, simple)) {
                    any = true;
                    if (taken.add(d.start)) {
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

    /** The file's declarations, types nested in types and their members included, with their source ranges. */
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
        var walk = new Walk(source, Trees.instance(task).getSourcePositions());
        for (CompilationUnitTree unit : units) {
            walk.unit = unit;
            for (Tree top : unit.getTypeDecls()) {
                if (top instanceof ClassTree type) {
                    // the class javac makes up around a compact file's top-level methods and fields has no end:
                    // what it holds is at the top level
                    if (walk.positions.getEndPosition(unit, type) == Diagnostic.NOPOS) {
                        walk.members(null, type);
                    } else {
                        walk.type(null, type);
                    }
                }
            }
        }
        return walk.found;
    }

    private static final class Walk {
        final String source;
        final SourcePositions positions;
        final List<Declaration> found = new ArrayList<>();
        CompilationUnitTree unit;

        Walk(String source, SourcePositions positions) {
            this.source = source;
            this.positions = positions;
        }

        void type(String owner, ClassTree type) {
            String name = type.getSimpleName().toString();
            add(owner, name, start(type), end(type));
            members(owner == null ? name : owner + "." + name, type);
        }

        /** The members of {@code type}; {@code owner} is null for the made-up class of a compact file. */
        void members(String owner, ClassTree type) {
            List<? extends Tree> members = type.getMembers();
            for (int i = 0; i < members.size(); i++) {
                switch (members.get(i)) {
                    case MethodTree m when !m.getName().contentEquals("<init>") ->
                            add(owner, m.getName().toString(), start(m), end(m));
                    case ClassTree c -> type(owner, c);
                    // a record's components and an enum's constants cannot be loaded on their own
                    case VariableTree v when constantOrComponent(type, v) -> {}
                    case VariableTree v -> {
                        // javac gives each of `int a = 1, b;` its own tree, sharing the one type tree: the first
                        // ends at its comma, so the declaration is the whole run, from the first to the last
                        int last = i;
                        while (last + 1 < members.size() && members.get(last + 1) instanceof VariableTree next
                                && next.getType() == v.getType()) {
                            last++;
                        }
                        int start = start(v);
                        int end = end(members.get(last));
                        for (int j = i; j <= last; j++) {
                            add(owner, ((VariableTree) members.get(j)).getName().toString(), start, end);
                        }
                        i = last;
                    }
                    default -> {}
                }
            }
        }

        private boolean constantOrComponent(ClassTree type, VariableTree v) {
            return switch (type.getKind()) {
                case RECORD -> !v.getModifiers().getFlags().contains(Modifier.STATIC);
                case ENUM -> source.startsWith(v.getName().toString(), start(v));
                default -> false;
            };
        }

        private int start(Tree tree) {
            return (int) positions.getStartPosition(unit, tree);
        }

        private int end(Tree tree) {
            return (int) positions.getEndPosition(unit, tree);
        }

        private void add(String owner, String name, int start, int end) {
            if (!name.isEmpty() && start >= 0 && end > start) {
                found.add(new Declaration(owner, name, start, end));
            }
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
