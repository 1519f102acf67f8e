package io.jawait.engine;

import io.jawait.magic.Magics;
import org.junit.jupiter.api.BeforeAll;

/** {@link EngineTestKit} with the magics wired in, as the kernel wires them. */
abstract class MagicsTestKit extends EngineTestKit {

    // hides EngineTestKit's, so JUnit runs this one instead
    @BeforeAll
    static void startInterpreter() {
        start(new Magics());
    }
}
