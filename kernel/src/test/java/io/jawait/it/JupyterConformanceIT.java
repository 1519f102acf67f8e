package io.jawait.it;

import org.junit.jupiter.api.Test;

/**
 * jupyter_kernel_test's conformance suite passes with Java samples.
 *
 * <p>Drives the packaged kernel with jupyter_client: {@code kernel/src/test/python/test_conformance.py}.
 */
class JupyterConformanceIT {
    @Test
    void every_conformance_test_passes_with_java_samples() throws Exception {
        JupyterSuite.run(10, "test_conformance");
    }
}
