package io.jawait.engine;

import io.jawait.timing.TimedLoop;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandles;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Copies of {@code %timeit}'s loop classes without JShell's stop checks in the timed statement, so that the
 * measured runs execute the statement as plain Java (and as JMH would) rather than with a volatile read
 * before each of its backward branches (measured: a hash-map lookup loop 57% slower with the checks).
 *
 * <p>The engine keeps each loop class's bytes as compiled, before JShell weaves its checks in; the copy is
 * those bytes with one stop check where the loop calls {@link TimedLoop#checkpoint()}, defined as a hidden
 * class next to the original. An interrupt therefore still ends a measured run between two loops, and
 * {@link io.jawait.timing.TimeitRunner} runs the copy only after the checked original finished one call,
 * which catches a statement that never ends. Public because the driver snippet calls {@link #of}; not meant
 * for users.
 */
public final class MeasuredCopies {
    private static final String LOOP_INTERFACE = TimedLoop.class.getName().replace('.', '/');
    // JShell's own stop check (jdk.jshell.execution.LocalExecutionControl), generated before the first snippet runs
    private static final ClassDesc CANCEL = ClassDesc.of("REPL.$Cancel$");
    // a loop class whose driver never ran (an interrupt in between, a redefinition) leaves its copy here:
    // keep the latest few only
    private static final int KEPT = 16;
    private static final Map<String, byte[]> UNCHECKED = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > KEPT;
        }
    });

    private MeasuredCopies() {}

    /** Keeps an unchecked copy of {@code bytes} when they are a {@code %timeit} loop class. */
    static void remember(String className, byte[] bytes) {
        if (!CallSiteRewriter.mentions(bytes, LOOP_INTERFACE)) {
            return;
        }
        var cf = ClassFile.of();
        ClassModel model = cf.parse(bytes);
        boolean loop = model.interfaces().stream().anyMatch(i -> i.asInternalName().equals(LOOP_INTERFACE));
        if (loop && callsCheckpoint(model)) {
            UNCHECKED.put(className, cf.transformClass(model, ClassTransform.transformingMethodBodies(
                    (CodeTransform) (builder, element) -> {
                        if (isCheckpoint(element)) {
                            builder.invokestatic(CANCEL, "stopCheck", ConstantDescs.MTD_void);
                        } else {
                            builder.with(element);
                        }
                    })));
        }
    }

    /**
     * A new instance of the unchecked copy of {@code loopClass}, or null when there is none (the class was
     * not loaded by this engine) or it cannot be defined (its anonymous classes name the original as their
     * outer class, say); the caller then measures the original.
     *
     * @param lookup a full-privilege lookup in {@code loopClass}'s package, as the driver snippet has
     */
    public static TimedLoop of(MethodHandles.Lookup lookup, Class<? extends TimedLoop> loopClass) {
        byte[] bytes = UNCHECKED.remove(loopClass.getName());
        if (bytes == null) {
            return null;
        }
        try {
            Class<?> copy = lookup.defineHiddenClass(bytes, true).lookupClass();
            return (TimedLoop) copy.getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | ClassCastException unusable) {
            return null;
        }
    }

    /** The copy's bytes, still waiting to be taken, or null; for tests. */
    static byte[] peek(String className) {
        return UNCHECKED.get(className);
    }

    private static boolean callsCheckpoint(ClassModel model) {
        return model.methods().stream().flatMap(m -> m.code().stream())
                .anyMatch(code -> code.elementStream().anyMatch(MeasuredCopies::isCheckpoint));
    }

    private static boolean isCheckpoint(Object element) {
        return element instanceof InvokeInstruction call
                && call.owner().asInternalName().equals(LOOP_INTERFACE)
                && call.name().equalsString("checkpoint");
    }
}
