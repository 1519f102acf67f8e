package io.jawait.demo;

import static io.jawait.async.Async.async;
import static io.jawait.async.Async.await;
import static io.jawait.async.Async.gather;
import static io.jawait.async.Async.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.async.Mode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The same cells against a real PostgreSQL: runs when JAWAIT_PG_URL is set, e.g.
 * {@code eval "$(install/postgres.sh start)"; mvn -o test -Dtest=AsyncDbPostgresTest}; otherwise reported as
 * skipped, with the reason. Under {@code install/test.sh} (JAWAIT_REQUIRE_PG=1) a missing server fails it.
 */
class AsyncDbPostgresTest {

    @Test
    void postgres_is_seeded_like_h2_and_pg_sleep_queries_overlap() throws Exception {
        String url = System.getenv(AsyncDb.PG_URL_VARIABLE);
        boolean required = "1".equals(System.getenv("JAWAIT_REQUIRE_PG"));
        String how = "JAWAIT_PG_URL is not set: start a server with eval \"$(install/postgres.sh start)\"";
        // install/test.sh starts one and requires it, so CI never passes this test by skipping it
        assertTrue(url != null && !url.isBlank() || !required, how + " (install/test.sh does this)");
        Assumptions.assumeTrue(url != null && !url.isBlank(), how);
        try (var database = AsyncDb.fromEnv("unused")) {
            assertTrue(database.isPostgres());
            assertEquals("[{id=1, name=Nitin}, {id=2, name=John}, {id=3, name=Ada}]",
                    await(database.fetchAll("SELECT id, name FROM users ORDER BY id")).toString());
            run(async(() -> gather(database.execute("SELECT 1"), database.execute("SELECT 1"))), Mode.LOOP);
            long start = System.nanoTime();
            run(async(() -> gather(database.execute("SELECT pg_sleep(0.5)"), database.execute("SELECT pg_sleep(0.5)"),
                    database.execute("SELECT pg_sleep(0.5)"))), Mode.LOOP);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds >= 0.5 && seconds < 1.3, "3 gathered pg_sleep(0.5) took " + seconds);
        }
    }
}
