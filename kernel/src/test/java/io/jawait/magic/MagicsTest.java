package io.jawait.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The everyday magics and the runner, through a local JShell standing in for the engine. */
class MagicsTest {
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

    /** Runs a cell that must succeed; returns what it printed. */
    static String execSuccess(String cell) throws CellException {
        ctx.out.stdout.setLength(0);
        magics.run(cell, ctx);
        return ctx.out.stdout.toString();
    }

    static CellException execError(String cell) {
        return assertThrows(CellException.class, () -> magics.run(cell, ctx));
    }

    /** Runs a cell that must fail with a UsageError whose message holds each of {@code parts}. */
    static void usageError(String cell, String... parts) {
        CellException e = execError(cell);
        assertEquals("UsageError", e.ename(), cell);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }

    static String value(String cell) throws CellException {
        Evaluation ev = magics.run(cell, ctx);
        return ev == null ? null : ev.text();
    }

    @Test
    void only_cells_with_magics_are_handled() {
        assertTrue(magics.handles("int a = 1;\n%time a"));
        assertTrue(magics.handles("%%html\n<b>x</b>"));
        assertTrue(magics.handles("var r = %timeit -o 1"));
        assertFalse(magics.handles("int a = 10 % 3;\nString s = \"%d\";"));
    }

    @Test
    void lsmagic_lists_every_line_and_cell_magic() throws CellException {
        String out = execSuccess("%lsmagic");
        assertTrue(out.startsWith("Available line magics:\n"), out);
        for (String name : List.of("%time", "%timeit", "%jvm", "%maven", "%classpath", "%load", "%run", "%env",
                "%async_mode", "%who", "%whos", "%%time", "%%timeit", "%%html", "%%expect_error", "%%writefile")) {
            assertTrue(out.contains(name), name + " missing from " + out);
        }
    }

    @Test
    void writefile_writes_the_body_says_what_it_did_and_appends_with_a() throws Exception {
        Path file = tmp.resolve("written.jsh");
        assertEquals("Writing " + file + "\n", execSuccess("%%writefile " + file + "\nint fromFile = 20;"));
        assertEquals("int fromFile = 20;\n", Files.readString(file));
        assertEquals("Appending to " + file + "\n", execSuccess("%%writefile -a " + file + "\nfromFile + 1\n"));
        assertEquals("Overwriting " + file + "\n",
                execSuccess("%%writefile '" + file + "'\nint fromFile = 40;\nfromFile + 2"));
        execSuccess("%run " + file);
        assertEquals("40", value("fromFile"));
        assertTrue(execError("%%writefile\ntext").getMessage().contains("give the file"));
        String denied = execError("%%writefile " + tmp.resolve("no/such/dir/x.txt") + "\ntext").getMessage();
        assertTrue(denied.contains("no such file or directory"), denied);
        String unknown = execError("%%writefile -x " + file + "\ntext").getMessage();
        assertTrue(unknown.contains("option -x not recognized") && !unknown.contains("negation"), unknown);
    }

    @Test
    void file_arguments_start_at_the_home_directory_after_a_tilde_as_in_ipython() throws Exception {
        String home = System.getProperty("user.home");
        System.setProperty("user.home", tmp.toString());
        try {
            assertEquals("Writing " + tmp.resolve("home.jsh") + "\n", execSuccess("%%writefile ~/home.jsh\nint atHome = 3;"));
            execSuccess("%run ~/home.jsh");
            assertEquals("3", value("atHome"));
        } finally {
            System.setProperty("user.home", home);
        }
    }

    @Test
    void pwd_gives_the_working_directory_cd_says_why_it_cannot_and_who_ls_the_names() throws Exception {
        assertEquals("\"" + Path.of("").toAbsolutePath() + "\"", value("%pwd"));
        CellException cd = execError("%cd /tmp");
        assertEquals("UsageError", cd.ename());
        assertTrue(cd.getMessage().contains("cannot change its working directory"), cd.getMessage());
        execSuccess("int lsB = 1;\nString lsA = \"a\";");
        Evaluation names = magics.run("%who_ls", ctx);
        @SuppressWarnings("unchecked")
        List<String> all = (List<String>) names.value();
        assertTrue(all.containsAll(List.of("lsA", "lsB")), all.toString());
        assertEquals(all.stream().sorted().toList(), all);
        assertEquals(List.of("lsA"), ((List<?>) magics.run("%who_ls String", ctx).value()).stream()
                .filter(n -> n.toString().startsWith("ls")).toList());
        String described = execSuccess("%magic");
        for (String name : List.of("%timeit:", "%%timeit:", "%pwd:", "%who_ls:", "%%writefile:")) {
            assertTrue(described.contains(name), name + " missing from " + described);
        }
    }

