package io.jawait.async;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

/**
 * asyncio's vocabulary for Java: {@code async}, {@code await}, {@code run}, {@code gather}, {@code sleep} and
 * friends, as static methods meant for {@code import static io.jawait.async.Async.*}.
 *
 * {@snippet :
 * import static io.jawait.async.Async.*;
 *
 * Coro<String> work(int n) {                     // async def work(n):
 *     return async(() -> {
 *         sleep(1);                              //     await asyncio.sleep(1)
 *         return "job " + n;                     //     return f"job {n}"
 *     });
 * }
 * List<String> results = run(async(() -> gather(work(1), work(2), work(3))));  // about 1 s, not 3
 * }
 *
 * <p><b>Modes.</b> A run is {@link Mode#VIRTUAL} (every task a virtual thread) unless {@link #mode(Mode)}
 * or {@link #run(Coro, Mode)} says {@link Mode#LOOP} (one task at a time, like asyncio's loop).
 *
 * <p><b>Cancellation.</b> Cancelling a task delivers a {@link CancelledError} at its next suspension point
 * ({@code sleep}, {@code await}, {@code gather}, ...). {@code run} cancels every task still running when its
 * main coroutine ends, and {@link #cancelAllRuns()} is what a kernel interrupt calls.
 *
 * <p><b>Exceptions.</b> {@code await} and {@code run} rethrow a task's own exception, never a wrapper.
 * Helpers that need a run ({@link #createTask}, {@link #currentTask}, {@link #asCompleted},
 * {@link #taskGroup}) throw {@code IllegalStateException("no running event loop")} outside one; the others
 * start a run of their own, as IPython's autoawait does.
 *
 * <p><b>Threads.</b> Every method may be called from any thread; inside a run, the calling task is the one
 * that suspends.
 */
public final class Async {
    private static volatile Mode defaultMode = Mode.VIRTUAL;

    private Async() {
    }

    /** Sets the mode of later runs that do not name one (the kernel's {@code %async_mode}). */
    public static void mode(Mode mode) {
        defaultMode = java.util.Objects.requireNonNull(mode, "mode");
    }

    /** The mode of runs that do not name one; {@link Mode#VIRTUAL} unless changed. */
    public static Mode mode() {
        return defaultMode;
    }

    /** A lazy coroutine returning the body's value, named after the calling method: {@code async def}. */
    public static <T> Coro<T> async(AsyncCallable<T> body) {
        return new Coro<>(Names.of(java.util.Objects.requireNonNull(body, "body")), body);
    }

    /** A lazy coroutine running the body, named after the calling method: {@code async def} without return. */
    public static Coro<Void> async(AsyncRunnable body) {
        return new Coro<>(Names.of(java.util.Objects.requireNonNull(body, "body")), body);
    }

    /** A lazy coroutine with the given name, shown in timelines and warnings. */
    public static <T> Coro<T> async(String name, AsyncCallable<T> body) {
        return new Coro<>(name, java.util.Objects.requireNonNull(body, "body"));
    }

    /** A lazy coroutine with the given name that runs the body. */
    public static Coro<Void> async(String name, AsyncRunnable body) {
        return new Coro<>(name, java.util.Objects.requireNonNull(body, "body"));
    }

    /**
     * Runs {@code main} in a fresh run of the default mode and returns its value: {@code asyncio.run}.
     *
     * @throws IllegalStateException if called from inside a run
     * @throws Exception whatever {@code main} throws, unwrapped
     */
    public static <T> T run(Coro<T> main) throws Exception {
        return run(main, defaultMode);
    }

    /**
     * Runs {@code main} in a fresh run of the given mode and returns its value; when it ends, cancels the
     * tasks left running and reports coroutines never awaited and task failures nobody retrieved.
     *
     * @throws IllegalStateException if called from inside a run
     * @throws Exception whatever {@code main} throws, unwrapped
     */
    public static <T> T run(Coro<T> main, Mode mode) throws Exception {
        java.util.Objects.requireNonNull(main, "main");
        if (Loop.current() != null) {
            throw new IllegalStateException("run() cannot be called from a running event loop");
        }
        return new Loop(java.util.Objects.requireNonNull(mode, "mode")).run(main);
    }

