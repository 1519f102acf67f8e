package io.jawait.async;

import static io.jawait.async.Async.async;
import static io.jawait.async.Async.await;
import static io.jawait.async.Async.createTask;
import static io.jawait.async.Async.gather;
import static io.jawait.async.Async.gatherReturnExceptions;
import static io.jawait.async.Async.run;
import static io.jawait.async.Async.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * LOOP mode: tasks waiting for one future resume in the order they began waiting, as asyncio schedules a future's
 * done callbacks, and the same on every run. Each test repeats a few rounds: a CompletableFuture on its own wakes
 * its waiters newest first, and a Future adapted per waiter in whatever order their threads return.
 */
class AwaitOrderTest {

    /** The ways a task can wait for one shared future, and who completes it when. */
    enum Shared {
        COMPLETABLE_FUTURE, COMPLETED_BY_A_PLATFORM_THREAD, COMPLETED_WHILE_EVERY_TASK_WAITS, COMPLETION_STAGE,
        PLAIN_FUTURE;

        AsyncCallable<Object> awaiter(CompletableFuture<Integer> cf, FutureTask<Integer> plain) {
            var stage = cf.minimalCompletionStage();
            return switch (this) {
                case COMPLETION_STAGE -> () -> await(stage);
                case PLAIN_FUTURE -> () -> await(plain);
                default -> () -> await(cf);
            };
        }

        void complete(CompletableFuture<Integer> cf, FutureTask<Integer> plain) throws InterruptedException {
            switch (this) {
                case COMPLETED_BY_A_PLATFORM_THREAD -> Thread.ofPlatform().start(() -> cf.complete(1)).join();
                // nobody holds the baton then: the completing thread hands it to the first waiter
                case COMPLETED_WHILE_EVERY_TASK_WAITS -> Thread.ofPlatform().start(() -> {
                    Async.blockingSleep(0.02);
                    cf.complete(1);
                });
                case PLAIN_FUTURE -> plain.run();
                default -> cf.complete(1);
            }
        }
    }

    // asyncio: a future's done callbacks run in the order they were added, and awaiting adds one
    @ParameterizedTest
    @EnumSource(Shared.class)
    void tasks_awaiting_one_future_resume_in_the_order_they_began_waiting(Shared kind) throws Exception {
        for (int round = 0; round < 5; round++) {
            List<String> log = new CopyOnWriteArrayList<>();
            run(async(() -> {
                CompletableFuture<Integer> cf = new CompletableFuture<>();
                FutureTask<Integer> plain = new FutureTask<>(() -> 1);
                AsyncCallable<Object> awaiter = kind.awaiter(cf, plain);
                List<Task<Void>> ts = new ArrayList<>();
                for (String name : List.of("a", "b", "c")) {
                    ts.add(createTask(async(name, () -> {
                        awaiter.call();
                        log.add(name);
                    })));
                }
                sleep(0);
                kind.complete(cf, plain);
                gather(ts);
            }), Mode.LOOP);
            assertEquals(List.of("a", "b", "c"), log, "round " + round);
        }
    }

    @Test
    void tasks_awaiting_one_task_resume_in_the_order_they_began_waiting() throws Exception {
        for (int round = 0; round < 5; round++) {
            List<String> log = new CopyOnWriteArrayList<>();
            run(async(() -> {
                Task<Integer> target = createTask(async("target", () -> {
                    sleep(0.01);
                    return 1;
                }));
                List<Task<Void>> ts = new ArrayList<>();
                for (String name : List.of("a", "b", "c")) {
                    ts.add(createTask(async(name, () -> {
                        await(target);
                        log.add(name);
                    })));
                }
                gather(ts);
            }), Mode.LOOP);
            assertEquals(List.of("a", "b", "c"), log, "round " + round);
        }
    }

