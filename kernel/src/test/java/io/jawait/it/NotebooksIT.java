package io.jawait.it;

import org.junit.jupiter.api.Test;

/**
 * Every notebook under {@code notebooks/} runs end to end in nbclient on the packaged kernel.
 *
 * <p>Drives the packaged kernel with jupyter_client: {@code kernel/src/test/python/test_notebooks.py}.
 */
class NotebooksIT {
    @Test
    void every_shipped_notebook_runs_in_nbclient() throws Exception {
        JupyterSuite.run(30, "test_notebooks");
    }
}
