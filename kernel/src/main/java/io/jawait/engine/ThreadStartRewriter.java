package io.jawait.engine;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;

/**
 * Turns the calls by which snippet code starts a thread into calls of {@link CellThreads}, which tags the
 * thread with its cell before starting it. Threads started inside libraries (a virtual-thread executor, say)
 * are not seen here; platform ones are still reached through the cell's thread groups.
 */
final class ThreadStartRewriter {
    private static final ClassDesc THREAD = ClassDesc.of("java.lang.Thread");
    private static final ClassDesc TRACKER = ClassDesc.of(CellThreads.class.getName());
    private static final MethodTypeDesc VOID = MethodTypeDesc.ofDescriptor("()V");
    private static final MethodTypeDesc RUNNABLE_TO_THREAD =
            MethodTypeDesc.ofDescriptor("(Ljava/lang/Runnable;)Ljava/lang/Thread;");

    private ThreadStartRewriter() {}

    /** Writes the replacement of {@code call} and returns true, or returns false when it starts no thread. */
    static boolean replace(CodeBuilder builder, InvokeInstruction call) {
        String owner = call.owner().asInternalName();
        String name = call.name().stringValue();
        MethodTypeDesc type = call.typeSymbol();
        if (owner.equals("java/lang/Thread") && name.equals("start") && type.equals(VOID)
                && call.opcode() == Opcode.INVOKEVIRTUAL) {
            builder.invokestatic(TRACKER, "start", MethodTypeDesc.of(ClassDesc.ofDescriptor("V"), THREAD));
            return true;
        }
        if (owner.equals("java/lang/Thread") && name.equals("startVirtualThread") && type.equals(RUNNABLE_TO_THREAD)) {
            builder.invokestatic(TRACKER, "startVirtualThread", RUNNABLE_TO_THREAD);
            return true;
        }
        if (owner.startsWith("java/lang/Thread$Builder") && name.equals("start") && type.equals(RUNNABLE_TO_THREAD)
                && call.opcode() == Opcode.INVOKEINTERFACE) {
            builder.invokestatic(TRACKER, "start", MethodTypeDesc.ofDescriptor(
                    "(Ljava/lang/Thread$Builder;Ljava/lang/Runnable;)Ljava/lang/Thread;"));
            return true;
        }
        return false;
    }
}
