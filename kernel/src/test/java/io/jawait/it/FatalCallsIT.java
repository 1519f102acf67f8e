package io.jawait.it;

import org.junit.jupiter.api.Test;

/**
 * System.exit, Runtime.exit, Runtime.halt, out of memory and stack overflow end only their cell.
 *
 * <p>Drives the packaged kernel with jupyter_client: {@code kernel/src/test/python/test_fatal.py}.
 */
class FatalCallsIT {
    @Test
    void calls_that_would_end_the_jvm_end_only_their_cell() throws Exception {
        JupyterSuite.run(10, "test_fatal");
    }
}