    @Test
    void completion_offers_line_and_cell_names_from_the_catalogue() {
        assertEquals(List.of("%time", "%timeit", "%%time", "%%timeit"), magics.complete("%ti"));
        assertEquals(List.of("%%time", "%%timeit"), magics.complete("%%ti"));
        assertEquals(List.of(), magics.complete("%nothing"));
    }

    @Test
    void the_java_a_magic_runs_is_found_for_completion_and_nothing_else() {
        assertEquals(new MagicRunner.JavaSpan(6, 8), magics.javaAt("%time Ma", 8));
        assertEquals(new MagicRunner.JavaSpan(15, 17), magics.javaAt("%timeit -n 10  Ma", 17));
        assertEquals(new MagicRunner.JavaSpan(12, 15), magics.javaAt("\n  %%time  \nMa\n", 14));
        assertNull(magics.javaAt("%time", 5), "no statement yet");
        assertNull(magics.javaAt("%timeit -n 10 Ma", 10), "cursor in the options");
        assertNull(magics.javaAt("%timeit -z Ma", 13), "an option %timeit refuses");
        assertNull(magics.javaAt("%%html\n<b>", 10), "a body that is not Java");
        assertNull(magics.javaAt("%env HOME", 9), "an argument that is not Java");
        assertNull(magics.javaAt("String s = \"\"\"\n%time Ma\n\"\"\";", 23), "a line of a text block");
    }

    @Test
    void question_mark_prints_the_magics_usage() throws CellException {
        String out = execSuccess("%timeit?");
        assertTrue(out.contains("Usage: %timeit [-n N] [-r R] [-w W] [-p P] [-q] [-o] [-f] statement"), out);
        assertTrue(magics.help("%%html").contains("HTML"));
        // a cell magic's usage shows its body on a line of its own
        assertTrue(execSuccess("%%timeit?").contains("[setup]\n<statements>"));
        assertNull(magics.help("%nosuch"));
        // IPython's other spellings: ?? and a mark in front
        for (String spelling : List.of("%timeit??", "?%timeit", "??%timeit", "  ?%timeit  ")) {
            assertEquals(out, execSuccess(spelling), spelling);
        }
        assertTrue(execSuccess("%%timeit??").contains("[setup]\n<statements>"));
        assertTrue(execSuccess("?%%timeit").contains("[setup]\n<statements>"));
    }

    @Test
    void an_unknown_magic_is_a_usage_error_naming_it() {
        CellException e = execError("%tiemit 1+1");
        assertEquals("UsageError", e.ename());
        assertTrue(e.getMessage().contains("%tiemit"), e.getMessage());
        // a magic that only makes sense in IPython says what to write instead
        assertEquals("Line magic function `%pip` not found. Java libraries come from Maven: %maven "
                + "group:artifact:version, then import them. %lsmagic lists the magics.",
                execError("%pip install requests").getMessage());
        assertTrue(execError("%matplotlib inline").getMessage().contains("svg(text)"));
    }

    @Test
    void a_cell_magic_below_the_first_line_is_a_usage_error() {
        CellException e = execError("int q = 1;\n%%time\nq");
        assertEquals("UsageError", e.ename());
        assertTrue(e.getMessage().contains("%%time"), e.getMessage());
    }

    @Test
    void a_line_magic_inside_a_block_is_a_usage_error_naming_where_the_block_opened() {
        CellException e = execError("int sum = 0;\nfor (int i = 0; i < 3; i++) {\n    %time sum += i\n}");
        assertEquals("UsageError", e.ename());
        assertEquals("%time on line 3 is inside the block { opened on line 2: a line magic stands on its own line"
                + " between the cell's top-level statements. Close the block before it, or put %%time on the cell's"
                + " first line to apply it to the whole cell", e.getMessage());
        // no cell form to suggest; braces in strings and comments, and blocks closed before it, do not count
        e = execError("void f() {\n  if (true) {\n  }\n  %who\n}");
        assertTrue(e.getMessage().startsWith("%who on line 4 is inside the block { opened on line 1"), e.getMessage());
        assertFalse(e.getMessage().contains("%%"), e.getMessage());
    }

    @Test
    void braces_closed_before_a_line_magic_or_inside_strings_and_comments_leave_it_at_the_top_level()
            throws CellException {
        Evaluation ev = magics.run("String open = \"{\"; // {\nint twice(int n) {\n    return 2 * n;\n}\n"
                + "%time twice(3)\n/* { */ twice(4)", ctx);
        assertEquals("8", ev.text());
        assertTrue(ctx.out.stdout.toString().contains("CPU times: user "));
    }

