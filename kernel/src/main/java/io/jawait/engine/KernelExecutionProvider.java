package io.jawait.engine;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell our {@link KernelExecutionControl}, bound to the interpreter's {@link SnippetRuns}. */
final class KernelExecutionProvider implements ExecutionControlProvider {
    private final SnippetRuns runs;
    private final ReplClasses replClasses;
    private volatile KernelExecutionControl generated;

    KernelExecutionProvider(SnippetRuns runs) {
        this(runs, new ReplClasses());
    }

    /** With {@code replClasses} noting every snippet class the control loads. */
    KernelExecutionProvider(SnippetRuns runs, ReplClasses replClasses) {
        this.runs = runs;
        this.replClasses = replClasses;
    }

    @Override
    public String name() {
        return "jawait";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        var control = new KernelExecutionControl(runs, replClasses);
        generated = control;
        return control;
    }

    /** The control JShell last asked for; null before JShell is built. */
    KernelExecutionControl generated() {
        return generated;
    }
}
