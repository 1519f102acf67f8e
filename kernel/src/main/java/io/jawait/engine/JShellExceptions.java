package io.jawait.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.function.UnaryOperator;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.spi.ExecutionControl;

/**
 * JShell's own translation of an exception from the engine into what {@code SnippetEvent.exception()} gives
 * (causes converted, frames of snippets named by snippet id and line), reached through the package the kernel
 * jar's manifest opens; frames of the classes {@link FastExpressions} compiles are then named the same way.
 */
final class JShellExceptions {
    private final Object eval;
    private final Method convert;

    private JShellExceptions(Object eval, Method convert) {
        this.eval = eval;
        this.convert = convert;
    }

    static JShellExceptions of(JShell shell) throws ReflectiveOperationException {
        Field field = JShell.class.getDeclaredField("eval");
        field.setAccessible(true);
        Object eval = field.get(shell);
        Method convert = eval.getClass().getDeclaredMethod("asJShellException", Throwable.class);
        convert.setAccessible(true);
        return new JShellExceptions(eval, convert);
    }

    /** {@code raw} as JShell would report it; {@code own} names a frame of ours, or gives null for JShell's name. */
    JShellException translate(ExecutionControl.RunException raw, UnaryOperator<StackTraceElement> own) {
        JShellException converted;
        try {
            converted = (JShellException) convert.invoke(eval, raw);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("JShell could not translate " + raw, e);
        }
        Throwable from = raw;
        for (Throwable to = converted; to != null && from != null; to = to.getCause(), from = from.getCause()) {
            StackTraceElement[] rawFrames = from.getStackTrace();
            StackTraceElement[] shellFrames = to.getStackTrace();
            var merged = new ArrayList<StackTraceElement>();
            int kept = shellFrames.length;
            for (int i = 0; i < rawFrames.length; i++) {
                StackTraceElement mine = own.apply(rawFrames[i]);
                merged.add(mine != null ? mine : i < shellFrames.length ? shellFrames[i] : rawFrames[i]);
                kept = mine != null ? Math.max(kept, i + 1) : kept;
            }
            // JShell cuts the engine's own frames below the last snippet frame; cut below ours alike
            to.setStackTrace(merged.subList(0, Math.min(kept, merged.size())).toArray(StackTraceElement[]::new));
            if (to.getCause() == to || from.getCause() == from) {
                break;
            }
        }
        return converted;
    }
}
