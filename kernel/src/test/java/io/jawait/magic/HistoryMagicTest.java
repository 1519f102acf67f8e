package io.jawait.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %history} on a history given by the test. The expected texts are what IPython 8.5 printed for the same
 * cells in Python (a tab-indented body, a two-line cell, numbers right-aligned in four columns).
 */
class HistoryMagicTest {
    static final List<MagicContext.Input> EARLIER = List.of(
            new MagicContext.Input(1, "int a = 1;"),
            new MagicContext.Input(2, "int f() {\n\treturn 2;\n}"),
            new MagicContext.Input(3, "String s = \"tail\";   \n\n"));
    static JShellContext ctx;
    static Magics magics;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        ctx = new JShellContext();
        magics = new Magics(MagicCatalog.standard(tmp.resolve("m2")));
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    /** What {@code cell}, kept as cell 4 after {@link #EARLIER}, prints. */
    static String history(String cell) throws CellException {
        ctx.history = new MagicContext.CellHistory(EARLIER, new MagicContext.Input(4, cell));
        ctx.out.stdout.setLength(0);
        magics.run(cell, ctx);
        return ctx.out.stdout.toString();
    }

    static String error(String cell) {
        ctx.history = new MagicContext.CellHistory(EARLIER, new MagicContext.Input(4, cell));
        CellException e = assertThrows(CellException.class, () -> magics.run(cell, ctx));
        assertEquals("UsageError", e.ename(), e.getMessage());
        assertTrue(e.getMessage().startsWith("%history: "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void history_prints_every_cell_as_typed_this_one_last_with_tabs_as_four_spaces() throws CellException {
        assertEquals("int a = 1;\nint f() {\n    return 2;\n}\nString s = \"tail\";\n%history\n", history("%history"));
    }

    @Test
    void n_puts_the_number_before_a_cell_or_on_a_line_of_its_own_before_several_lines() throws CellException {
        assertEquals("   1: int a = 1;\n   2:\nint f() {\n    return 2;\n}\n   3: String s = \"tail\";\n"
                + "   4: %history -n\n", history("%history -n"));
    }

    @Test
    void a_cell_that_is_not_kept_does_not_show_itself() throws CellException {
        ctx.history = new MagicContext.CellHistory(EARLIER.subList(0, 1), null);
        ctx.out.stdout.setLength(0);
        magics.run("%history -n", ctx);
        assertEquals("   1: int a = 1;\n", ctx.out.stdout.toString());
    }

    @Test
    void l_shows_the_last_cells_before_this_one_ten_when_not_told() throws CellException {
        assertEquals("   2:\nint f() {\n    return 2;\n}\n   3: String s = \"tail\";\n", history("%history -n -l 2"));
        assertEquals("String s = \"tail\";\n", history("%history -l 1"));
        assertEquals("", history("%history -l 0"));
        var many = new ArrayList<MagicContext.Input>();
        for (int i = 1; i <= 12; i++) {
            many.add(new MagicContext.Input(i, "cell" + i));
        }
        ctx.history = new MagicContext.CellHistory(many, new MagicContext.Input(13, "%history -l"));
        ctx.out.stdout.setLength(0);
        magics.run("%history -l", ctx);
        assertEquals("cell3\ncell4\ncell5\ncell6\ncell7\ncell8\ncell9\ncell10\ncell11\ncell12\n",
                ctx.out.stdout.toString());
    }

    @Test
    void g_finds_the_cells_containing_a_pattern_numbered_this_one_included() throws CellException {
        assertEquals("   3: String s = \"tail\";\n   4: %history -g tail\n", history("%history -g tail"));
        // * and ? as in a glob, across lines; words are joined by one space
        assertEquals("   2:\nint f() {\n    return 2;\n}\n   4: %history -g f()*return ?;\n",
                history("%history -g f()*return ?;"));
        assertEquals("   1: int a = 1;\n   4: %history -g a = 1\n", history("%history -g a = 1"));
        // brackets are Java's arrays, not a character class
        assertEquals("   4: %history -g int[]\n", history("%history -g int[]"));
        assertEquals("   4: %history -g tail -l 1\n", history("%history -g tail -l 1"), "-l keeps the last matches");
        assertEquals("   3: String s = \"tail\";\n", history("%history -g tail -n 3"),
                "the pattern ends at the next option; the words after it are ranges");
        assertEquals("   1: int a = 1;\n", history("%history 1-3 -g int a"), "ranges before -g are searched");
    }

    @Test
    void ranges_pick_cells_a_dash_including_the_end_a_colon_leaving_it_out() throws CellException {
        assertEquals("int f() {\n    return 2;\n}\nString s = \"tail\";\n", history("%history 2-3"));
        assertEquals("int f() {\n    return 2;\n}\n", history("%history 2:3"));
        assertEquals("   3: String s = \"tail\";\n   1: int a = 1;\n", history("%history -n 3 1"));
        assertEquals("String s = \"tail\";\n%history 3-\n", history("%history 3-"));
        assertEquals("", history("%history 40"), "a cell not run yet is no error, as in IPython");
    }

    @Test
    void bad_options_and_ranges_are_usage_errors_naming_the_magic() {
        assertTrue(error("%history -z").contains("option -z not recognized"));
        assertTrue(error("%history -o").contains("the options are -n -l -g -f"));
        assertTrue(error("%history x").contains("'x' is not a range"));
        assertTrue(error("%history 99999999999").contains("is not a range"));
        assertTrue(error("%history 3-1").contains("ends before it starts"));
        assertTrue(error("%history ~1/2").contains("this session only"));
        assertTrue(error("%history -l 2 1-3").contains("give one or the other"));
        assertTrue(error("%history -l 99999999999").contains("-l needs a number"));
        assertTrue(error("%history -f").contains("-f needs a file name"));
    }

    @Test
    void f_writes_what_it_would_print_to_a_file_from_the_home_directory_after_a_tilde() throws Exception {
        String home = System.getProperty("user.home");
        System.setProperty("user.home", tmp.toString());
        try {
            assertEquals("", history("%history -n -f ~/cells.txt 1"));
            assertEquals("   1: int a = 1;\n", Files.readString(tmp.resolve("cells.txt")));
        } finally {
            System.setProperty("user.home", home);
        }
        Path quoted = tmp.resolve("with space.txt");
        history("%history -f '" + quoted + "' 2");
        assertEquals("int f() {\n    return 2;\n}\n", Files.readString(quoted));
    }

    @Test
    void the_catalogue_lists_completes_and_explains_the_three_magics() throws CellException {
        String listed = magics.catalog().listing();
        for (String name : List.of("%history", "%reset", "%xdel")) {
            assertTrue(listed.contains(name), name + " missing from " + listed);
            assertEquals(List.of(name), magics.complete(name));
        }
        assertEquals(List.of("%hist", "%history"), magics.complete("%hi"));
        ctx.out.stdout.setLength(0);
        magics.run("%xdel?", ctx);
        assertEquals("%xdel: Delete the variable NAME so later cells cannot use it; its value is let go, not closed."
                + "\nUsage: %xdel NAME\n", ctx.out.stdout.toString());
        assertTrue(magics.help("%reset").contains("Usage: %reset [-f]"));
        assertTrue(magics.help("%history").contains("Usage: " + HistoryMagic.USAGE));
    }
}
