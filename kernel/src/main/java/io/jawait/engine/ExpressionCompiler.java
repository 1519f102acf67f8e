package io.jawait.engine;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import com.sun.tools.javac.api.JavacTaskImpl;
import com.sun.tools.javac.api.JavacTaskPool;
import com.sun.tools.javac.code.ClassFinder;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.ModuleSymbol;
import com.sun.tools.javac.code.Symbol.PackageSymbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Name;
import com.sun.tools.javac.util.Names;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.lang.model.type.TypeMirror;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * The compiler behind {@link FastExpressions}: one javac context kept from cell to cell (javac's task pool,
 * internal to jdk.compiler, which the kernel jar's manifest exports), JShell's file manager underneath with the
 * snippet package listing the classes the engine loaded ({@link ReplClasses}), and output kept in memory. Engine
 * thread only.
 */
final class ExpressionCompiler {
    private static final List<String> OPTIONS = List.of("-proc:none", "-parameters");
    private static final String INCOMPATIBLE = "compiler.err.prob.found.req";

    private final Files files;
    private final JavacTaskPool pool = new JavacTaskPool(1);
    private int knownClasses = -1;
    private boolean lastVoid;
    private boolean lastValueVoid;
    private boolean broken;

    private ExpressionCompiler(StandardJavaFileManager files, ReplClasses repl) {
        this.files = new Files(files, repl);
    }

    /**
     * A compiler that reads classes through {@code files}, the file manager JShell compiles with (so class-path
     * changes reach both), or null when javac's internals are out of reach (not exported to the kernel, or changed
     * in this JDK).
     */
    static ExpressionCompiler create(StandardJavaFileManager files, ReplClasses repl) {
        if (files == null) {
            return null;
        }
        try {
            // each throws IllegalAccessError where the package is not exported to us
            List.of(JavacTaskPool.class, JavacTaskImpl.class, Symtab.class, Names.class, ClassFinder.class);
            return new ExpressionCompiler(files, repl);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** Whether a compilation crashed; the context may be unusable after that, so nothing compiles here again. */
    boolean broken() {
        return broken;
    }

    /** Whether the last {@link #compile} failed because javac refused a {@code void} value. */
    boolean refusedVoid() {
        return lastVoid;
    }

    /**
     * Whether the value the last {@link #compile} returns from {@code do_it$} has the static type {@code Void},
     * whose only value, {@code null}, says nothing: {@code run(async(() -> { ... }))} of a body that returns
     * nothing. A notebook shows nothing for it, as IPython does for {@code asyncio.run(main())}.
     */
    boolean valueIsVoid() {
        return lastValueVoid;
    }

    /**
     * The class files of {@code source}, or null when it does not compile (or the compiler failed); {@link
     * #refusedVoid()} then says whether javac refused a {@code void} value.
     */
    Map<String, byte[]> compile(String className, String source) {
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        files.output.clear();
        lastVoid = false;
        lastValueVoid = false;
        int version = files.repl.version();
        try {
            // a crash of javac prints its trace to this writer; the unit then goes to JShell, which reports it
            Boolean ok = pool.getTask(Writer.nullWriter(), files, diagnostics, OPTIONS, null,
                    List.of(new SourceFile(className, source)), task -> {
                        // the task lets go of its context once it has run
                        Context context = ((JavacTaskImpl) task).getContext();
                        if (version != knownClasses) {
                            forgetSnippetClasses(context);
                            knownClasses = version;
                        }
                        task.addTaskListener(new ReturnedType(task, isVoid -> lastValueVoid = isVoid));
                        return task.call();
                    });
            var errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR).toList();
            lastVoid = errors.stream().anyMatch(ExpressionCompiler::refusedVoid);
            if (!Boolean.TRUE.equals(ok) || !errors.isEmpty()) {
                return null;
            }
        } catch (RuntimeException | LinkageError | AssertionError e) {
            // a compiler crash leaves its context unusable; JShell compiles from now on
            broken = true;
            return null;
        }
        var out = new LinkedHashMap<String, byte[]>();
        files.output.forEach((name, bytes) -> out.put(name, bytes.toByteArray()));
        return out;
    }

    /**
     * Whether javac refused to return an expression because it is {@code void} ("incompatible types: void cannot
     * be converted to java.lang.Object"). Were it another refusal, the statement form fails too, and JShell
     * takes over.
     */
    private static boolean refusedVoid(javax.tools.Diagnostic<? extends JavaFileObject> d) {
        return INCOMPATIBLE.equals(d.getCode()) && d.getMessage(Locale.ROOT).contains("void cannot be converted");
    }

    /**
     * Once javac has attributed the unit, reports whether what {@code do_it$} returns has the static type {@code
     * Void}: the expression of its own return statement, not of one in a lambda within it.
     */
    private record ReturnedType(JavacTask task, Consumer<Boolean> report) implements TaskListener {
        @Override
        public void finished(TaskEvent event) {
            if (event.getKind() != TaskEvent.Kind.ANALYZE || event.getCompilationUnit() == null) {
                return;
            }
            for (Tree type : event.getCompilationUnit().getTypeDecls()) {
                if (!(type instanceof ClassTree owner)) {
                    continue;
                }
                for (Tree member : owner.getMembers()) {
                    if (member instanceof MethodTree method && method.getName().contentEquals("do_it$")
                            && method.getBody() != null
                            && method.getBody().getStatements().getLast() instanceof ReturnTree ret
                            && ret.getExpression() != null) {
                        TypeMirror returned = Trees.instance(task).getTypeMirror(
                                TreePath.getPath(event.getCompilationUnit(), ret.getExpression()));
                        report.accept(returned != null && returned.toString().equals("java.lang.Void"));
                    }
                }
            }
        }
    }

    /**
     * Drops the snippet package from the kept context, as JShell does after each of its own tasks, so that this
     * compilation lists and reads the snippet classes afresh. Needed only when the engine loaded a class since
     * the last one: a snippet class's name is never given to other bytes, so what the context read before is
     * still true, and the class compiled here is removed by the task pool itself.
     */
    private static void forgetSnippetClasses(Context context) {
        Symtab symbols = Symtab.instance(context);
        ModuleSymbol module = symbols.java_base == symbols.noModule ? symbols.noModule : symbols.unnamedModule;
        PackageSymbol repl = symbols.getPackage(module, Names.instance(context).fromString(ReplClasses.PACKAGE));
        if (repl == null) {
            return;
        }
        var stale = new ArrayList<Name>();
        for (ClassSymbol c : symbols.getAllClasses()) {
            if (c.packge() == repl) {
                stale.add(c.flatName());
            }
        }
        stale.forEach(name -> symbols.removeClass(module, name));
        repl.members_field = null;
        repl.completer = ClassFinder.instance(context).getCompleter();
    }

    /**
     * The snippet package lists the classes the engine loaded, and the output stays in memory. One instance for
     * all tasks, since a kept javac context holds on to the file manager it first saw.
     */
    private static final class Files extends ForwardingJavaFileManager<StandardJavaFileManager> {
        final ReplClasses repl;
        final Map<String, ByteArrayOutputStream> output = new LinkedHashMap<>();

        Files(StandardJavaFileManager files, ReplClasses repl) {
            super(files);
            this.repl = repl;
        }

        @Override
        public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                                             boolean recurse) throws IOException {
            if (location == StandardLocation.CLASS_PATH && packageName.equals(ReplClasses.PACKAGE)
                    && kinds.contains(JavaFileObject.Kind.CLASS)) {
                return repl.files();
            }
            return super.list(location, packageName, kinds, recurse);
        }

        @Override
        public String inferBinaryName(Location location, JavaFileObject file) {
            return file instanceof ReplClasses.ClassFile c ? c.binaryName : super.inferBinaryName(location, file);
        }

        @Override
        public boolean isSameFile(FileObject a, FileObject b) {
            if (a == b) {
                return true;
            }
            return !ours(a) && !ours(b) && super.isSameFile(a, b);
        }

        private static boolean ours(FileObject file) {
            return file instanceof ReplClasses.ClassFile || file instanceof SourceFile || file instanceof Output;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                   FileObject sibling) {
            var bytes = new ByteArrayOutputStream();
            output.put(className, bytes);
            return new Output(className, bytes);
        }

        @Override
        public void flush() {
            // nothing of ours to flush; JShell's file manager is JShell's to flush
        }

        @Override
        public void close() {
            // JShell goes on using the file manager underneath
        }
    }

    private static final class SourceFile extends SimpleJavaFileObject {
        private final String code;

        SourceFile(String className, String code) {
            super(URI.create("jawait-cell:///" + className.replace('.', '/') + ".java"), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }

    private static final class Output extends SimpleJavaFileObject {
        private final ByteArrayOutputStream bytes;

        Output(String className, ByteArrayOutputStream bytes) {
            super(URI.create("jawait-out:///" + className.replace('.', '/') + ".class"), Kind.CLASS);
            this.bytes = bytes;
        }

        @Override
        public OutputStream openOutputStream() {
            return bytes;
        }
    }
}
