package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jawait.magic.CellException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jshell.JShell;
import jdk.jshell.VarSnippet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TempVarTest {
    private static JShell shell;
    private static CellEvaluator evaluator;

    @BeforeAll
    static void createShell() {
        var runs = new SnippetRuns();
        shell = JShell.builder().executionEngine(new KernelExecutionProvider(runs), Map.of()).build();
        evaluator = new CellEvaluator(shell, new SnippetPlaces(), runs);
    }

    @AfterAll
    static void closeShell() {
        shell.close();
    }

    @Test
    void expression_cells_show_their_value_but_leave_no_variable_behind_even_when_they_fail() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals("2", evaluator.run("1 + 1", i, () -> false).text());
        }
        assertEquals("6", evaluator.run("int kept = 3;\nkept * 2", 6, () -> false).text());
        assertThrows(CellException.class, () -> evaluator.run("notYetThere + 1", 7, () -> false));
        assertEquals("[kept]", shell.variables().filter(v -> shell.status(v).isActive())
                .map(VarSnippet::name).toList().toString());
    }

    @Test
    void different_expressions_declare_different_names_and_a_repeated_one_its_own_again() throws Exception {
        List<String> before = expressionVariables();
        for (int i = 0; i < 20; i++) {
            assertEquals(String.valueOf(i + 11), evaluator.run(i + " + 11", i, () -> false).text());
        }
        List<String> names = expressionVariables().subList(before.size(), before.size() + 20);
        assertEquals(20, Set.copyOf(names).size(), names::toString);
        assertEquals("11", evaluator.run("0 + 11", 21, () -> false).text());
        List<String> after = expressionVariables();
        assertEquals(names.getFirst(), after.getLast());
    }

    private static List<String> expressionVariables() {
        return shell.snippets().filter(VarSnippet.class::isInstance).map(s -> ((VarSnippet) s).name())
                .filter(n -> n.startsWith(ExpressionUnit.VARIABLE)).toList();
    }
}
