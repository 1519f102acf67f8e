package io.jawait.engine;

import io.jawait.timing.ResourceSnapshot;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
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
 * <p>Snippets are called here, not by JShell's invoke, which this otherwise follows (a new thread in a new thread
 * group per call, JShell's stop flag lowered as it starts), for two reasons. JShell's group drops every uncaught
 * exception but its own, so a thread the cell started, or a pool worker, died silently; here it is reported on the
 * cell's stderr as the JVM reports it ({@link CallGroup}). And JShell joins every thread of the group it can list
 * just after the snippet thread starts, so a thread the snippet started in that instant was waited for too, past
 * any interrupt; here only the snippet thread is joined.
 */
final class KernelExecutionControl extends LocalExecutionControl {

    /** What one invoke produced. */
    static final class Invocation {
        final Method doit;
        final KernelExecutionControl control;
        final boolean checked;
        volatile Object value;
        volatile Throwable thrown;
        volatile String text;
        volatile long nanos;
        volatile ThreadGroup group;
        final boolean measured;
        final boolean textWanted;
        volatile ResourceSnapshot before;
        volatile ResourceSnapshot after;

        Invocation(Method doit, KernelExecutionControl control, boolean measured) {
            this.doit = doit;
            this.control = control;
            this.measured = measured;
            this.textWanted = control.runs.textWanted();
            this.checked = !doit.getDeclaringClass().getName().equals(control.unchecked);
        }
    }

    private static final Method NOTHING;
    private static final String CANCEL_CLASS = "REPL.$Cancel$";

