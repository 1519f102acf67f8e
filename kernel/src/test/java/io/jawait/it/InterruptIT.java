package io.jawait.it;

import org.junit.jupiter.api.Test;

/**
 * Interrupt stops busy loops, sleeps, waits and the cell's threads within a second.
 *
 * <p>Drives the packaged kernel with jupyter_client: {@code kernel/src/test/python/test_interrupt.py}.
 */
class InterruptIT {
    @Test
    void interrupt_stops_cells_and_their_threads_and_keeps_variables() throws Exception {
        JupyterSuite.run(10, "test_interrupt");
    }
}