    @Test
    void a_waiter_cancelled_before_the_future_completes_is_woken_once_and_the_others_keep_their_order()
            throws Exception {
        for (int round = 0; round < 5; round++) {
            List<String> log = new CopyOnWriteArrayList<>();
            List<Object> outcomes = run(async(() -> {
                CompletableFuture<Integer> cf = new CompletableFuture<>();
                CompletableFuture<Integer> later = new CompletableFuture<>();
                List<Task<Void>> ts = new ArrayList<>();
                for (String name : List.of("a", "b", "c")) {
                    ts.add(createTask(async(name, () -> {
                        try {
                            await(cf);
                            log.add(name);
                        } catch (CancelledError e) {
                            log.add(name + " cancelled");
                            // a second wake-up from cf would resume this wait before `later` completes
                            await(later);
                            log.add(name + " after later");
                            throw e;
                        }
                    })));
                }
                sleep(0);
                ts.get(1).cancel();
                cf.complete(1);
                for (int i = 0; i < 3; i++) {
                    sleep(0);
                }
                log.add("later completes");
                later.complete(2);
                return gatherReturnExceptions(ts);
            }), Mode.LOOP);
            assertEquals(List.of("b cancelled", "a", "c", "later completes", "b after later"), log, "round " + round);
            assertInstanceOf(CancelledError.class, outcomes.get(1));
        }
    }

    @Test
    void a_cancelled_waiter_that_awaits_the_same_future_again_takes_its_turn_after_the_others() throws Exception {
        for (int round = 0; round < 5; round++) {
            List<String> log = new CopyOnWriteArrayList<>();
            run(async(() -> {
                CompletableFuture<Integer> cf = new CompletableFuture<>();
                List<Task<Void>> ts = new ArrayList<>();
                for (String name : List.of("a", "b", "c")) {
                    ts.add(createTask(async(name, () -> {
                        try {
                            await(cf);
                            log.add(name);
                        } catch (CancelledError e) {
                            log.add(name + " cancelled");
                            await(cf);
                            log.add(name + " again");
                        }
                    })));
                }
                sleep(0);
                ts.get(1).cancel();
                // b waits again, behind c
                sleep(0);
                cf.complete(1);
                gather(ts);
            }), Mode.LOOP);
            assertEquals(List.of("b cancelled", "a", "c", "b again"), log, "round " + round);
        }
    }

    @Test
    void thousands_of_waiters_most_of_them_cancelled_resume_in_order_and_leave_nothing_behind() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        int[] awaited = new int[2];
        run(async(() -> {
            CompletableFuture<Integer> cf = new CompletableFuture<>();
            CompletableFuture<Integer> never = new CompletableFuture<>();
            List<Task<Void>> ts = new ArrayList<>();
            List<Task<Integer>> idle = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                int n = i;
                ts.add(createTask(async(() -> {
                    await(cf);
                    order.add(n);
                })));
                idle.add(createTask(async(() -> await(never))));
            }
            sleep(0);
            Baton baton = Loop.current().baton;
            awaited[0] = baton.awaited();
            idle.forEach(Task::cancel);
            for (int i = 0; i < ts.size(); i++) {
                if (i % 3 != 0) {
                    ts.get(i).cancel();
                }
            }
            cf.complete(1);
            gatherReturnExceptions(ts);
            gatherReturnExceptions(idle);
            awaited[1] = baton.awaited();
        }), Mode.LOOP);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 10_000; i += 3) {
            expected.add(i);
        }
        assertEquals(expected, order);
        assertEquals(2, awaited[0], "futures awaited before");
        assertEquals(0, awaited[1], "futures still awaited after");
    }

    // asyncio gather raises the first failure in the order the children ran, and they ran in the order they waited
    @Test
    void gather_raises_the_failure_of_the_child_that_began_waiting_first() throws Exception {
        for (int round = 0; round < 5; round++) {
            var e = assertThrows(IllegalStateException.class, () -> run(async(() -> {
                CompletableFuture<Integer> cf = new CompletableFuture<>();
                List<Coro<Void>> children = new ArrayList<>();
                for (String name : List.of("a", "b", "c")) {
                    children.add(async(name, () -> {
                        await(cf);
                        throw new IllegalStateException(name);
                    }));
                }
                children.add(async("completer", () -> {
                    sleep(0);
                    cf.complete(1);
                }));
                gather(children);
            }), Mode.LOOP));
            assertEquals("a", e.getMessage(), "round " + round);
        }
    }
}
