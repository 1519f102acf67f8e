package io.jawait.it;

import org.junit.jupiter.api.Test;

/**
 * Completion, inspection and is_complete answer what an editor asks while a learner types.
 *
 * <p>Drives the packaged kernel with jupyter_client: {@code kernel/src/test/python/test_editing.py}.
 */
class EditingIT {
    @Test
    void completion_inspection_and_is_complete_serve_an_editor() throws Exception {
        JupyterSuite.run(10, "test_editing");
    }
}