    /**
     * Awaits a coroutine (its body runs here, in the awaiting task) or a task (suspends until it is done).
     * Cancelling the awaiting task while it waits for a task cancels that task too, as in asyncio, and waits
     * for it to finish before the {@link CancelledError} goes on. In LOOP mode the tasks awaiting one task resume
     * in the order they began waiting, as asyncio schedules a task's done callbacks.
     *
     * @throws IllegalStateException if the coroutine was already awaited
     * @throws CancelledError if the awaiting task is cancelled, or the awaited task was
     * @throws Exception whatever the awaited code throws, unwrapped
     */
    public static <T> T await(Awaitable<T> awaitable) throws Exception {
        if (awaitable instanceof Task<T> t) {
            // as in asyncio, cancelling the task that awaits cancels the awaited one, and the awaiting task's
            // CancelledError comes once that one has finished its cleanup
            Suspend.await(t.future(), () -> {
                t.cancel();
                Suspend.await(t.future(), () -> { });
            });
            t.markRetrieved();
            return Suspend.outcome(t.future());
        }
        Coro<T> c = (Coro<T>) awaitable;
        if (Loop.current() == null) {
            return run(c);
        }
        c.claim();
        return c.call();
    }

    /**
     * Awaits a Java future, suspending the current task. In LOOP mode the tasks awaiting one future resume in the
     * order they began waiting, as in asyncio, although the future itself runs its dependent actions newest first.
     *
     * @throws CancelledError if the awaiting task is cancelled
     * @throws Exception the future's own failure, unwrapped from {@code CompletionException}
     */
    public static <T> T await(CompletableFuture<T> future) throws Exception {
        return Suspend.value(future);
    }

    /**
     * Awaits a completion stage, suspending the current task. In LOOP mode the tasks awaiting one stage resume in
     * the order they began waiting, as in asyncio.
     *
     * @throws Exception the stage's own failure, unwrapped
     */
    public static <T> T await(CompletionStage<T> stage) throws Exception {
        return Suspend.value(stage, CompletionStage::toCompletableFuture);
    }

    /**
     * Awaits any {@link Future}, suspending the current task (a virtual thread blocks on it meanwhile). In LOOP
     * mode the tasks awaiting one future resume in the order they began waiting, as in asyncio, and share that
     * one thread.
     *
     * @throws Exception the future's own failure, unwrapped from {@code ExecutionException}
     */
    public static <T> T await(Future<T> future) throws Exception {
        return Suspend.value(future, Suspend::adapt);
    }

    /**
     * Schedules a coroutine as a task of the current run: {@code asyncio.create_task}. In LOOP mode it first
     * runs at its creator's next suspension; in VIRTUAL mode it starts at once.
     *
     * @throws IllegalStateException outside a run, or if the coroutine was already used
     */
    public static <T> Task<T> createTask(Coro<T> coro) {
        return Gathering.requireLoop().spawn(coro, coro.name());
    }

    /** Schedules a coroutine as a task with the given name. */
    public static <T> Task<T> createTask(Coro<T> coro, String name) {
        return Gathering.requireLoop().spawn(coro, name);
    }

    /**
     * Runs the coroutines concurrently and returns their results in argument order: {@code asyncio.gather}.
     * The first failure is thrown as is; the others keep running until the run ends. Cancelling the task that
     * waits in {@code gather} cancels the coroutines, and its {@link CancelledError} comes once they have finished.
     *
     * @throws Exception the first failure among them, unwrapped
     */
    @SafeVarargs
    public static <T> List<T> gather(Awaitable<? extends T>... awaitables) throws Exception {
        return gather(Arrays.asList(awaitables));
    }

