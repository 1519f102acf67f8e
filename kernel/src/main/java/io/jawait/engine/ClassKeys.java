package io.jawait.engine;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.TypeDeclSnippet;

/**
 * Keeps JShell's documentation and its types of {@code var}s right after a class declaration was rejected or
 * dropped.
 *
 * <p>JShell keeps one key per class name ever declared. To write a type's name it asks, for every such key, the
 * name of the key's current snippet, and a rejected or dropped class has none: JShell then fails inside, and for
 * the rest of the session documents nothing ({@code Math.sqrt?} pages nothing) and names the type of every new
 * {@code var} of a reference type {@code java.lang.Object} (JDK 25; any rejected class does it, such as one of
 * {@code %timeit}'s two tries at compiling a void statement). {@link #forgetInactive} removes the names no active
 * snippet declares; a class declared again by such a name gets a new key, as for a name never used, which changes
 * nothing else: the snippets of the old key are rejected, dropped or overwritten for good.
 *
 * <p>The key map is JShell's own, in the package the kernel jar's manifest opens. Where it cannot be reached
 * (not opened, or no longer there), nothing is done and JShell behaves as above.
 */
final class ClassKeys {
    private final JShell shell;
    private final Map<String, ?> byName;

    private ClassKeys(JShell shell, Map<String, ?> byName) {
        this.shell = shell;
        this.byName = byName;
    }

    /** The class keys of {@code shell}, or null where JShell does not let the kernel reach them. */
    static ClassKeys of(JShell shell) {
        try {
            Field keyMapField = JShell.class.getDeclaredField("keyMap");
            keyMapField.setAccessible(true);
            Object keyMap = keyMapField.get(shell);
            Field classMapField = keyMap.getClass().getDeclaredField("classMap");
            classMapField.setAccessible(true);
            return classMapField.get(keyMap) instanceof Map<?, ?> map ? new ClassKeys(shell, cast(map)) : null;
        } catch (ReflectiveOperationException | RuntimeException unreachable) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }

    /**
     * Removes the class names that no active snippet declares. Call it on the thread that evaluates snippets, as
     * JShell's maps are not safe to touch from two threads.
     */
    void forgetInactive() {
        if (byName.isEmpty()) {
            return;
        }
        Set<String> active = shell.snippets()
                .filter(s -> s.kind() == Snippet.Kind.TYPE_DECL && shell.status(s).isActive())
                .map(s -> ((TypeDeclSnippet) s).name())
                .collect(Collectors.toSet());
        byName.keySet().retainAll(active);
    }
}
