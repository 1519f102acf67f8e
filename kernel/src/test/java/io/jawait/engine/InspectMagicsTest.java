package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.protocol.ExecuteOutcome;
import org.junit.jupiter.api.Test;

/** %pinfo, %pinfo2, %pdef, %pdoc and %psource through the real engine. */
class InspectMagicsTest extends MagicsTestKit {

    private ExecuteOutcome.Ok ok(String code, RecordingOutput out) {
        ExecuteOutcome outcome = exec(code, out);
        if (outcome instanceof ExecuteOutcome.Error e) {
            throw new AssertionError(e.ename() + ": " + e.evalue() + "\n" + String.join("\n", e.traceback()));
        }
        return (ExecuteOutcome.Ok) outcome;
    }

    @Test
    void pinfo_pdef_pdoc_and_psource_show_what_the_question_marks_and_the_cells_give() {
        ok("""
                /** A shape's area, in square units. */
                double inspectArea(double side) { return side * side; }
                double inspectArea(double w, double h) { return w * h; }
                record InspectPoint(int x, int y) { int sum() { return x + y; } }
                var inspectPoint = new InspectPoint(1, 2);""", new RecordingOutput(false));
        assertNotNull(ok("Math.max?", new RecordingOutput(false)).page());
        assertEquals(ok("Math.max?", new RecordingOutput(false)).page(),
                ok("%pinfo Math.max", new RecordingOutput(false)).page());
        // JShell has no Javadoc for a cell's method: its own comment stands in, with the overload it is on
        assertEquals("double inspectArea(double side)\nA shape's area, in square units.\n\n"
                + "double inspectArea(double w, double h)", page("inspectArea?"));
        assertEquals(ok("inspectArea??", new RecordingOutput(false)).page(),
                ok("%pinfo2 inspectArea", new RecordingOutput(false)).page());
        // as IPython's, %pinfo with question marks asks for as much as they do
        assertEquals(ok("%pinfo2 InspectPoint", new RecordingOutput(false)).page(),
                ok("%pinfo InspectPoint??", new RecordingOutput(false)).page());

        assertEquals("int Math.max(int a, int b)\nlong Math.max(long a, long b)\nfloat Math.max(float a, float b)\n"
                + "double Math.max(double a, double b)\n", stdout("%pdef Math.max"));
        String constructors = stdout("%pdef ArrayList");
        assertTrue(constructors.startsWith("java.util.ArrayList<E>\nClass constructor information:\n"), constructors);
        assertTrue(constructors.contains(" java.util.ArrayList<E>(int initialCapacity)\n"), constructors);
        assertEquals("Object is not callable.\n", stdout("%pdef inspectPoint"));

        String sqrt = page("%pdoc Math.sqrt");
        assertTrue(sqrt.startsWith("Returns the correctly rounded positive square root"), sqrt);
        // overloads: each Javadoc under its signature
        String max = page("%pdoc Math.max");
        assertTrue(max.startsWith("int Math.max(int a, int b):\n    Returns the greater of two int values."), max);
        assertTrue(max.contains("\n\ndouble Math.max(double a, double b):\n    Returns"), max);
        assertEquals("No documentation found for InspectPoint\n", stdout("%pdoc InspectPoint"));

        String source = page("%psource inspectArea");
        assertEquals("/** A shape's area, in square units. */\ndouble inspectArea(double side) { return side * side; }"
                + "\n\ndouble inspectArea(double w, double h) { return w * h; }", source);
        assertEquals("int sum() { return x + y; }", page("%psource InspectPoint.sum"));
        assertEquals("No source found for Math\n", stdout("%psource Math"));
        assertEquals("Object `inspectNothing` not found.\n", stdout("%pdoc inspectNothing"));

        assertTrue(execError("%psource").evalue().contains("give a name: %psource Math.max"));
        assertTrue(execError("%pdef 1 + 2").evalue().contains("'1 + 2' is not a name"));
        assertTrue(execError("%pdoc Math.max?").evalue().contains("is not a name"), "only %pinfo takes ?");
    }

    private String stdout(String cell) {
        var out = new RecordingOutput(false);
        assertEquals(null, ok(cell, out).page(), cell);
        return out.stdout();
    }

    private String page(String cell) {
        var paged = ok(cell, new RecordingOutput(false)).page();
        assertTrue(paged != null, cell + " pages its text");
        return (String) paged.data().get("text/plain");
    }
}
