package io.jawait.it;

import org.junit.jupiter.api.Test;

/** Forged, unsigned, garbled and unknown messages do no harm (kernel/src/test/python/test_wire.py). */
class WireIT {
    @Test
    void forged_unsigned_and_garbled_messages_do_no_harm() throws Exception {
        JupyterSuite.run(10, "test_wire");
    }
}