    @Test
    void line_magics_run_between_java_lines_in_order() throws CellException {
        Evaluation ev = magics.run("int a = 4;\n%time a * 2\nint b = a * 10;\nb + 1", ctx);
        assertEquals("41", ev.text());
        assertTrue(ctx.out.stdout.toString().contains("CPU times: user "));
    }

    @Test
    void jvm_prints_the_environment() throws CellException {
        String out = execSuccess("%jvm");
        assertTrue(out.contains("JDK:      " + Runtime.version()), out);
        assertTrue(out.contains("Cores:    " + Runtime.getRuntime().availableProcessors()), out);
        assertEquals("UsageError", execError("%jvm now").ename());
    }

    @Test
    void env_sets_and_reads_a_variable_for_this_kernel() throws CellException {
        assertEquals("env: JAWAIT_TEST_X=42\n", execSuccess("%env JAWAIT_TEST_X=42"));
        assertEquals("\"42\"", value("%env JAWAIT_TEST_X"));
        assertEquals("\"42\"", value("System.getProperty(\"JAWAIT_TEST_X\")"));
        assertTrue(execError("%env NOT_SET_ANYWHERE_123").getMessage().contains("NOT_SET_ANYWHERE_123"));
        assertEquals("UsageError", execError("%env 1bad=2").ename());
        // IPython's other form, without '='
        execSuccess("%env JAWAIT_TEST_Y some value");
        assertEquals("\"some value\"", value("%env JAWAIT_TEST_Y"));
    }

    @Test
    void display_magics_show_the_body_as_their_kind_with_ipythons_plain_text() throws CellException {
        String[][] cases = {
                {"html", "<b>bold</b>", "text/html", "HTML"},
                {"markdown", "# Title\n*x*", "text/markdown", "Markdown"},
                {"latex", "$$\\sum_i x_i$$", "text/latex", "Latex"},
                {"javascript", "console.log(1)", "application/javascript", "Javascript"},
                {"js", "console.log(2)", "application/javascript", "Javascript"}};
        for (String[] c : cases) {
            ctx.out.displays.clear();
            assertEquals("", execSuccess("%%" + c[0] + "\n" + c[1]), c[0]);
            var shown = ctx.out.displays.getFirst();
            String plain = "<IPython.core.display." + c[3] + " object>";
            assertEquals(java.util.Map.of(c[2], c[1] + "\n", "text/plain", plain), shown.data(), c[0]);
            assertEquals(java.util.Map.of(), shown.metadata(), c[0]);
        }
        ctx.out.displays.clear();
        execSuccess("%%html --isolated\n<i>own frame</i>");
        assertEquals(java.util.Map.of("text/html", java.util.Map.of("isolated", true)),
                ctx.out.displays.getFirst().metadata());
        assertEquals("UsageError", execError("%%html --isolate\n<i>x</i>").ename());
        usageError("%%markdown extra words\n# x", "%%markdown", "extra words");
    }

    @Test
    void svg_keeps_the_svg_element_and_fetches_no_doctype() throws CellException {
        ctx.out.displays.clear();
        // a file as drawing programs save it: the doctype names a DTD on the web, which must not be fetched
        execSuccess("""
                %%svg
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://jawait.invalid/svg11.dtd">
                <!-- drawn by hand -->
                <svg xmlns="http://www.w3.org/2000/svg" height="20" width="30"><rect height="4" width="5"/></svg>
                """);
        assertEquals("<svg xmlns=\"http://www.w3.org/2000/svg\" height=\"20\" width=\"30\">"
                + "<rect height=\"4\" width=\"5\"/></svg>", ctx.out.displays.getFirst().data().get("image/svg+xml"));
        usageError("%%svg\n<svg>\n<rect></svg>", "not well-formed", "line 2");
    }

    @Test
    void expect_error_passes_when_the_cell_fails_with_the_text() throws CellException {
        String out = execSuccess("%%expect_error cannot find symbol\nint z = undefinedThing + 1;");
        assertTrue(out.startsWith("Failed as expected"), out);
        assertTrue(execSuccess("%%expect_error boom\nthrow new IllegalStateException(\"boom\");")
                .contains("boom"));
    }

    @Test
    void expect_error_fails_when_the_cell_succeeds_or_fails_otherwise() {
        assertTrue(execError("%%expect_error boom\nint fine = 1;").getMessage().contains("ran without error"));
        assertTrue(execError("%%expect_error boom\nthrow new RuntimeException(\"other\");").getMessage()
                .contains("other"));
        assertEquals("UsageError", execError("%%expect_error\n1/0").ename());
    }

    @Test
    void run_runs_a_jsh_file_as_a_cell() throws Exception {
        Path file = tmp.resolve("defs.jsh");
        Files.writeString(file, "int loadedValue = 6;\nint twice(int x) { return 2 * x; }\n");
        execSuccess("%run " + file);
        assertEquals("12", value("twice(loadedValue)"));
    }

