package io.jawait.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.PersistentSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * What the user's cells declared in JShell, removed for {@code %xdel} and {@code %reset}. Dropping a variable's
 * snippet hides its name from later cells, but JShell leaves the value in the static field of the snippet's
 * class, which stays loaded: the field is cleared as well, so that the value can be collected, as Python's
 * {@code del} lets it be. Nothing else is done to the value (an AutoCloseable is not closed), as in IPython.
 * Engine thread only.
 */
final class UserDeclarations {
    private final JShell shell;
    private final KernelExecutionControl control;
    private final CellEvaluator evaluator;

    UserDeclarations(JShell shell, KernelExecutionControl control, CellEvaluator evaluator) {
        this.shell = shell;
        this.control = control;
        this.evaluator = evaluator;
    }

    /**
     * Drops the user's variable {@code name}; false when there is none. Declarations that used it and cannot be
     * used without it are named on standard error, as a cell that breaks them names them: among them a {@code var}
     * whose initializer named it, which JShell cannot type without it, and whose value is lost.
     */
    boolean dropVariable(String name) {
        var found = shell.variables()
                .filter(v -> v.name().equals(name) && shell.status(v).isActive() && userNamed(v.name()))
                .toList();
        for (VarSnippet v : found) {
            for (SnippetEvent e : drop(v)) {
                if (e.causeSnippet() != null && e.snippet() instanceof DeclarationSnippet d
                        && e.previousStatus() == Snippet.Status.VALID && e.status() != Snippet.Status.VALID
                        && e.status().isActive()) {
                    System.err.print("note: " + Describe.declaration(d) + " cannot be used until "
                            + CompileErrors.waitingFor(shell, d) + "\n");
                }
            }
        }
        return !found.isEmpty();
    }

    /**
     * Drops every declaration and import but the start-up's, newest first: a snippet that uses an older one goes
     * before it, so JShell need not compile it again, waiting for a name about to go as well.
     */
    void dropAll() {
        List<Snippet> made = shell.snippets()
                .filter(s -> s instanceof PersistentSnippet && shell.status(s).isActive() && !Startup.made(s))
                .toList();
        made.reversed().forEach(this::drop);
    }

    private List<SnippetEvent> drop(Snippet snippet) {
        Field value = snippet instanceof VarSnippet v ? field(v) : null;
        List<SnippetEvent> events = evaluator.drop(snippet);
        if (value != null) {
            try {
                value.set(null, null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // the value stays reachable, as JShell leaves it; the name is gone all the same
            }
        }
        return events;
    }

    /** The field holding a variable of a reference type, or null (a primitive holds nothing to let go of). */
    private Field field(VarSnippet v) {
        try {
            Field f = control.variable(shell.sourceCodeAnalysis().wrapper(v).fullClassName(), v.name());
            return f.getType().isPrimitive() || Modifier.isFinal(f.getModifiers()) ? null : f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Names a user may have declared: not JShell's own ({@code $1}) nor the kernel's. */
    private static boolean userNamed(String name) {
        return !name.startsWith("$") && !ReplNames.internal(name);
    }
}