    /** {@link #gather(Awaitable[])} for a collection. */
    public static <T> List<T> gather(Collection<? extends Awaitable<? extends T>> awaitables) throws Exception {
        if (Loop.current() == null) {
            return run(async("gather", () -> gather(awaitables)));
        }
        return Gathering.gather(awaitables, false);
    }

    /** {@code gather(..., return_exceptions=True)}: failures appear as list elements. */
    @SafeVarargs
    public static List<Object> gatherReturnExceptions(Awaitable<?>... awaitables) throws Exception {
        return gatherReturnExceptions(Arrays.asList(awaitables));
    }

    /** {@link #gatherReturnExceptions(Awaitable[])} for a collection. */
    public static List<Object> gatherReturnExceptions(Collection<? extends Awaitable<?>> awaitables)
            throws Exception {
        if (Loop.current() == null) {
            return run(async("gather", () -> gatherReturnExceptions(awaitables)));
        }
        return Gathering.gather(awaitables, true);
    }

    /**
     * Suspends the current task for {@code seconds}: {@code asyncio.sleep}. {@code sleep(0)} lets the other
     * ready tasks run first. Outside a run it simply sleeps.
     *
     * @throws IllegalArgumentException if seconds is negative or not finite
     * @throws CancelledError if the task is cancelled meanwhile
     */
    public static void sleep(double seconds) {
        Sleeping.sleep(seconds);
    }

    /** {@link #sleep(double)} for a duration. */
    public static void sleep(Duration duration) {
        Sleeping.sleep(duration.toNanos() / 1e9);
    }

    /**
     * Blocks the current thread for {@code seconds} without suspending: {@code time.sleep}. In LOOP mode every
     * other task waits too.
     *
     * @throws CancelledError if the thread is interrupted (in VIRTUAL mode, cancelling the task does that)
     */
    public static void blockingSleep(double seconds) {
        Sleeping.blockingSleep(seconds);
    }


    /**
     * Awaits {@code awaitable} for at most {@code seconds}: {@code asyncio.wait_for}. On timeout the inner task
     * is cancelled, its end awaited, then {@link TimeoutError} is thrown; so is it, before the {@link
     * CancelledError} goes on, when the waiting task is cancelled.
     *
     * @throws TimeoutError if the time ran out
     * @throws IllegalArgumentException if seconds is negative or not finite
     * @throws Exception whatever the awaited code throws, unwrapped
     */
    public static <T> T waitFor(Awaitable<T> awaitable, double seconds) throws Exception {
        Timers.nanos(seconds);
        if (Loop.current() == null) {
            return run(async("waitFor", () -> waitFor(awaitable, seconds)));
        }
        return Gathering.waitFor(awaitable, seconds);
    }

    /**
     * Runs {@code body} in the current task, cancelling it if it takes longer than {@code seconds}:
     * {@code async with asyncio.timeout(s)}. A lambda rather than try-with-resources, because {@code close()}
     * cannot replace the body's {@link CancelledError} with a {@link TimeoutError}.
     *
     * @throws TimeoutError if the time ran out
     * @throws Exception whatever the body throws
     */
    public static <T> T withTimeout(double seconds, AsyncCallable<T> body) throws Exception {
        Timers.nanos(seconds);
        if (Loop.current() == null) {
            return run(async("withTimeout", () -> withTimeout(seconds, body)));
        }
        return Sleeping.withTimeout(seconds, body);
    }

    /**
     * The tasks in the order they finish: {@code asyncio.as_completed}. The iterator's {@code next()}
     * suspends until the next one has finished; {@code await} it or call {@code result()} for its value.
     *
     * @throws IllegalStateException outside a run
     */
    public static <T> Iterable<Task<T>> asCompleted(Collection<? extends Awaitable<? extends T>> awaitables) {
        Gathering.requireLoop();
        return Gathering.asCompleted(awaitables);
    }

