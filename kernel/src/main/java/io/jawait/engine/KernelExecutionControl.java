package io.jawait.engine;

import io.jawait.timing.ResourceSnapshot;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * JShell's local engine with five additions: exit and thread-start calls in snippets are rewritten (see
 * {@link CallSiteRewriter}), {@code %timeit}'s loop classes are also kept without JShell's stop checks (see
 * {@link MeasuredCopies}), a class with no code a stop check could serve is loaded without them ({@link
 * #loadWithoutStopChecks}), the raw value
 * of each snippet is kept (so rich values can be displayed), and the time spent running snippet code is
 * measured apart from compilation, with the JVM's resources too while {@code %time} asks for them.
 *
 * <p>The snippet's own method is called through {@link #trampoline()} so that JShell's invoke (its thread
 * group, its stop flag) stays in charge while we still see the returned object.
 */
final class KernelExecutionControl extends LocalExecutionControl {

    /** What one invoke produced; inherited by the snippet thread JShell creates for the call. */
    static final class Invocation {
        final Method doit;
        final KernelExecutionControl control;
        final Thread caller = Thread.currentThread();
        final boolean checked;
        volatile Object value;
        volatile long nanos;
        volatile ThreadGroup group;
        final boolean measured;
        volatile ResourceSnapshot before;
        volatile ResourceSnapshot after;

        Invocation(Method doit, KernelExecutionControl control, boolean measured) {
            this.doit = doit;
            this.control = control;
            this.measured = measured;
            this.checked = !doit.getDeclaringClass().getName().equals(control.unchecked);
        }
    }

    private static final InheritableThreadLocal<Invocation> PENDING = new InheritableThreadLocal<>();
    private static final Method TRAMPOLINE;
    private static final String CANCEL_CLASS = "REPL.$Cancel$";
    private static final long JOIN_WAIT_NANOS = 2_000_000_000L;

    static {
        try {
            TRAMPOLINE = KernelExecutionControl.class.getMethod("trampoline");
            // JShell's module calls it; the class is not public, so grant access here
            TRAMPOLINE.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SnippetRuns runs;
    private final ReplClasses replClasses;
    private final PlainLoading loading;
    /** The class {@link #loadWithoutStopChecks} loaded last: its method has no stop check at its start. */
    private volatile String unchecked;

    KernelExecutionControl(SnippetRuns runs, ReplClasses replClasses) {
        this(runs, replClasses, new PlainLoading());
    }

    private KernelExecutionControl(SnippetRuns runs, ReplClasses replClasses, PlainLoading loading) {
        super(loading);
        this.runs = runs;
        this.replClasses = replClasses;
        this.loading = loading;
    }

    /** The snippet classes loaded so far, for {@link FastExpressions}. */
    ReplClasses replClasses() {
        return replClasses;
    }

    @Override
    public void load(ClassBytecodes[] cbcs)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        ClassBytecodes[] rewritten = Stream.of(cbcs)
                .map(c -> new ClassBytecodes(c.name(), CallSiteRewriter.rewrite(c.bytecodes())))
                .toArray(ClassBytecodes[]::new);
        for (ClassBytecodes c : rewritten) {
            MeasuredCopies.remember(c.name(), c.bytecodes());
        }
        super.load(rewritten);
        for (ClassBytecodes c : rewritten) {
            replClasses.loaded(c.name(), c.bytecodes());
        }
    }

    /**
     * Loads {@code cbcs}, the one class of a cell's expression, as {@link #load} does but without JShell's stop
     * checks, a call woven in at the start of every method and before every backward branch. The caller vouches
     * that the class has one method and no loop, so that no check but the first could ever run; that one only
     * matters when a stop came before the method starts, and {@link #trampoline} then stops the call itself. The
     * weaving parses and rebuilds the class: 7% of the engine thread's time on trivial cells (JFR, 1,000 cells of
     * {@code 1+1}).
     */
    void loadWithoutStopChecks(ClassBytecodes[] cbcs)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        if (cbcs.length != 1) {
            throw new IllegalArgumentException("one class expected, got " + cbcs.length);
        }
        ClassBytecodes c = cbcs[0];
        loading.load(new ClassBytecodes[] {new ClassBytecodes(c.name(), CallSiteRewriter.rewrite(c.bytecodes()))});
        unchecked = c.name();
    }

    /**
     * The field holding a variable of the session: the static field {@code name} of its wrapper class, opened, as
     * JShell's own {@code varValue} opens it, since the class is not public.
     */
    Field variable(String wrapperClass, String name) throws ReflectiveOperationException {
        Field field = findClass(wrapperClass).getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    /**
     * Raises JShell's stop flag ({@code REPL.$Cancel$.allStop}) even while no snippet runs, when JShell's own
     * stop does nothing: threads the cell started that spin in snippet code reach a stop check and end, also
     * when the cell has no code left to run. JShell lowers the flag as the next snippet call starts.
     */
    void raiseStop() {
        try {
            findClass(CANCEL_CLASS).getField("allStop").setBoolean(null, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // no snippet has run in this JShell yet: there is no flag, and no snippet thread to stop
        }
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        // JShell lowers its stop flag as this call starts: an interrupted cell's busy threads see it first
        List<ThreadGroup> stopped = runs.takeStopped();
        if (!stopped.isEmpty()) {
            List<Thread> unstopped = StoppedThreads.settle(stopped);
            if (!unstopped.isEmpty()) {
                // the engine thread writes to the cell now starting: that is where the user looks next
                System.err.println(StoppedThreads.warning(unstopped));
            }
        }
        var call = new Invocation(doitMethod, this, runs.measuring());
        runs.running(call);
        PENDING.set(call);
        try {
            return super.invoke(TRAMPOLINE);
        } finally {
            PENDING.remove();
            runs.record(call);
        }
    }

    /**
     * Waits, on the snippet thread, until the thread that called JShell's invoke has gone on to join it. JShell
     * starts the snippet thread, then lists the threads of its new thread group and joins every one listed. A
     * thread the snippet starts before that listing is taken (the caller was slow to run: two busy cores) is
     * joined too, and the cell then waits for it to end, past any interrupt: in {@code InterruptTest}, whose cells
     * start threads that sleep for a minute, 1 run in 3 hung that way under two 70% busy loops, and CI saw it
     * once. The caller is in {@code Thread.join}, so waiting, only after the listing; it gets there within
     * microseconds unless descheduled, and the wait gives up after {@link #JOIN_WAIT_NANOS} rather than hang.
     */
    private static void awaitCallerJoining(Thread caller) {
        long deadline = System.nanoTime() + JOIN_WAIT_NANOS;
        for (int spins = 0; caller.getState() != Thread.State.WAITING && System.nanoTime() < deadline; spins++) {
            if (spins < 100) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(20_000);
            }
        }
    }

    /** Runs JShell's stop check, which throws what JShell takes for a stopped snippet while its flag is up. */
    private static void stopCheck(KernelExecutionControl control) throws Throwable {
        try {
            control.findClass(CANCEL_CLASS).getMethod("stopCheck").invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Runs the pending snippet method on JShell's snippet thread, which takes over the half-written character
     * the cell's previous snippet thread left (see {@link StdStreams#snippetEnded}). Public only because JShell
     * calls it reflectively; it rethrows the snippet's own exception so JShell sees it unwrapped.
     */
    public static Object trampoline() throws Throwable {
        Invocation call = PENDING.get();
        awaitCallerJoining(call.caller);
        call.group = Thread.currentThread().getThreadGroup();
        if (call.control.runs.stopRequested()) {
            // the interrupt came while this snippet compiled: stop as if it had landed on the first instruction,
            // which also stops every snippet thread the cell started
            call.control.stop();
            if (!call.checked) {
                // the snippet's method lacks the check at its start that would end it now: run JShell's own
                stopCheck(call.control);
            }
        }
        StdStreams.snippetStarting();
        try {
            return timed(call);
        } finally {
            StdStreams.snippetEnded();
        }
    }

    /** Calls the snippet's method, timing it (and measuring resources when {@code %time} asks). */
    private static Object timed(Invocation call) throws Throwable {
        if (call.measured) {
            call.before = ResourceSnapshot.take();
        }
        long start = System.nanoTime();
        try {
            Object value = call.doit.invoke(null);
            call.value = value;
            return value;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            call.nanos = System.nanoTime() - start;
            if (call.measured) {
                call.after = ResourceSnapshot.takeEnd();
            }
        }
    }

    /**
     * JShell's default class loading, reached through a {@link DirectExecutionControl}, which loads as it is told;
     * {@link LocalExecutionControl} weaves its stop checks in before it hands classes on to this.
     */
    private static final class PlainLoading implements LoaderDelegate {
        private final Direct direct = new Direct();

        @Override
        public void load(ClassBytecodes[] cbcs)
                throws ClassInstallException, NotImplementedException, EngineTerminationException {
            direct.load(cbcs);
        }

        @Override
        public void classesRedefined(ClassBytecodes[] cbcs) {
            try {
                direct.classesRedefined(cbcs);
            } catch (ExecutionControlException e) {
                // the default delegate declares nothing it could throw
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void addToClasspath(String path) throws EngineTerminationException, InternalException {
            direct.addToClasspath(path);
        }

        @Override
        public Class<?> findClass(String name) throws ClassNotFoundException {
            return direct.findClass(name);
        }
    }

    /** Opens the protected loading methods of {@link DirectExecutionControl} to {@link PlainLoading}. */
    private static final class Direct extends DirectExecutionControl {
        @Override
        protected void classesRedefined(ClassBytecodes[] cbcs) throws NotImplementedException,
                EngineTerminationException {
            super.classesRedefined(cbcs);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            return super.findClass(name);
        }
    }
}