    static {
        try {
            NOTHING = KernelExecutionControl.class.getMethod("nothing");
            // JShell's module calls it; the class is not public, so grant access here
            NOTHING.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SnippetRuns runs;
    private final ReplClasses replClasses;
    private final PlainLoading loading;
    /** The class {@link #loadWithoutStopChecks} loaded last: its method has no stop check at its start. */
    private volatile String unchecked;
    /** JShell's stop flag, {@code REPL.$Cancel$.allStop}, once the first call has defined it. */
    private volatile Field stopFlag;
    /** The thread group of the latest call, whose threads {@link #stop} interrupts. */
    private volatile ThreadGroup latestGroup;
    /** How a thread of cell code that died of an exception is reported, or null for the JVM's own words. */
    private volatile ThreadFailures failures;

    KernelExecutionControl(SnippetRuns runs, ReplClasses replClasses) {
        this(runs, replClasses, new PlainLoading());
    }

    private KernelExecutionControl(SnippetRuns runs, ReplClasses replClasses, PlainLoading loading) {
        super(loading);
        this.runs = runs;
        this.replClasses = replClasses;
        this.loading = loading;
    }

    /** From now on, threads of cell code that die of an exception are reported in the words of {@code failures}. */
    void reportFailures(ThreadFailures failures) {
        this.failures = failures;
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
     * when the cell has no code left to run. The next snippet call lowers it as it starts.
     */
    void raiseStop() {
        Field flag = stopFlag;
        if (flag == null) {
            return; // no snippet has run in this JShell yet: there is no flag, and no snippet thread to stop
        }
        try {
            flag.setBoolean(null, true);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("JShell's stop flag is public", e);
        }
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Field flag = stopFlag;
        if (flag == null) {
            // JShell's first call defines the class its stop checks call (REPL.$Cancel$, the flag's owner): let it
            // make that call, with nothing to run, and make every later one here
            super.invoke(NOTHING);
            flag = findClass(CANCEL_CLASS).getField("allStop");
            stopFlag = flag;
        }
        List<ThreadGroup> stopped = runs.takeStopped();
        if (!stopped.isEmpty()) {
            // the flag is still up: an interrupted cell's busy threads get their moment to see it first
            List<Thread> unstopped = StoppedThreads.settle(stopped);
            if (!unstopped.isEmpty()) {
                // the engine thread writes to the cell now starting: that is where the user looks next
                System.err.println(StoppedThreads.warning(unstopped));
            }
        }
        flag.setBoolean(null, false);
        var call = new Invocation(doitMethod, this, runs.measuring());
        var group = new CallGroup(this);
        call.group = group;
        latestGroup = group;
        runs.running(call);
        Thread snippetThread = new Thread(group, () -> call.thrown = runSnippet(call));
        try {
            snippetThread.start();
            snippetThread.join();
        } finally {
            runs.record(call);
        }
        if (call.thrown instanceof ThreadDeath) {
            throw new StoppedException();
        }
        if (call.thrown != null) {
            throw new InvocationTargetException(call.thrown);
        }
        return call.text;
    }

    /**
     * Raises the stop flag, so snippet code in every thread throws at its next stop check, and interrupts the
     * threads of the latest call's group: as JShell's own stop, for the groups this class makes.
     */
    @Override
    public void stop() {
        raiseStop();
        ThreadGroup group = latestGroup;
        if (group != null) {
            interruptAll(group);
        }
    }

    /** Interrupts every thread of {@code group} and of the groups within it. */
    static void interruptAll(ThreadGroup group) {
        Thread[] threads = new Thread[group.activeCount() + 8];
        int n = group.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            threads[i].interrupt();
        }
    }

    /** Does nothing: what JShell's first call runs (see {@link #invoke}). Public only for JShell to call it. */
    public static void nothing() {
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
     * Runs the snippet method of {@code call} on the snippet thread, which takes over the half-written character
     * the cell's previous snippet thread left (see {@link StdStreams#snippetEnded}).
     *
     * @return what the snippet threw, or null
     */
    private static Throwable runSnippet(Invocation call) {
        try {
            if (call.control.runs.stopRequested()) {
                // the interrupt came while this snippet compiled: stop as if it had landed on the first
                // instruction, which also stops every snippet thread the cell started
                call.control.stop();
                if (!call.checked) {
                    // the snippet's method lacks the check at its start that would end it now: run JShell's own
                    stopCheck(call.control);
                }
            }
            StdStreams.snippetStarting();
            try {
                timed(call);
                // JShell's text of the value, made here and not by the caller: a toString that throws fails the
                // cell as the snippet's own exception would, and one that loops can be interrupted
                call.text = call.textWanted ? valueString(call.value) : "";
            } finally {
                StdStreams.snippetEnded();
            }
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    /** Calls the snippet's method, timing it (and measuring resources when {@code %time} asks). */
    private static Object timed(Invocation call) throws Throwable {
        MethodHandle entry = entry(call.doit);
        if (call.measured) {
            call.before = ResourceSnapshot.take();
        }
        long start = System.nanoTime();
        try {
            Object value = entry.invokeExact();
            call.value = value;
            return value;
        } finally {
            call.nanos = System.nanoTime() - start;
            if (call.measured) {
                call.after = ResourceSnapshot.takeEnd();
            }
        }
    }

    /**
     * The snippet's method as a handle, its class linked and initialized, so that the clock then times the
     * snippet's own code: a first {@code Method.invoke} builds its accessor, and a first call links the class
     * (verifying its bytecode) and initializes it. Timed with them, {@code %time a + 1} read 80-150 us.
     */
    private static MethodHandle entry(Method doit) throws ReflectiveOperationException {
        Class<?> owner = doit.getDeclaringClass();
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
        lookup.ensureInitialized(owner);
        return lookup.unreflect(doit).asType(MethodType.methodType(Object.class));
    }

    /**
     * The thread group of one snippet call: the snippet thread and every platform thread born of it (pool workers
     * too) belong to it, and {@link CellThreads} hands it to the virtual threads cell code starts as their handler.
     * A thread that dies of an exception is reported on the stderr of the cell that started it, as the JVM
     * reports one but with the cell's lines (see {@link ThreadFailures}), or to the default handler when the cell
     * set one; a thread ended by an interrupt's stop check ends quietly: its cell reports the interrupt.
     */
    static final class CallGroup extends ThreadGroup {
        private final KernelExecutionControl control;

        CallGroup(KernelExecutionControl control) {
            super("jawait cell");
            this.control = control;
        }

        @Override
        public void uncaughtException(Thread thread, Throwable e) {
            if (e instanceof ThreadDeath) {
                return;
            }
            ThreadFailures failures = control.failures;
            if (failures != null && Thread.getDefaultUncaughtExceptionHandler() == null) {
                String report;
                try {
                    report = failures.describe(thread, e);
                } catch (RuntimeException cannot) {
                    report = null; // JShell could not translate it: the JVM's own words below still tell
                }
                if (report != null) {
                    System.err.println(report);
                    return;
                }
            }
            super.uncaughtException(thread, e);
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
