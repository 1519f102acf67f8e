package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StartupCpusTest {
    @Test
    void theJitIsGivenEveryCpuButTheFirst() {
        assertEquals("1", StartupCpus.withoutFirst("0-1"));
        assertEquals("1,2,3,6", StartupCpus.withoutFirst("0-3,6"));
        assertEquals("4", StartupCpus.withoutFirst("4,2"));
        assertEquals(List.of(0, 1, 2, 5), List.copyOf(StartupCpus.parse("0-2,5")));
        assertNull(StartupCpus.withoutFirst("3"), "one CPU: nothing to leave free");
        assertNull(StartupCpus.withoutFirst(""));
        assertNull(StartupCpus.withoutFirst("0-x"));
        assertNull(StartupCpus.withoutFirst("3-1"));
        assertNull(StartupCpus.withoutFirst("1-2-3"));
    }

    @Test
    void findsThisJvmsCompilerThreads() throws IOException {
        List<String> threads = StartupCpus.jitThreads();
        assertFalse(threads.isEmpty(), "no compiler thread among " + Files.list(Path.of("/proc/self/task")).toList());
        for (String id : threads) {
            String name = Files.readString(Path.of("/proc/self/task", id, "comm")).strip();
            assertFalse(name.startsWith("jawait") || name.startsWith("main"), name);
        }
    }

    @Test
    void theJitLeavesTheFirstCpuUntilTheStartUpIsDone() throws Exception {
        String all = StartupCpus.allowedCpus();
        assertNotNull(all, "/proc/self/status lists no CPUs");
        var cpus = new StartupCpus();
        Thread worker = cpus.start();
        String given = cpus.confined().get(30, TimeUnit.SECONDS);
        // with one CPU there is none to leave free, and nothing may change
        assertEquals(StartupCpus.withoutFirst(all), given, "CPUs " + all);
        SortedSet<Integer> during = given == null ? StartupCpus.parse(all) : StartupCpus.parse(given);
        for (String id : StartupCpus.jitThreads()) {
            assertEquals(during, StartupCpus.parse(cpusOf(id)), "thread " + id + " while starting");
        }
        assertNull(cpus.start(), "a second start does nothing");

        cpus.done();
        worker.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(worker.isAlive(), "still confining after 30 s");
        for (String id : StartupCpus.jitThreads()) {
            assertEquals(StartupCpus.parse(all), StartupCpus.parse(cpusOf(id)), "thread " + id + " after start-up");
        }
    }

    private static String cpusOf(String thread) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/task", thread, "status")).stream()
                .filter(line -> line.startsWith("Cpus_allowed_list:"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElseThrow();
    }
}
