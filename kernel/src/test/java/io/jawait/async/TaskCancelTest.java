package io.jawait.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A cancelled task must say so: cancelled, not failed, whichever mode ran it. */
class TaskCancelTest {

    private static Task<String> cancelSleeper(Mode mode) throws Exception {
        return Async.run(Async.async(() -> {
            Task<String> t = Async.createTask(Async.async(() -> {
                Async.sleep(5);
                return "woke";
            }));
            Async.sleep(0.05);
            t.cancel();
            try {
                Async.await(t);
            } catch (CancelledError expected) {
                // the awaiting side sees the cancellation, as in asyncio
            }
            return t;
        }), mode);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void a_cancelled_task_reports_cancelled_and_not_failed(Mode mode) throws Exception {
        Task<String> t = cancelSleeper(mode);
        assertTrue(t.cancelled(), t.toString());
        assertEquals("<Task " + t.name() + " cancelled>", t.toString());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void the_result_of_a_cancelled_task_throws_cancelled_error(Mode mode) throws Exception {
        Task<String> t = cancelSleeper(mode);
        assertThrows(CancelledError.class, t::result);
    }
}
