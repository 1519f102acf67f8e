package io.jawait.it;

import org.junit.jupiter.api.Test;

/**
 * Output is complete, ordered, sent to the right cell, and silent cells stay silent.
 *
 * <p>Drives the packaged kernel with jupyter_client: {@code kernel/src/test/python/test_output.py}.
 */
class OutputIT {
    @Test
    void output_is_complete_ordered_and_reaches_its_cell() throws Exception {
        JupyterSuite.run(10, "test_output");
    }
}
