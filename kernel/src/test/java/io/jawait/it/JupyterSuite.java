package io.jawait.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Python test modules from {@code src/test/python} against the packaged kernel jar, through Debian's
 * jupyter_client, with a throwaway JUPYTER_PATH whose only kernelspec is this build's jar.
 */
final class JupyterSuite {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String INSTALL_HINT = "install Debian's Jupyter packages as root: apt-get install "
            + "python3-jupyter-client python3-jupyter-kernel-test python3-nbclient python3-nbformat "
            + "python3-ipykernel python3-psutil (install/test.sh does this), then run the tests again";

    private JupyterSuite() {}

    /** Runs the modules and fails with the suite's whole output unless every test passed. */
    static void run(long timeoutMinutes, String... modules) throws IOException, InterruptedException {
        Path jar = Path.of(requiredProperty("jawait.jar"));
        assertTrue(Files.isRegularFile(jar), "the kernel jar is missing (run mvn verify, not only the ITs): " + jar);
        assertTrue(Files.isExecutable(PYTHON), PYTHON + " is missing; " + INSTALL_HINT);
        Path home = Files.createTempDirectory("jawait-it");
        writeKernelspec(home, jar);
        Path log = home.resolve("suite.log");
        var command = new ArrayList<>(List.of(PYTHON.toString(), "run_suite.py"));
        command.addAll(List.of(modules));
        var builder = new ProcessBuilder(command)
                .directory(pythonTests().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JUPYTER_PATH", home.toString());
        builder.environment().put("JUPYTER_RUNTIME_DIR", home.resolve("runtime").toString());
        builder.environment().put("JAWAIT_KERNEL", "jawait");
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        // notebooks check their measurements with Lab.expect; strict mode turns a value out of range into an error
        builder.environment().put("JAWAIT_STRICT", "1");
        // install/test.sh starts a PostgreSQL for the database unit test; the notebooks run as shipped, on H2
        builder.environment().remove("JAWAIT_PG_URL");
        Process suite = builder.start();
        if (!suite.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            suite.descendants().forEach(ProcessHandle::destroyForcibly);
            suite.destroyForcibly().waitFor();
            fail("the Python suite did not finish within " + timeoutMinutes + " min:\n" + read(log));
        }
        String output = read(log);
        System.out.println(output);
        if (suite.exitValue() == 3) {
            fail("Jupyter's Python packages are missing: " + INSTALL_HINT + "\n" + output);
        }
        assertEquals(0, suite.exitValue(), () -> "Python suite " + String.join(" ", modules) + " failed:\n" + output);
    }

    private static void writeKernelspec(Path home, Path jar) throws IOException {
        Path spec = Files.createDirectories(home.resolve("kernels/jawait"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the JVM flags install/install.sh puts in the kernelspec, so the tests run the kernel as it is installed
        var argv = new ArrayList<String>();
        argv.add(quoted(java));
        kernelJvmFlags().forEach(flag -> argv.add(quoted(flag)));
        Path directives = Path.of(System.getProperty("jawait.root", "..")).resolve("install/compiler-directives.json");
        argv.add(quoted("-XX:+UnlockDiagnosticVMOptions"));
        argv.add(quoted("-XX:-DisplayVMOutput"));
        argv.add(quoted("-XX:CompilerDirectivesFile=" + directives.toAbsolutePath().normalize()));
        List.of("-jar", jar.toAbsolutePath().toString(), "kernel", "{connection_file}").forEach(a -> argv.add(quoted(a)));
        Files.writeString(spec.resolve("kernel.json"), """
                {"argv": [%s], "display_name": "Java (jawait, test build)", "language": "java",
                 "interrupt_mode": "message"}
                """.formatted(String.join(", ", argv)));
    }

    /** The lines of install/kernel-jvm.flags that are flags (not blank, not comments). */
    static List<String> kernelJvmFlags() throws IOException {
        Path flags = Path.of(System.getProperty("jawait.root", "..")).resolve("install/kernel-jvm.flags");
        return Files.readAllLines(flags, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    private static String quoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static Path pythonTests() {
        Path root = Path.of(System.getProperty("jawait.root", ".."));
        Path dir = root.resolve("kernel/src/test/python");
        return Files.isDirectory(dir) ? dir : Path.of("src/test/python");
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            fail("system property " + name + " is not set; run the ITs through Maven (failsafe sets it)");
        }
        return value;
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
    }
}
