package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.protocol.CompleteReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionTest extends MagicsTestKit {

    @Test
    void completes_methods_with_their_kind_and_signature() {
        var reply = interpreter.complete("Math.ma", 7);
        assertTrue(reply.matches().contains("max("), reply.matches().toString());
        assertEquals(5, reply.cursorStart());
        var max = reply.types().stream().filter(c -> c.text().equals("max(")).findFirst().orElseThrow();
        assertEquals("method", max.type());
        assertTrue(max.signature().contains("max("), max.signature());
    }

    @Test
    void objects_protected_methods_are_offered_only_where_a_cell_may_call_them() {
        execSuccess("class Parcel { int weight; int weight() { return weight; } }\nvar parcel = new Parcel();\n"
                + "class Sheep implements Cloneable { public Sheep clone() { return this; } }\n"
                + "var dolly = new Sheep();\n"
                + "int[] counts = new int[3];\nvar names = new ArrayList<String>();");
        var parcel = interpreter.complete("parcel.", 7).matches();
        assertTrue(parcel.contains("weight()") && parcel.contains("hashCode()"), parcel.toString());
        assertFalse(parcel.contains("clone()") || parcel.contains("finalize()"), parcel.toString());
        // a method without parameters has its signature too, looked up inside its parentheses
        var weight = interpreter.complete("parcel.wei", 10).types().stream()
                .filter(c -> c.text().equals("weight()")).findFirst().orElseThrow();
        assertEquals("int Parcel.weight()", weight.signature());
        // redeclared public, inherited public from the JDK, an array's
        for (String receiver : List.of("dolly", "names", "counts")) {
            String cell = receiver + ".clo";
            assertTrue(interpreter.complete(cell, cell.length()).matches().contains("clone()"), receiver);
        }
    }

    @Test
    void completes_variables_classes_and_keywords_with_their_kinds() {
        execSuccess("int completionTarget = 1;");
        assertEquals("variable", kindOf("completionTa", "completionTarget"));
        assertEquals("class", kindOf("StringBuil", "StringBuilder"));
        assertEquals("keyword", kindOf("whil", "while"));
    }

    @Test
    void completes_variables_and_methods_declared_earlier_in_the_same_cell_before_it_runs() {
        assertEquals("variable", kindOf("int cellCount = 3;\ncellCo", "cellCount"));
        assertEquals("variable", kindOf("var cellItems = new ArrayList<String>();\nfor (int i = 0; i < 3; i++) {\n"
                + "    cellIt", "cellItems"));
        String methods = "int cellTwice(int n) { return 2 * n; }\nString cellGreeting() { return \"hi\"; }\n";
        assertEquals("method", kindOf(methods + "cellTw", "cellTwice("));
        assertEquals("method", kindOf(methods + "cellGr", "cellGreeting()"));
        assertEquals("variable", kindOf("int cellA = 1, cellB = 2;\ncellB", "cellB"));
        assertEquals("cellCount", complete("int cellCount = 3;\nSystem.out.println(cellCount);\ncellC").getFirst(),
                "the cell's own names come first");
    }

    @Test
    void same_cell_names_are_not_offered_after_a_dot_nor_before_their_declaration_nor_made_up() {
        assertFalse(complete("String cellText = \"abc\";\nint cellCode = 1;\ncellText.c").contains("cellCode"));
        String later = "cellCou\nint cellCount = 3;";
        var reply = interpreter.complete(later, "cellCou".length());
        assertFalse(reply.matches().contains("cellCount"), reply.matches().toString());
        assertFalse(complete("System.out.println(1);\npri").contains("println("), "a statement declares nothing");
    }

    private List<String> complete(String code) {
        return interpreter.complete(code, code.length()).matches();
    }

    private String kindOf(String code, String match) {
        var reply = interpreter.complete(code, code.length());
        return reply.types().stream().filter(c -> c.text().equals(match)).findFirst()
                .orElseThrow(() -> new AssertionError(match + " not in " + reply.matches())).type();
    }

    @Test
    void inspection_gives_signature_and_javadoc_from_the_jdk_sources() {
        var reply = interpreter.inspect("Math.max(1, 2)", 6, 0);
        assertTrue(reply.found());
        String text = (String) reply.data().data().get("text/plain");
        assertTrue(text.contains("int max(int a, int b)") || text.contains("max(int"), text);
        assertTrue(text.contains("Returns the greater of two"), "Javadoc from lib/src.zip: " + text);
    }

    @Test
    void inspection_of_a_cells_method_shows_its_javadoc_and_detail_level_1_its_source() {
        execSuccess("/** Doubles {@code n}. */\nint twiceInspected(int n) { return 2 * n; }");
        String call = "int four = twiceInspected(2);";
        int cursor = call.indexOf("Inspected");
        String plain = (String) interpreter.inspect(call, cursor, 0).data().data().get("text/plain");
        assertEquals("int twiceInspected(int n)\nDoubles n.", plain);
        String detailed = (String) interpreter.inspect(call, cursor, 1).data().data().get("text/plain");
        assertEquals(plain + "\n\nSource:\n/** Doubles {@code n}. */\nint twiceInspected(int n) { return 2 * n; }",
                detailed);
    }

    @Test
    void inspection_finds_a_method_named_without_a_paren_with_the_cursor_at_its_end() {
        var reply = interpreter.inspect("Math.max", 8, 0);
        assertTrue(reply.found(), "nothing found for Math.max");
        assertTrue(((String) reply.data().data().get("text/plain")).contains("max("));
    }

    @Test
    void inspection_still_finds_jdk_javadoc_after_is_complete_of_a_class_declaration() {
        assertEquals("complete", interpreter.isComplete("class CheckedOnly {}").status());
        var reply = interpreter.inspect("Math.sqrt", 9, 0);
        assertTrue(reply.found(), "nothing found for Math.sqrt after is_complete of a class");
    }

    /**
     * After a rejected class JShell 25 documents nothing (it looks for the name of every class ever declared, and
     * a rejected one has none) unless the kernel forgets the name; the name can then be declared again.
     */
    @Test
    void inspection_and_signatures_outlive_a_rejected_class_whose_name_is_then_declared_again() {
        assertEquals("CompilationError", execError("class RunsLater implements Runnable {}").ename());
        assertTrue(interpreter.inspect("Math.sqrt", 9, 0).found(), "nothing found for Math.sqrt");
        var sqrt = interpreter.complete("Math.sqr", 8).types().getFirst();
        assertEquals("double Math.sqrt(double a)", sqrt.signature());
        execSuccess("class RunsLater implements Runnable { public void run() {} }");
        assertEquals("true", execSuccess("new RunsLater() instanceof Runnable"));
        assertTrue(interpreter.inspect("new RunsLater()", 6, 0).found(), "nothing found for RunsLater");
    }

    @Test
    void inspection_finds_a_class_and_a_field_named_without_a_paren() {
        assertTrue(interpreter.inspect("String", 6, 0).found(), "nothing found for String");
        var field = interpreter.inspect("Math.PI", 7, 0);
        assertTrue(field.found(), "nothing found for Math.PI");
        assertTrue(((String) field.data().data().get("text/plain")).contains("PI"));
    }

    @Test
    void the_statement_of_a_time_line_magic_is_inspected_as_java() {
        assertInspectsMathMax("%time Math.max(1, 2)");
        assertInspectsMathMax("int a = 1;\n%time Math.max(1, 2)\nint b = 2;");
    }

    @Test
    void the_statement_of_timeit_is_inspected_as_java_after_its_options() {
        assertInspectsMathMax("%timeit -n 10 Math.max(1, 2)");
        assertInspectsMathMax("var r = %timeit -o -n 10 -r 3 Math.max(1, 2)");
    }

    @Test
    void a_line_in_the_body_of_a_timing_cell_magic_is_inspected_as_java() {
        assertInspectsMathMax("%%time\nint k = 2;\nMath.max(1, k)");
        assertInspectsMathMax("%%timeit -n 5\nMath.max(1, 2)");
        assertInspectsMathMax("%%timeit -n 5 int setup = Math.max(1, 2);\nMath.abs(setup)");
    }

    @Test
    void a_java_line_between_line_magics_is_inspected_as_java() {
        assertInspectsMathMax("%time 1\nMath.max(1, 2)");
        assertInspectsMathMax("\n%time 1\n\nMath.max(1, 2)");
        assertInspectsMathMax("%jvm\nint a = 1;\nint m = Math.max(a, 2);\n%time a");
        assertTrue(inspected("int a = 1;\n%jvm\nint b = 2;", "int a = 1;\n%j".length()).contains("%jvm"));
    }

    @Test
    void the_cursor_on_a_magic_name_or_its_options_still_gives_the_magic_help() {
        assertTrue(inspected("%time Math.max(1, 2)", 3).contains("%time statement"));
        assertTrue(inspected("%%time\nMath.max(1, 2)", 4).contains("%%time"));
        String timeit = "%timeit -n 10 Math.max(1, 2)";
        assertTrue(inspected(timeit, timeit.indexOf("-n") + 1).contains("%timeit [-n N]"));
    }

    /** Inspecting {@code Math.max} in {@code cell} tells what it tells for {@code Math.max} alone. */
    private static void assertInspectsMathMax(String cell) {
        String text = inspected(cell, cell.indexOf("max") + 1);
        assertTrue(text.contains("max(int"), cell + " -> " + text);
        assertTrue(text.contains("Returns the greater of two"), cell + " -> " + text);
        assertFalse(text.contains("%time"), cell + " -> " + text);
    }

    private static String inspected(String cell, int cursor) {
        var reply = interpreter.inspect(cell, cursor, 0);
        assertTrue(reply.found(), "nothing found in " + cell + " at " + cursor);
        return (String) reply.data().data().get("text/plain");
    }

    @Test
    void is_complete_tells_incomplete_invalid_and_complete_apart() {
        var open = interpreter.isComplete("int y = (1 +");
        assertEquals("incomplete", open.status());
        assertEquals("    ", open.indent());
        assertEquals("invalid", interpreter.isComplete("int 1x = 2;").status());
        assertEquals("complete", interpreter.isComplete("int z = 1;\nz + 1").status());
        assertEquals("incomplete", interpreter.isComplete("void f() {\n  if (true) {").status());
        assertEquals("        ", interpreter.isComplete("void f() {\n  if (true) {").indent());
    }

    @Test
    void a_cell_magic_is_complete_at_a_blank_line_as_in_ipython_and_a_line_magic_at_once() {
        assertEquals("incomplete", interpreter.isComplete("%%time").status());
        assertEquals("incomplete", interpreter.isComplete("%%time\nint s = 0;\n").status());
        assertEquals("complete", interpreter.isComplete("%%time\nint s = 0;\n\n").status());
        assertEquals("complete", interpreter.isComplete("%time Math.sqrt(2)").status());
    }

    @Test
    void percent_at_line_start_is_a_magic_but_in_an_expression_it_is_remainder() {
        var magics = interpreter.complete("%ti", 3);
        assertEquals(List.of("%time", "%timeit", "%%time", "%%timeit"), magics.matches());
        assertTrue(magics.types().stream().allMatch(c -> c.type().equals("magic")));
        assertTrue(interpreter.complete("int r = 7 %", 11).types().stream().noneMatch(c -> c.type().equals("magic")));
    }

    /** A folder holding a script, a source file, a text file, a jar, a hidden script and a subfolder. */
    private static String filesIn(Path dir) throws Exception {
        for (String f : List.of("a.jsh", "b.java", "c.txt", "lib.jar", ".hidden.jsh")) {
            Files.writeString(dir.resolve(f), "");
        }
        Files.createDirectory(dir.resolve("sub"));
        return dir.toString();
    }

    private List<String> paths(String code) {
        CompleteReply reply = interpreter.complete(code, code.length());
        assertTrue(reply.types().stream().allMatch(c -> c.type().equals("path")), reply.types().toString());
        return reply.matches();
    }

    @Test
    void load_completes_folders_and_the_files_it_can_load(@TempDir Path dir) throws Exception {
        String d = filesIn(dir);
        CompleteReply reply = interpreter.complete("%load " + d + "/", ("%load " + d + "/").length());
        assertEquals(List.of(d + "/a.jsh", d + "/b.java", d + "/sub/"), reply.matches());
        assertEquals("%load ".length(), reply.cursorStart());
        assertEquals(List.of("path", "path", "path"), reply.types().stream().map(c -> c.type()).toList());
        assertEquals(List.of(d + "/b.java"), paths("%load " + d + "/b"));
        assertEquals(List.of(d + "/.hidden.jsh"), paths("%load " + d + "/."), "hidden files when a dot is typed");
        assertEquals(List.of("\"" + d + "/a.jsh"), paths("%load \"" + d + "/a"), "an opening quote is kept");
        assertEquals(List.of(), paths("%load " + d + "/nothing-here/"));
        assertEquals(List.of(d + "/b.java"), paths("%load -r 1-2 " + d + "/b"), "after %load's options");
        assertEquals(List.of(d + "/b.java"), paths("%run " + d + "/b"));
    }

    @Test
    void classpath_offers_jars_and_writefile_every_file_after_its_option(@TempDir Path dir) throws Exception {
        String d = filesIn(dir);
        assertEquals(List.of(d + "/lib.jar", d + "/sub/"), paths("%classpath " + d + "/"));
        assertEquals(List.of(d + "/lib.jar"), paths("%classpath " + d + "/a.jar:" + d + "/l"), "after a separator");
        assertEquals(List.of(d + "/c.txt"), paths("%%writefile -a " + d + "/c"));
        assertEquals(List.of("pom.xml"), paths("%%writefile pom."), "relative to the working directory");
    }

    @Test
    void only_file_arguments_complete_as_paths(@TempDir Path dir) throws Exception {
        String d = filesIn(dir);
        assertTrue(interpreter.complete("%%writefile -", 13).types().stream().noneMatch(c -> c.type().equals("path")),
                "an option is no file name");
        assertCompletes("%load " + d + "/a.jsh\nMath.ma", "max(", ("%load " + d + "/a.jsh\nMath.").length());
        assertCompletes("%time Ma", "Math", "%time ".length());
        var onSecondLine = interpreter.complete("int k = 1;\n%%writefile " + d + "/c", ("int k = 1;\n%%writefile " + d
                + "/c").length());
        assertTrue(onSecondLine.types().stream().noneMatch(c -> c.type().equals("path")), "a cell magic on line 2");
        String body = "%%writefile notes.txt\n%load " + d + "/";
        var inBody = interpreter.complete(body, body.length());
        assertTrue(inBody.types().stream().noneMatch(c -> c.type().equals("path")), "text in a cell magic's body");
    }

    @Test
    void the_statement_of_a_time_line_magic_completes_as_java() {
        assertCompletes("%time Ma", "Math", "%time ".length());
        assertCompletes("int a = 1;\n%time Sys", "System", "int a = 1;\n%time ".length());
    }

    @Test
    void the_statement_of_timeit_completes_after_its_options() {
        assertCompletes("%timeit -n 100 -r 3 \"abc\".len", "length()", "%timeit -n 100 -r 3 \"abc\".".length());
        assertCompletes("%timeit -qo Ma", "Math", "%timeit -qo ".length());
        assertCompletes("var r = %timeit -o Ma", "Math", "var r = %timeit -o ".length());
    }

    @Test
    void the_body_of_a_timing_cell_magic_completes_as_java() {
        assertCompletes("%%time\nSys", "System", "%%time\n".length());
        assertCompletes("%%time\nint k = 2;\nSys", "System", "%%time\nint k = 2;\n".length());
        assertCompletes("%%timeit -n 5 int[] data = {1};\nList.o", "of(", "%%timeit -n 5 int[] data = {1};\nList.".length());
        assertCompletes("%%timeit -n 5\nList.o", "of(", "%%timeit -n 5\nList.".length());
        assertCompletes("%%expect_error cannot find\nSys", "System", "%%expect_error cannot find\n".length());
    }

    @Test
    void a_cursor_in_the_middle_of_a_timed_statement_completes_what_is_before_it() {
        String cell = "%time List.o(1, 2).size()";
        int cursor = cell.indexOf("(1");
        CompleteReply reply = interpreter.complete(cell, cursor);
        assertTrue(reply.matches().contains("of("), reply.matches().toString());
        assertEquals(cursor - 1, reply.cursorStart());
        assertEquals(cursor, reply.cursorEnd());
    }

    @Test
    void completion_after_new_offers_no_class_jshell_made_for_itself() {
        for (String code : List.of("new ", "new $", "new $J")) {
            var reply = interpreter.complete(code, code.length());
            assertEquals(List.of(), reply.matches().stream().filter(m -> m.contains("$JShell$")).toList(), code);
            assertEquals(List.of(), reply.types().stream().filter(c -> c.text().contains("$JShell$")).toList(), code);
        }
        assertTrue(interpreter.complete("new ", 4).matches().contains("StringBuilder("));
    }

    @Test
    void completion_offers_no_loop_class_of_an_earlier_timeit() {
        var out = new RecordingOutput(false);
        var outcome = interpreter.execute(new io.jawait.protocol.ExecuteRequest("%timeit -q -n 1 -r 1 -w 0 Math.abs(-1)",
                false, false, false, java.util.Map.of(), ++count), out);
        assertTrue(outcome instanceof io.jawait.protocol.ExecuteOutcome.Ok, outcome.toString());
        for (String code : List.of("new $", "$")) {
            var reply = interpreter.complete(code, code.length());
            assertEquals(List.of(), reply.matches().stream().filter(m -> m.contains("Timeit")).toList(), code);
        }
    }

    /** Completing at the end of {@code cell} offers {@code match}, replacing from {@code start} of the cell. */
    private static void assertCompletes(String cell, String match, int start) {
        CompleteReply reply = interpreter.complete(cell, cell.length());
        assertTrue(reply.matches().contains(match), cell + " -> " + reply.matches());
        assertEquals(start, reply.cursorStart(), cell);
        assertEquals(cell.length(), reply.cursorEnd(), cell);
        assertTrue(reply.types().stream().allMatch(c -> c.start() == start && c.end() == cell.length()), cell);
    }
}