    /**
     * Runs blocking {@code fn} on a platform thread and suspends until it returns: {@code asyncio.to_thread}.
     * The pool has {@code min(32, cores + 4)} threads. Cancelling the waiting task does not stop {@code fn}.
     *
     * @throws Exception whatever {@code fn} throws
     */
    public static <T> T toThread(AsyncCallable<T> fn) throws Exception {
        return Suspend.value(Pools.submit(Pools.TO_THREAD, fn));
    }

    /**
     * {@link #toThread} on a pool of 40 threads, the limit of Starlette's {@code run_in_threadpool}.
     *
     * @throws Exception whatever {@code fn} throws
     */
    public static <T> T runInThreadpool(AsyncCallable<T> fn) throws Exception {
        return Suspend.value(Pools.submit(Pools.THREADPOOL, fn));
    }

    /**
     * A task group for try-with-resources: {@code async with asyncio.TaskGroup() as tg}.
     *
     * @throws IllegalStateException outside a run
     */
    public static TaskGroup taskGroup() {
        return new TaskGroup(Gathering.requireLoop());
    }

    /**
     * Runs {@code body} with a new task group, then waits for the group's tasks: {@code async with
     * asyncio.TaskGroup() as tg:} with the block as a lambda. Unlike the try-with-resources form, an exception
     * the body throws is seen: it cancels the group's tasks, and once they have ended it comes last in the
     * {@link ExceptionGroup}, after their failures.
     *
     * @throws ExceptionGroup if the body or any task failed
     * @throws CancelledError if the waiting task was cancelled, or the body threw it and no task failed
     * @throws IllegalStateException outside a run
     */
    public static void taskGroup(TaskGroup.Body body) {
        new TaskGroup(Gathering.requireLoop()).run(body);
    }

    /**
     * A semaphore whose {@code acquire} suspends the task: {@code asyncio.Semaphore(permits)}.
     *
     * @throws IllegalArgumentException if permits is negative
     */
    public static AsyncSemaphore semaphore(int permits) {
        return new AsyncSemaphore(permits);
    }

    /**
     * The task running this code: {@code asyncio.current_task()}.
     *
     * @throws IllegalStateException outside a run
     */
    public static Task<?> currentTask() {
        Gathering.requireLoop();
        return Loop.currentTask();
    }

    /**
     * The unfinished tasks of the current run: {@code asyncio.all_tasks()}.
     *
     * @throws IllegalStateException outside a run
     */
    public static List<Task<?>> allTasks() {
        return Gathering.requireLoop().pending();
    }

    /**
     * Prints every switch of the LOOP runs that start from now on ({@code [loop +1.001] resume work-1}), until
     * {@code trace(false)}: the loop's order, made visible. A VIRTUAL run prints one line saying it has no loop.
     */
    public static void trace(boolean on) {
        Tracer.enable(on);
    }

    /** The lines of the last traced LOOP run without their clock ({@code work-1 suspends in sleep(1.0)}). */
    public static List<String> lastTrace() {
        return Tracer.last();
    }

    /** The timeline of the last finished run, or an empty one if none has finished. */
    public static Timeline timeline() {
        Timeline t = LastRun.timeline();
        return t == null ? Timeline.EMPTY : t;
    }

    /**
     * The counters of the last finished run.
     *
     * @throws IllegalStateException if no run has finished yet
     */
    public static RunStats lastRunStats() {
        RunStats s = LastRun.stats();
        if (s == null) {
            throw new IllegalStateException("no run has finished yet");
        }
        return s;
    }

    /**
     * Cancels the main task of every run in progress, so each run's exit cancels all its tasks; the kernel
     * calls this on interrupt. In LOOP mode the running task's thread is also interrupted.
     *
     * @return how many main tasks were cancelled
     */
    public static int cancelAllRuns() {
        return Loop.cancelAll();
    }

    static RuntimeException sneaky(Throwable t) {
        return Async.<RuntimeException>sneaky0(t);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky0(Throwable t) throws E {
        throw (E) t;
    }
}
