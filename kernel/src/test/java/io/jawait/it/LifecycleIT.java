package io.jawait.it;

import org.junit.jupiter.api.Test;

/**
 * kernel_info, history, stop_on_error, stdin, shutdown and restart work from a real client.
 *
 * <p>Drives the packaged kernel with jupyter_client: {@code kernel/src/test/python/test_lifecycle.py}.
 */
class LifecycleIT {
    @Test
    void session_requests_stdin_shutdown_and_restart_work() throws Exception {
        JupyterSuite.run(10, "test_lifecycle");
    }
}
