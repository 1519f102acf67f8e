package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.magic.CellException;
import io.jawait.magic.Evaluation;
import io.jawait.magic.MagicContext;
import io.jawait.magic.MagicRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's side of magics: cells with magics go to the runner, which uses the context. */
class MagicContextTest extends EngineTestKit {
    static final List<Evaluation> evaluations = new ArrayList<>();

    /** {@code %eval CODE} evaluates CODE; {@code %bind NAME} binds a list to NAME. */
    static final MagicRunner FAKE = new MagicRunner() {
        public boolean handles(String cell) { return cell.startsWith("%"); }
        public Evaluation run(String cell, MagicContext ctx) throws CellException {
            if (cell.startsWith("%eval ")) {
                var e = ctx.eval(cell.substring(6));
                evaluations.add(e);
                return e;
            }
            if (cell.startsWith("%cp ")) {
                ctx.addToClasspath(java.nio.file.Path.of(cell.substring(4).strip()));
                return null;
            }
            if (cell.startsWith("%bind ")) {
                ctx.bind("var", cell.substring(6).strip(), new ArrayList<>(List.of("bound")));
                return null;
            }
            throw new CellException("UsageError", "unknown magic " + cell);
        }
        public List<String> complete(String prefix) {
            return List.of("%eval", "%bind").stream().filter(n -> n.startsWith(prefix)).toList();
        }
        public String help(String name) { return name.equals("%eval") ? "evaluates Java" : null; }
    };

    @BeforeAll
    static void useTheFakeMagics() {
        interpreter.shutdown();
        interpreter = new JShellInterpreter(FAKE);
    }

    @Test
    void eval_measures_execution_apart_from_compilation() {
        assertEquals("42", execSuccess("%eval Thread.sleep(200); 6 * 7"));
        var e = evaluations.getLast();
        assertTrue(e.hasValue());
        assertEquals(42, e.value());
        assertTrue(e.executeNanos() >= 190_000_000L, "execute " + e.executeNanos());
        assertTrue(e.compileNanos() > 0, "compile " + e.compileNanos());
        execSuccess("%eval int quick = 1;");
        var quick = evaluations.getLast();
        assertTrue(quick.executeNanos() < quick.compileNanos(),
                "running an assignment takes less than compiling it: " + quick);
    }

    @Test
    void eval_failures_reach_the_user_as_cell_errors() {
        assertEquals("CompilationError", execError("%eval int x = ;").ename());
        assertEquals("UsageError", execError("%nosuch").ename());
    }

    @Test
    void bind_declares_a_variable_holding_the_object() {
        execSuccess("%bind boundList");
        assertEquals("[bound]", execSuccess("boundList"));
        assertEquals("java.util.ArrayList", execSuccess("boundList.getClass().getName()").replace("\"", ""));
    }

    @Test
    void add_to_classpath_makes_a_class_folder_usable_in_later_cells(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("Greeter.java");
        Files.writeString(source, "package greet; public class Greeter { public static String hi() { return \"hi from a jar\"; } }");
        var javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", dir.toString(), source.toString()));
        execSuccess("%cp " + dir);
        assertEquals("\"hi from a jar\"", execSuccess("greet.Greeter.hi()"));
        assertEquals("true", execSuccess("Async.class.getName().startsWith(\"io.jawait\")"), "the kernel's too");
        assertEquals("FileNotFoundError", execError("%cp " + dir.resolve("missing.jar")).ename());
    }

    @Test
    void magic_names_complete_and_inspect_through_the_runner() {
        assertEquals(List.of("%eval"), interpreter.complete("%ev", 3).matches());
        var help = interpreter.inspect("%eval 1", 2, 0);
        assertEquals("evaluates Java", help.data().data().get("text/plain"));
    }
}