    @Test
    void run_drops_the_package_line_of_a_java_file() throws Exception {
        Path file = tmp.resolve("Greeter.java");
        Files.writeString(file, "package demo.hello;\npublic class Greeter { public static String hi() { return \"hi\"; } }\n");
        execSuccess("%run " + file);
        assertEquals("\"hi\"", value("Greeter.hi()"));
    }

    @Test
    void run_rejects_missing_files_and_other_extensions() {
        String missing = execError("%run /no/such/file.jsh").getMessage();
        assertTrue(missing.contains("/no/such/file.jsh: no such file or directory"), missing);
        assertTrue(execError("%run notes.txt").getMessage().contains("notes.txt"));
    }

    /** Runs a {@code %load} cell that must succeed; returns the text it asks the front end to put in the cell. */
    static String loaded(String cell) throws CellException {
        ctx.nextInput = null;
        assertEquals("", execSuccess(cell));
        assertTrue(ctx.nextInput == null || ctx.nextInputReplaces, "the cell is replaced, as IPython's %load does");
        return ctx.nextInput;
    }

    @Test
    void load_puts_the_file_in_place_of_the_cell_after_a_comment_and_runs_nothing() throws Exception {
        Path file = tmp.resolve("toLoad.jsh");
        Files.writeString(file, "int notRunYet = 5;\nnotRunYet * 2\n");
        assertEquals("// %load " + file + "\nint notRunYet = 5;\nnotRunYet * 2\n", loaded("%load " + file));
        assertTrue(ctx.variables().stream().noneMatch(v -> v.name().equals("notRunYet")));
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "any text");
        assertEquals("// %load '" + notes + "'\nany text", loaded("%load '" + notes + "'"));
    }

    @Test
    void load_r_picks_lines_as_ipython_does() throws Exception {
        Path file = Files.writeString(tmp.resolve("Lines.java"), "one\ntwo\nthree\nfour\nfive\n");
        assertEquals("// %load -r 2-3,5 " + file + "\ntwo\nthree\nfive", loaded("%load -r 2-3,5 " + file));
        assertTrue(loaded("%load -r 2:4 " + file).endsWith("\ntwo\nthree"));
        assertTrue(loaded("%load -r 4: " + file).endsWith("\nfour\nfive\n"));
        assertTrue(loaded("%load -r :2 " + file).endsWith("\none"));
        assertTrue(loaded("%load -r 9 " + file).endsWith(file + "\n"), "a line past the end picks nothing");
        String bad = execError("%load -r 2-x " + file).getMessage();
        assertTrue(bad.contains("-r takes lines as 5-10") && bad.contains("'2-x'"), bad);
        String unknown = execError("%load -q " + file).getMessage();
        assertTrue(unknown.contains("option -q not recognized"), unknown);
    }

    @Test
    void load_s_picks_declarations_of_a_jsh_file_by_name_with_their_javadoc() throws Exception {
        Path file = Files.writeString(tmp.resolve("Picks.jsh"), """
                import java.util.*;
                int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
                System.out.println(fib(10));
                /** A point. */
                @SuppressWarnings("unused")
                record Point(int x, int y) {}
                var origin = new Point(0, 0);
                int fib(int a, int b) {
                    return a + b;
                }
                """);
        assertEquals("// %load -s Point,fib,origin " + file + "\n/** A point. */\n@SuppressWarnings(\"unused\")\n"
                + "record Point(int x, int y) {}\n\nint fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\n\n"
                + "int fib(int a, int b) {\n    return a + b;\n}\n\nvar origin = new Point(0, 0);\n",
                loaded("%load -s Point,fib,origin " + file));
        assertTrue(ctx.variables().stream().noneMatch(v -> v.name().equals("origin")), "nothing runs");
    }

    @Test
    void load_s_takes_members_of_a_java_files_types_off_their_indent_and_r_then_picks_lines() throws Exception {
        Path file = Files.writeString(tmp.resolve("Shapes.java"), """
                package demo;

                public class Shapes {
                    static final int SIDES = 4;

                    static double area(double r) {
                        return Math.PI * r * r;
                    }
                }
                """);
        assertEquals("// %load -s area,Shapes.SIDES " + file + "\nstatic double area(double r) {\n"
                + "    return Math.PI * r * r;\n}\n\nstatic final int SIDES = 4;\n",
                loaded("%load -s area,Shapes.SIDES " + file));
        assertTrue(loaded("%load -s Shapes " + file).endsWith("\npublic class Shapes {\n    static final int SIDES = 4;"
                + "\n\n    static double area(double r) {\n        return Math.PI * r * r;\n    }\n}\n"));
        assertTrue(loaded("%load -s area -r 2 " + file).endsWith(file + "\nreturn Math.PI * r * r;"));
    }

    @Test
    void load_s_reaches_nested_types_and_takes_fields_declared_together_whole() throws Exception {
        Path file = Files.writeString(tmp.resolve("Nest.jsh"), """
                class Counter {
                    static int a = 1, b = 2;
                    /** Adds one. */
                    int increment() { return ++a; }
                    static class Inner {
                        int deep() { return 3; }
                    }
                }
                enum Color { RED, GREEN; int shade() { return 1; } }
                record P(int x, int y) { static int origin = 0; }
                System.out.println(1);
                """);
        assertTrue(loaded("%load -s Counter.increment " + file).endsWith(file + "\n/** Adds one. */\n"
                + "int increment() { return ++a; }\n"));
        // the first of two fields declared together ends at its comma: both come, once
        assertTrue(loaded("%load -s a " + file).endsWith(file + "\nstatic int a = 1, b = 2;\n"));
        assertTrue(loaded("%load -s Counter.b,Counter.a " + file).endsWith(file + "\nstatic int a = 1, b = 2;\n"));
        assertTrue(loaded("%load -s Counter.Inner.deep " + file).endsWith(file + "\nint deep() { return 3; }\n"));
        assertTrue(loaded("%load -s Inner.deep,Color.shade,P.origin " + file).endsWith(file
                + "\nint deep() { return 3; }\n\nint shade() { return 1; }\n\nstatic int origin = 0;\n"));
        // plain names stop at the members of top-level types; components and constants are not declarations
        String none = execError("%load -s deep,x,RED " + file).getMessage();
        assertTrue(none.contains("deep, x, RED are not declared in " + file + "; it declares Counter, Counter.a, "
                + "Counter.b, Counter.increment, Counter.Inner, Counter.Inner.deep, Color, Color.shade, P, P.origin"),
                none);
    }

    @Test
    void load_s_warns_of_names_it_did_not_find_and_fails_when_it_found_none() throws Exception {
        Path file = Files.writeString(tmp.resolve("One.jsh"), "int one() { return 1; }\nclass Box {}\n");
        ctx.out.stderr.setLength(0);
        assertTrue(loaded("%load -s one,two " + file).endsWith("\nint one() { return 1; }\n"));
        assertEquals("The symbol two was not found in " + file + "\n", ctx.out.stderr.toString());
        CellException none = execError("%load -s two,Three " + file);
        assertEquals("UsageError", none.ename());
        assertTrue(none.getMessage().contains("two, Three are not declared in " + file + "; it declares one, Box"),
                none.getMessage());
        assertTrue(execError("%load -s 'a;b' " + file).getMessage().contains("-s takes names separated by commas"));
    }

    @Test
    void load_r_takes_the_first_lines_indent_off_the_lines_that_share_it() throws Exception {
        Path file = Files.writeString(tmp.resolve("Nested.java"),
                "class Nested {\n    int f() {\n        return 1;\n    }\n}\n");
        assertTrue(loaded("%load -r 2-5 " + file).endsWith("\nint f() {\n    return 1;\n}\n}"));
    }

    @Test
    void load_fetches_an_http_url_and_names_what_went_wrong() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = switch (path) {
                case "/Sides.java" -> "int sides() { return 4; }\nsides()\n".getBytes(StandardCharsets.UTF_8);
                case "/latin1.jsh" -> "String s = \"\u00e9\";".getBytes(StandardCharsets.ISO_8859_1);
                default -> null;
            };
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            assertEquals("// %load " + base + "/Sides.java\nint sides() { return 4; }\nsides()\n",
                    loaded("%load " + base + "/Sides.java"));
            assertTrue(loaded("%load -s sides " + base + "/Sides.java").endsWith("\nint sides() { return 4; }\n"));
            String missing = execError("%load " + base + "/Nope.java").getMessage();
            assertTrue(missing.contains("cannot load " + base + "/Nope.java: the server answered 404"), missing);
            String latin1 = execError("%load " + base + "/latin1.jsh").getMessage();
            assertTrue(latin1.contains("/latin1.jsh: it is not text in UTF-8"), latin1);
        } finally {
            server.stop(0);
        }
        String refused = execError("%load " + base + "/Sides.java").getMessage();
        assertTrue(refused.contains("cannot load " + base + "/Sides.java: connection refused"), refused);
    }

    @Test
    void load_asks_before_a_large_file_unless_y_and_names_a_missing_one() throws Exception {
        Path file = Files.writeString(tmp.resolve("large.jsh"), "// x\n".repeat(LoadMagic.LARGE / 5 + 1));
        ctx.nextInput = null;
        assertEquals("Operation cancelled.\n", execSuccess("%load " + file), "the test's front end answers no");
        assertNull(ctx.nextInput);
        assertEquals(LoadMagic.LARGE + 5 + ("// %load -y " + file + "\n").length(), loaded("%load -y " + file).length());
        String missing = execError("%load /no/such/file.jsh").getMessage();
        assertTrue(missing.contains("/no/such/file.jsh: no such file or directory"), missing);
        assertTrue(execError("%load").getMessage().contains("give a file or an http(s) URL"));
    }

    @Test
    void classpath_adds_a_class_folder_for_later_cells() throws Exception {
        Path classes = JarFixtures.compile(tmp.resolve("cp"), "cpdemo.Answer",
                "package cpdemo; public class Answer { public static int get() { return 42; } }");
        execSuccess("%classpath " + classes);
        assertEquals("42", value("cpdemo.Answer.get()"));
        assertTrue(execError("%classpath /no/such/dir").getMessage().contains("/no/such/dir"));
    }

    @Test
    void maven_resolves_an_artifact_with_its_dependencies() throws Exception {
        Path repo = JarFixtures.repository(tmp.resolve("remote"));
        String out = execSuccess("%maven -r " + repo + " demo:app:1.0");
        assertTrue(out.startsWith("Added 2 jars to the classpath: app-1.0.jar, lib-1.0.jar"), out);
        assertEquals("\"app uses lib\"", value("demoapp.App.describe()"));
        assertTrue(Files.exists(tmp.resolve("m2/demo/lib/1.0/lib-1.0.jar")), "cached in the local repository");
    }

    @Test
    void maven_reports_bad_coordinates_and_missing_artifacts() throws Exception {
        assertEquals("UsageError", execError("%maven not-coordinates").ename());
        Path repo = JarFixtures.repository(tmp.resolve("remote2"));
        CellException e = execError("%maven -r " + repo + " demo:absent:9.9");
        assertTrue(e.getMessage().contains("demo:absent:9.9"), e.getMessage());
    }

    @Test
    void async_mode_checks_its_argument() {
        CellException e = execError("%async_mode eventloop");
        assertEquals("UsageError", e.ename());
        assertTrue(e.getMessage().contains("eventloop"), e.getMessage());
    }

    /** %%bash runs the body with bash: both streams arrive, each in its own stream, and big output is not stuck. */
    @Test
    void bash_runs_the_body_and_streams_both_outputs() throws CellException {
        ctx.out.stderr.setLength(0);
        assertEquals("42\n", execSuccess("%%bash\necho $((6 * 7))\necho oops >&2"));
        assertEquals("oops\n", ctx.out.stderr.toString());
        String big = execSuccess("%%sh\nhead -c 1000000 /dev/zero | tr '\\0' x");
        assertEquals(1_000_000, big.length());
        assertTrue(big.chars().allMatch(c -> c == 'x'));
    }

    @Test
    void script_passes_its_words_to_the_program_and_the_env_magic_into_its_environment() throws CellException {
        assertEquals("2:two words:\n", execSuccess("%%script bash -s one 'two words'\necho \"$#:$2:$3\""));
        assertEquals("a b\n", execSuccess("%%bash -s \"a b\"\necho \"$1\""));
        execSuccess("%env JAWAIT_SCRIPT_SEES=set by env");
        assertEquals("set by env\n", execSuccess("%%sh\necho \"$JAWAIT_SCRIPT_SEES\""));
    }

    @Test
    void a_failing_program_fails_the_cell_unless_told_not_to() throws CellException {
        ctx.out.stdout.setLength(0);
        CellException failed = execError("%%bash\necho before\nexit 3");
        assertEquals("CalledProcessError", failed.ename());
        assertEquals("Command 'bash' returned non-zero exit status 3.", failed.getMessage());
        assertEquals("before\n", ctx.out.stdout.toString());
        assertEquals("", execSuccess("%%bash --no-raise-error\nexit 3"));
    }

    @Test
    void out_and_err_bind_what_the_program_printed_instead_of_showing_it() throws CellException {
        assertEquals("", execSuccess("%%bash --out scriptOut --err scriptErr\necho to out; echo to err >&2"));
        assertEquals("\"to out\\n|to err\\n\"", value("scriptOut + \"|\" + scriptErr"));
    }

    @Test
    void script_refuses_what_it_cannot_run_and_names_it() {
        assertTrue(execError("%%script\necho").getMessage().contains("name the program"));
        CellException missing = execError("%%script no-such-program-jawait\necho");
        assertEquals("UsageError", missing.ename());
        assertTrue(missing.getMessage().startsWith("%%script: cannot run 'no-such-program-jawait': "),
                missing.getMessage());
        assertTrue(execError("%%script --frobnicate bash\necho").getMessage()
                .contains("option --frobnicate not recognized"));
        assertTrue(execError("%%bash --bg\necho").getMessage().contains("--bg is not supported"));
        assertTrue(execError("%%bash --out 1x\necho").getMessage().contains("needs the name of a variable"));
        assertTrue(execError("%%script bash 'open\necho").getMessage().contains("is not closed"));
    }

    /** %sx: the lines the command printed, errors among them, are the value; a failing command fails nothing. */
    @Test
    void sx_gives_the_printed_lines_as_a_list() throws CellException {
        assertEquals("[one, two]", value("%sx echo one; echo two >&2"));
        assertEquals("[a, b c]", value("%system printf 'a\\nb c\\n'"));
        execSuccess("java.util.List<String> sxLines = %sx printf 'x\\ny\\n'");
        assertEquals("\"y\"", value("sxLines.get(1)"));
        String missing = value("%sx ls /no/such/dir/jawait");
        assertTrue(missing.contains("No such file"), missing);
        assertEquals("", execSuccess("%%sx --out sxCell\necho first\necho second"));
        assertEquals("2", value("sxCell.size()"));
        // its words are completed as files (this test runs in the module's folder, which holds src/)
        assertEquals(List.of("src/"), magics.filesAt("%sx ls sr", 9).paths());
    }

    /** {expr} and $name take Java values, except in single quotes; $$ and doubled braces stand for themselves. */
    @Test
    void sx_puts_java_values_into_the_command_as_ipython_does() throws CellException {
        execSuccess("int sxN = 3;\nString sxWho = \"java\";\nint[] sxArr = {7, 8};");
        execSuccess("%env sxWho=shell");
        assertEquals("[3 6 java $sxN shell {x} 8 2]",
                value("%sx echo $sxN {sxN * 2} $sxWho '$sxN' $$sxWho {{x}} {sxArr[1]} $sxArr.length"));
        // one part that is not Java (or names no variable) leaves the whole command to the shell, as written
        assertEquals("[{not java} {sxN}]", value("%sx echo '{not java}' {sxN}"));
        assertEquals("[shell {sxN}]", value("%sx echo $sxWho$NO_SUCH_JAVA_NAME {sxN}"));
    }

    @Test
    void sx_refuses_what_it_cannot_do_and_names_it() {
        assertTrue(execError("%sx").getMessage().contains("give the command"));
        assertTrue(execError("%sx sleep 5 &").getMessage().contains("background processes"));
        usageError("%%sx --into x\necho", "%%sx: the one option is --out VAR");
    }

    /** An alias runs its command in the shell with the call's words put where IPython puts them. */
    @Test
    void alias_builds_the_command_from_the_calls_words_as_ipython_does() throws CellException {
        execSuccess("%alias parts echo first %s second %s");
        assertEquals("first A second B C\n", execSuccess("%parts A B C"));
        usageError("%parts A", "Alias <parts> requires 2 arguments, 1 given.");
        execSuccess("%alias bracket echo \"<%l>\" done");
        assertEquals("<hello world> done\n", execSuccess("%bracket hello world"));
        execSuccess("%alias percent echo 100%%s");
        assertEquals("100%s done\n", execSuccess("%percent done"));
        execSuccess("int aliasN = 4;");
        assertEquals("first 8 second 4 $aliasN\n", execSuccess("%parts {aliasN * 2} $aliasN '$aliasN'"));
        // errors show as errors; a failing command fails nothing, as in IPython
        ctx.out.stderr.setLength(0);
        assertEquals("", execSuccess("%cat /no/such/file/jawait"));
        assertTrue(ctx.out.stderr.toString().contains("No such file"), ctx.out.stderr.toString());
        assertTrue(magics.help("%parts").contains("Alias for `echo first %s second %s`"), magics.help("%parts"));
        assertEquals(List.of("src/"), magics.filesAt("%cat sr", 7).paths());
        execSuccess("%unalias parts");
        usageError("%parts A B", "Line magic function `%parts` not found");
        usageError("%unalias parts", "%unalias: parts is not an alias");
    }

    /** Every kernel starts with IPython's aliases; %alias lists them, and refuses names IPython refuses. */
    @Test
    void ipythons_aliases_list_files_and_alias_alone_lists_them() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("aliased"));
        Files.writeString(dir.resolve("plain.txt"), "x");
        Files.createDirectories(dir.resolve("folder"));
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("plain.txt"));
        String ls = execSuccess("%ls " + dir);
        assertTrue(ls.contains("plain.txt") && ls.contains("folder") && ls.contains("link"), ls);
        String files = execSuccess("%lf " + dir);
        assertTrue(files.contains("plain.txt") && !files.contains("folder") && !files.contains("link"), files);
        String folders = execSuccess("%ldir " + dir);
        assertTrue(folders.contains("folder") && !folders.contains("plain.txt"), folders);
        String links = execSuccess("%lk " + dir);
        assertTrue(links.contains("link") && !links.contains("folder"), links);

        Magics fresh = new Magics(MagicCatalog.standard(tmp.resolve("m2")));
        ctx.out.stdout.setLength(0);
        Evaluation listed = fresh.run("%alias", ctx);
        assertEquals("Total number of aliases: 12\n", ctx.out.stdout.toString());
        assertTrue(listed.text().startsWith("{cat=cat,\n cp=cp,\n ldir=ls -F -o --color %l | grep /$,\n"),
                listed.text());
        assertEquals("java.util.Map<String, String>", listed.type());
        String lsmagic = execSuccess("%lsmagic");
        for (String name : List.of("%alias", "%unalias", "%ls", "%ll", "%lx", "%mkdir", "%rmdir")) {
            assertTrue(lsmagic.contains(name + " "), name + " missing from " + lsmagic);
        }
        assertEquals(List.of("%ldir"), magics.complete("%ld"));
        usageError("%alias cd echo", "The name cd can't be aliased because it is a keyword or builtin.");
        usageError("%alias time echo", "The name time can't be aliased because it is another magic command.");
        usageError("%alias both echo %s %l", "The %s and %l specifiers are mutually exclusive");
        usageError("%alias lonely", "give the alias's name and the command");
        usageError("%alias 9x echo", "'9x' cannot be a magic's name");
        usageError("%unalias", "name the alias");
    }

    /** %hist, %%file and %set_env are IPython's other names: %history, %%writefile, %env NAME=VALUE. */
    @Test
    void ipythons_other_names_run_the_same_magics() throws Exception {
        Path file = tmp.resolve("via-file.txt");
        assertEquals("Writing " + file + "\n", execSuccess("%%file " + file + "\nsome text"));
        assertEquals("some text\n", Files.readString(file));
        assertTrue(magics.help("%hist").startsWith("%hist: Another name for %history.\nUsage: %hist [-n]"),
                magics.help("%hist"));
        assertEquals("env: JAWAIT_SET_ENV=7\n", execSuccess("%set_env JAWAIT_SET_ENV 7"));
        assertEquals("\"7\"", value("%env JAWAIT_SET_ENV"));
        execSuccess("int setEnvN = 5;");
        assertEquals("env: JAWAIT_SET_ENV=5 and $HOME\n", execSuccess("%set_env JAWAIT_SET_ENV=$setEnvN and $$HOME"));
        usageError("%set_env", "%set_env: give the variable and its value");
        usageError("%set_env JAWAIT_ALONE", "%set_env: give the variable and its value");
    }

    /** %xmode sets a mode in any case, moves to the next one alone, as IPython's toggles, and names a bad one. */
    @Test
    void xmode_sets_or_toggles_the_mode_and_tb_says_when_nothing_failed() throws CellException {
        try {
            assertEquals("Exception reporting mode: Verbose\n", execSuccess("%xmode VERBOSE"));
            assertEquals(Xmode.VERBOSE, Xmode.current());
            assertEquals("Exception reporting mode: Minimal\n", execSuccess("%xmode"));
            assertEquals("Exception reporting mode: Plain\n", execSuccess("%xmode"));
            usageError("%xmode Docs", "%xmode: unrecognized mode 'Docs'; the modes are Plain, Context, Verbose");
            assertEquals(Xmode.PLAIN, Xmode.current());
        } finally {
            Xmode.set(Xmode.CONTEXT);
        }
        ctx.out.stderr.setLength(0);
        execSuccess("%tb");
        assertEquals("No traceback available to show.\n", ctx.out.stderr.toString());
        usageError("%tb Verbose", "%tb: it takes no arguments");
    }

    /** %prun's table names a cell's methods, classes and lambdas as the cell wrote them, and library ones in full. */
    @Test
    void prun_names_methods_as_the_cell_wrote_them() {
        assertEquals("fib", ProfileMagic.name("REPL.$JShell$12", "fib"));
        assertEquals("Point.Inner.x", ProfileMagic.name("REPL.$JShell$15$Point$Inner", "x"));
        assertEquals("<cell>", ProfileMagic.name("REPL.$JShell$20", "do_it$"));
        assertEquals("<lambda in cell>", ProfileMagic.name("REPL.$JShell$20", "lambda$do_it$$0"));
        assertEquals("<lambda in fib>", ProfileMagic.name("REPL.$JShell$12", "lambda$fib$1"));
        assertEquals("java.lang.Math.sqrt", ProfileMagic.name("java.lang.Math", "sqrt"));
    }
}
