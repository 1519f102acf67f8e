package io.jawait.it;

import org.junit.jupiter.api.Test;

/**
 * The magics through a real Jupyter client: {@code kernel/src/test/python/test_magics.py}.
 */
class MagicsIT {
    @Test
    void every_magic_behaves_as_a_client_sees_it() throws Exception {
        JupyterSuite.run(10, "test_magics");
    }
}
