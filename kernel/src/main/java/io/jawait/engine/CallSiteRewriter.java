package io.jawait.engine;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;

/**
 * Rewrites call sites in snippet bytecode: the calls that would end the JVM become calls of
 * {@link ExitCalledError}'s throwing twins, and the calls that start threads go through {@link CellThreads}.
 *
 * <p>There is no SecurityManager on JDK 25, so the call sites themselves are changed, as JShell changes
 * snippet bytecode to make {@code stop()} work. Calls through method references or reflection are not
 * seen; they are rare in cells.
 */
final class CallSiteRewriter {
    private static final ClassDesc SYSTEM = ClassDesc.of("java.lang.System");
    private static final ClassDesc RUNTIME = ClassDesc.of("java.lang.Runtime");
    private static final ClassDesc TRAP = ClassDesc.of(ExitCalledError.class.getName());
    private static final MethodTypeDesc INT_TO_VOID = MethodTypeDesc.ofDescriptor("(I)V");
    private static final MethodTypeDesc RUNTIME_INT_TO_VOID = MethodTypeDesc.ofDescriptor("(Ljava/lang/Runtime;I)V");

    private CallSiteRewriter() {}

    static byte[] rewrite(byte[] classBytes) {
        // every call names its method in the constant pool as plain bytes: a class that names none of them is
        // handed on as it is, without a parse and a rebuild of the whole class (most cells)
        if (!mentions(classBytes, "exit") && !mentions(classBytes, "halt") && !mentions(classBytes, "start")) {
            return classBytes;
        }
        var cf = ClassFile.of();
        var model = cf.parse(classBytes);
        CodeTransform swap = (builder, element) -> {
            if (!(element instanceof InvokeInstruction call) || !replace(builder, call)) {
                builder.with(element);
            }
        };
        return cf.transformClass(model, ClassTransform.transformingMethodBodies(swap));
    }

    /** Whether {@code bytes} contain {@code ascii} anywhere: a cheap test that may say yes for nothing. */
    static boolean mentions(byte[] bytes, String ascii) {
        int last = bytes.length - ascii.length();
        outer:
        for (int i = 0; i <= last; i++) {
            for (int j = 0; j < ascii.length(); j++) {
                if (bytes[i + j] != ascii.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean replace(java.lang.classfile.CodeBuilder builder, InvokeInstruction call) {
        String target = exitTarget(call);
        if (target == null) {
            return ThreadStartRewriter.replace(builder, call);
        }
        builder.invokestatic(TRAP, target, target.equals("systemExit") ? INT_TO_VOID : RUNTIME_INT_TO_VOID);
        return true;
    }

    /** The name of the replacement for an exit call, or null when {@code call} is not one. */
    private static String exitTarget(InvokeInstruction call) {
        ClassDesc owner = call.owner().asSymbol();
        String name = call.name().stringValue();
        boolean intArg = call.typeSymbol().equals(INT_TO_VOID);
        if (!intArg) {
            return null;
        }
        if (owner.equals(SYSTEM) && call.opcode() == Opcode.INVOKESTATIC && name.equals("exit")) {
            return "systemExit";
        }
        if (owner.equals(RUNTIME) && call.opcode() == Opcode.INVOKEVIRTUAL) {
            return switch (name) {
                case "exit" -> "runtimeExit";
                case "halt" -> "runtimeHalt";
                default -> null;
            };
        }
        return null;
    }
}
