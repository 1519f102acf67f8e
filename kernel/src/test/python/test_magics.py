"""The magics as a Jupyter client sees them: output shapes, options, binding, errors, completion and help."""
import os
import re
import tempfile
import threading
import unittest
from functools import partial
from http.server import HTTPServer, SimpleHTTPRequestHandler

from kernel_harness import KernelTestCase, java_only, pick

TIMEIT_LINE = re.compile(r"^\S+ \S+ ± \S+ \S+ per loop \(mean ± std\. dev\. of (\d+) runs?, ([\d,]+) loops? each\)$",
                         re.MULTILINE)


@java_only("these are jawait's magics, tested in Java")
class MagicTests(KernelTestCase):

    def test_lsmagic_lists_line_and_cell_magics(self):
        out = self.kernel.ok("%lsmagic").stream()
        self.assertIn("Available line magics:", out)
        self.assertIn("%%timeit", out)

    def test_prun_prints_the_methods_the_cell_spent_its_cpu_in(self):
        self.kernel.ok("long prunWork(long n) { long s = 0; for (long i = 0; i < n; i++) "
                       "s += Long.bitCount(i * 7 ^ s); return s; }")
        out = self.kernel.ok("%prun long prunSum = 0; for (int k = 0; k < 40; k++) prunSum += prunWork(5_000_000);")
        report = out.stream()
        self.assertRegex(report, r"^\d+ samples in \d+\.\d{3} seconds")
        self.assertIn("%  prunWork\n", report)

    def test_time_prints_ipython_shape_and_keeps_the_value(self):
        cell = self.kernel.ok("%time Thread.sleep(200)\n42")
        self.assertRegex(cell.stream(), r"CPU times: user .+, sys: .+, total: .+\nWall time: ")
        wall = re.search(r"Wall time: ([\d.]+) (ns|µs|ms|s)\b", cell.stream())
        seconds = float(wall.group(1)) * {"ns": 1e-9, "µs": 1e-6, "ms": 1e-3, "s": 1}[wall.group(2)]
        self.assertGreaterEqual(seconds, 0.19, cell.stream())
        self.assertEqual(cell.result, "42")

    def test_cell_time_covers_the_whole_cell(self):
        cell = self.kernel.ok("%%time\nint slept = 0;\nThread.sleep(100);\nslept = 1;")
        self.assertIn("Wall time:", cell.stream())

    def test_timeit_prints_mean_and_spread_with_the_runs_and_loops_asked_for(self):
        out = self.kernel.ok("%timeit -n 1000 -r 3 Math.sqrt(2.0)").stream()
        match = TIMEIT_LINE.search(out)
        self.assertIsNotNone(match, out)
        self.assertEqual((match.group(1), match.group(2)), ("3", "1,000"))

    def test_timeit_consumes_values_through_the_compiler_blackhole_the_kernelspec_enables(self):
        self.assertEqual(self.kernel.value("io.jawait.timing.Blackhole.compilerAssisted()"), "true")

    def test_cell_timeit_takes_its_first_line_as_setup(self):
        out = self.kernel.ok("%%timeit -n 5 -r 2 int[] a = new int[100];\nArrays.fill(a, 1);").stream()
        self.assertRegex(out, TIMEIT_LINE)

    def test_timeit_o_binds_a_result_that_later_cells_use_and_that_draws_itself(self):
        quiet = self.kernel.ok("var r = %timeit -q -o -n 100 -r 2 Integer.toString(7)")
        self.assertEqual(quiet.stream(), "")
        self.assertEqual(self.kernel.value("r.runs()"), "2")
        shown = self.kernel.ok("r")
        bundles = [m["content"]["data"] for m in shown.of_type("execute_result")]
        self.assertTrue(bundles and "image/svg+xml" in bundles[-1], shown)

    def test_timeit_f_times_the_statement_in_a_fresh_jvm_without_the_kernels_start_up_cache(self):
        k = self.kernel
        kernel_pid = k.value("ProcessHandle.current().pid()")
        out = k.ok('%timeit -f -n 1 -r 1 -w 0 System.out.println("pid " + ProcessHandle.current().pid())').stream()
        fork_pid = re.search(r"^pid (\d+)$", out, re.M)
        self.assertIsNotNone(fork_pid, out)
        self.assertNotEqual(fork_pid.group(1), kernel_pid)
        self.assertRegex(out, TIMEIT_LINE)
        k.ok("var forkedRuns = %timeit -f -o -q -n 100 -r 2 Math.sqrt(2.0)")
        self.assertEqual(k.value("forkedRuns.runs()"), "2")
        self.assertEqual(k.value('forkedRuns.environment().jvmFlags().stream().anyMatch(f -> f.startsWith("-XX:AOT"))'),
                         "false")
        cell = k.execute("int notInTheFork = 2;\n%timeit -f notInTheFork * 2")
        self.assertEqual(cell.status, "error")
        self.assertIn("variable notInTheFork", cell.error_text())

    def test_interrupt_ends_a_forked_timeit_and_its_jvm(self):
        k = self.kernel
        msg_id = k.kc.execute("%%timeit -f -n 1 -r 1 -w 0 "
                              'System.out.println("forked " + ProcessHandle.current().pid());\nThread.sleep(600_000)',
                              allow_stdin=False)
        printed = lambda: re.search(r"forked (\d+)", "".join(
            m["content"].get("text", "") for m in k.iopub[msg_id] if m["msg_type"] == "stream"))
        self.assertTrue(k.pump(printed, 60), "the fork never printed its pid")
        fork_pid = printed().group(1)
        k.km.interrupt_kernel()
        cell = k.finish(msg_id, timeout=30)
        self.assertEqual(cell.status, "error")
        self.assertEqual(cell.reply["content"]["ename"], "KeyboardInterrupt")
        self.assertEqual(k.value(f"ProcessHandle.of({fork_pid}L).map(p -> p.onExit().join().isAlive()).orElse(false)"),
                         "false")

    def test_an_unknown_magic_is_a_usage_error_and_the_kernel_carries_on(self):
        cell = self.kernel.execute("%nosuch 1")
        self.assertEqual(cell.status, "error")
        self.assertEqual(cell.reply["content"]["ename"], "UsageError")
        self.assertIn("%nosuch", cell.reply["content"]["evalue"])
        self.assertEqual(self.kernel.value("1 + 1"), "2")

    def test_a_line_magic_inside_a_loop_is_refused_before_any_of_the_cell_runs(self):
        cell = self.kernel.execute("int inLoop = 0;\nfor (int i = 0; i < 3; i++) {\n    %time inLoop += i\n}")
        self.assertEqual(cell.status, "error")
        self.assertEqual(cell.reply["content"]["ename"], "UsageError")
        self.assertIn("%time on line 3 is inside the block { opened on line 2", cell.reply["content"]["evalue"])
        self.assertIn("%%time", cell.reply["content"]["evalue"])
        # parsed before anything ran: the declaration above the loop did not run either
        self.assertEqual(self.kernel.execute("inLoop").reply["content"]["ename"], "CompilationError")

    def test_a_bad_timeit_option_names_the_option(self):
        cell = self.kernel.execute("%timeit -n zero Math.sqrt(2.0)")
        self.assertEqual(cell.status, "error")
        self.assertIn("-n", cell.error_text())

    def test_an_unknown_timeit_option_is_refused_not_compiled(self):
        cell = self.kernel.execute("%timeit -z 1")
        self.assertEqual(cell.status, "error")
        self.assertEqual(cell.reply["content"]["ename"], "UsageError")
        self.assertIn("option -z not recognized", cell.error_text())

    def test_maven_reports_a_missing_artifact_without_logging_noise(self):
        with tempfile.TemporaryDirectory() as empty_repo:
            cell = self.kernel.execute(f"%maven -r {empty_repo} demo:absent:1.0")
        self.assertEqual(cell.status, "error")
        self.assertIn("demo:absent:1.0", cell.error_text())
        self.assertNotIn("SLF4J", cell.stream("stderr"))

    def test_cell_html_publishes_html(self):
        cell = self.kernel.ok("%%html\n<b>x</b>")
        self.assertTrue(any("text/html" in m["content"]["data"] for m in cell.of_type("display_data")), cell)

    def test_who_and_whos_list_the_variables_a_cell_declared(self):
        self.kernel.ok("int whoSeen = 41;\nString whoText = \"hi\";")
        self.assertIn("whoSeen", self.kernel.ok("%who").stream().split())
        rows = self.kernel.ok("%whos int").stream().splitlines()
        self.assertRegex(rows[0], r"^Variable +Type +Data/Info$")
        self.assertTrue(any(re.fullmatch(r"whoSeen +int +41", row) for row in rows), rows)
        self.assertFalse(any(row.startswith("whoText") for row in rows), rows)

    def test_cell_writefile_writes_a_file_that_run_then_runs(self):
        with tempfile.TemporaryDirectory() as folder:
            path = f"{folder}/made.jsh"
            cell = self.kernel.ok(f"%%writefile {path}\nint madeInNotebook = 7;")
            self.assertEqual(cell.stream(), f"Writing {path}\n")
            with open(path, encoding="utf-8") as f:
                self.assertEqual(f.read(), "int madeInNotebook = 7;\n")
            self.kernel.ok(f"%run {path}")
            self.assertEqual(self.kernel.ok("madeInNotebook * 6").result, "42")

    def test_load_asks_the_front_end_to_replace_the_cell_with_the_file(self):
        with tempfile.TemporaryDirectory() as folder:
            path = f"{folder}/Shown.java"
            with open(path, "w", encoding="utf-8") as f:
                f.write("int shownNotRun = 3;\nshownNotRun + 1\n")
            cell = self.kernel.ok(f"%load -r 1 {path}")
        self.assertEqual(cell.reply["content"]["payload"], [
            {"source": "set_next_input", "text": f"// %load -r 1 {path}\nint shownNotRun = 3;", "replace": True}])
        self.assertEqual(cell.of_type("stream") + cell.of_type("execute_result"), [])
        self.assertIn("cannot find symbol", self.kernel.execute("shownNotRun").error_text())

    def test_load_s_puts_the_named_declarations_in_the_cell_and_warns_of_the_rest(self):
        with tempfile.TemporaryDirectory() as folder:
            path = f"{folder}/Shapes.java"
            with open(path, "w", encoding="utf-8") as f:
                f.write("class Shapes {\n    static int sides() {\n        return 4;\n    }\n    int unused;\n}\n")
            cell = self.kernel.ok(f"%load -s sides,corners {path}")
        self.assertEqual(cell.reply["content"]["payload"], [
            {"source": "set_next_input", "text": f"// %load -s sides,corners {path}\nstatic int sides() {{\n"
                                                 "    return 4;\n}\n", "replace": True}])
        self.assertEqual(cell.stream("stderr"), f"The symbol corners was not found in {path}\n")

    def test_load_fetches_a_url_as_ipythons_does(self):
        with tempfile.TemporaryDirectory() as folder:
            with open(f"{folder}/Served.java", "w", encoding="utf-8") as f:
                f.write("int served = 5;\n")
            server = HTTPServer(("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=folder))
            threading.Thread(target=server.serve_forever, daemon=True).start()
            url = f"http://127.0.0.1:{server.server_address[1]}/Served.java"
            try:
                cell = self.kernel.ok(f"%load {url}")
            finally:
                server.shutdown()
                server.server_close()
        self.assertEqual(cell.reply["content"]["payload"], [
            {"source": "set_next_input", "text": f"// %load {url}\nint served = 5;\n", "replace": True}])

    def test_expect_error_passes_only_when_the_cell_fails_with_the_text(self):
        passed = self.kernel.execute("%%expect_error cannot find symbol\nundefinedThing + 1")
        self.assertEqual(passed.status, "ok", passed.error_text())
        failed = self.kernel.execute("%%expect_error cannot find symbol\n1 + 1")
        self.assertEqual(failed.status, "error")

    def test_jvm_describes_the_environment(self):
        self.assertIn("JDK", self.kernel.ok("%jvm").stream())

    def test_completion_offers_magic_names(self):
        k = self.kernel
        matches = k.shell_reply(k.kc.complete("%ti", 3))["content"]["matches"]
        self.assertTrue({"%time", "%timeit"} <= set(matches), matches)

    def test_load_completes_folders_and_the_files_it_can_load(self):
        k = self.kernel
        with tempfile.TemporaryDirectory() as d:
            for name in ("hello.jsh", "notes.txt"):
                open(os.path.join(d, name), "w").close()
            os.mkdir(os.path.join(d, "more"))
            code = f"int kept = 1;\n%load {d}/"
            content = k.shell_reply(k.kc.complete(code, len(code)))["content"]
        self.assertEqual(content["matches"], [f"{d}/hello.jsh", f"{d}/more/"])
        self.assertEqual((content["cursor_start"], content["cursor_end"]), (len("int kept = 1;\n%load "), len(code)))
        types = content["metadata"]["_jupyter_types_experimental"]
        self.assertEqual([t["type"] for t in types], ["path", "path"])

    def test_question_mark_shows_the_magic_help(self):
        self.assertIn("Usage: %timeit", self.kernel.ok("%timeit?").stream())

    def test_async_mode_switches_the_default_mode_of_run(self):
        self.kernel.ok("%async_mode loop")
        self.assertEqual(self.kernel.value("Async.mode()"), "LOOP")
        self.kernel.ok("%async_mode virtual")
        self.assertEqual(self.kernel.value("Async.mode()"), "VIRTUAL")

    def test_interrupt_ends_a_long_timeit_and_the_next_cell_runs(self):
        k = self.kernel
        # a Java line before the magic says when the cell is running, so the interrupt cannot come too early
        msg_id = k.kc.execute('System.out.println("started");\n%timeit -n 1000 -r 100 Thread.sleep(100)',
                              allow_stdin=False)
        printed = lambda: "started" in "".join(
            m["content"].get("text", "") for m in k.iopub[msg_id] if m["msg_type"] == "stream")
        self.assertTrue(k.pump(printed, 30), "the cell never printed 'started'")
        k.km.interrupt_kernel()
        cell = k.finish(msg_id, timeout=15)
        self.assertEqual(cell.status, "error")
        self.assertEqual(k.value("3 * 3"), "9")


class ScriptMagicTests(KernelTestCase):
    """%%bash and %%script, which run the cell's body with a program. The checks hold for ipykernel too
    (JAWAIT_KERNEL=python3): the output they expect is IPython's."""

    def test_bash_streams_both_outputs(self):
        cell = self.kernel.ok("%%bash\necho $((6 * 7))\necho oops >&2")
        self.assertEqual((cell.stream(), cell.stream("stderr")), ("42\n", "oops\n"))

    def test_a_variable_set_by_env_reaches_the_script(self):
        self.assertEqual(self.kernel.ok("%env JAWAIT_SCRIPT_VAR=seen by bash").stream(),
                         "env: JAWAIT_SCRIPT_VAR=seen by bash\n")
        self.assertEqual(self.kernel.ok('%%script bash -s "two words"\necho "$JAWAIT_SCRIPT_VAR, $1"').stream(),
                         "seen by bash, two words\n")

    def test_a_non_zero_exit_fails_the_cell_and_the_kernel_carries_on(self):
        cell = self.kernel.execute("%%bash\necho before\nexit 3")
        self.assertEqual(cell.status, "error")
        self.assertEqual(cell.reply["content"]["ename"], "CalledProcessError")
        self.assertIn("non-zero exit status 3", cell.reply["content"]["evalue"])
        self.assertEqual(cell.stream(), "before\n")
        self.assertEqual(self.kernel.value("6 * 7"), "42")


class DisplayMagicTests(KernelTestCase):
    """%%markdown, %%latex, %%svg, %%javascript and %%html --isolated through a client. The checks hold for
    ipykernel too (JAWAIT_KERNEL=python3): what they expect is IPython's."""

    def shown(self, cell):
        displays = self.kernel.ok(cell).of_type("display_data")
        self.assertEqual(len(displays), 1, displays)
        return displays[0]["content"]

    def test_each_magic_displays_its_kind_with_ipythons_plain_text(self):
        for magic, body, mime, kind in (("markdown", "# Title", "text/markdown", "Markdown"),
                                        ("latex", "$$x^2$$", "text/latex", "Latex"),
                                        ("javascript", "console.log(1)", "application/javascript", "Javascript"),
                                        ("js", "console.log(2)", "application/javascript", "Javascript")):
            content = self.shown(f"%%{magic}\n{body}")
            plain = f"<IPython.core.display.{kind} object>"
            self.assertEqual(content["data"], {mime: body + "\n", "text/plain": plain}, magic)

    def test_svg_drops_what_comes_before_the_svg_element(self):
        svg = '<svg xmlns="http://www.w3.org/2000/svg" height="2" width="3"><rect height="1" width="1"/></svg>'
        content = self.shown('%%svg\n<?xml version="1.0"?>\n<!-- a comment -->\n' + svg)
        self.assertEqual(content["data"]["image/svg+xml"], svg)

    def test_html_isolated_asks_for_a_frame_of_its_own(self):
        content = self.shown("%%html --isolated\n<b>alone</b>")
        self.assertEqual(content["metadata"], {"text/html": {"isolated": True}})
        self.assertEqual(content["data"]["text/html"], "<b>alone</b>\n")


class SxMagicTests(KernelTestCase):
    """%sx and %system: a shell command's lines as the cell's value. The checks hold for ipykernel too
    (JAWAIT_KERNEL=python3), whose list shows its strings quoted."""

    def test_sx_gives_the_lines_with_the_errors_among_them(self):
        self.assertEqual(self.kernel.value("%sx echo one; echo two >&2"), pick("[one, two]", "['one', 'two']"))

    def test_system_puts_values_of_the_session_into_the_command(self):
        self.kernel.ok(pick("int sxN = 4;", "sxN = 4"))
        self.assertEqual(self.kernel.value("%system echo {sxN * 2} $sxN '$sxN'"),
                         pick("[8 4 $sxN]", "['8 4 $sxN']"))


class AliasMagicTests(KernelTestCase):
    """%alias and IPython's standard aliases (%ls, %lf, %cat, ...): shell commands whose output shows as it comes.
    The checks hold for ipykernel too (JAWAIT_KERNEL=python3), whose terminal ends lines with CR LF and sends errors
    with the output."""

    def test_ls_and_lf_list_a_folder_and_a_failing_command_fails_nothing(self):
        with tempfile.TemporaryDirectory() as folder:
            open(os.path.join(folder, "plain.txt"), "w").close()
            os.mkdir(os.path.join(folder, "sub"))
            listed = self.kernel.ok(f"%ls {folder}").stream()
            self.assertIn("plain.txt", listed)
            self.assertIn("sub", listed)
            files = self.kernel.ok(f"%lf {folder}").stream()
            self.assertIn("plain.txt", files)
            self.assertNotIn("sub", files)
        missing = self.kernel.ok("%cat /no/such/file/jawait")
        self.assertIn("No such file", missing.stream() + missing.stream("stderr"))

    def test_alias_puts_the_calls_words_in_place_of_percent_s(self):
        self.kernel.ok("%alias parts echo first %s second %s")
        self.assertEqual(self.kernel.ok("%parts A B C").stream().replace("\r\n", "\n"), "first A second B C\n")
        short = self.kernel.execute("%parts A")
        self.assertEqual(short.status, "error")
        self.assertIn("Alias <parts> requires 2 arguments, 1 given.", short.error_text())


class ExceptionModeTests(KernelTestCase):
    """%xmode and %tb, in a kernel of their own since the mode stays. The checks hold for ipykernel too
    (JAWAIT_KERNEL=python3), whose %tb sends the traceback as an error output where jawait prints it to stderr."""

    def test_minimal_shows_the_exception_alone_and_tb_shows_it_again(self):
        self.assertEqual(self.kernel.ok("%xmode Minimal").stream(), "Exception reporting mode: Minimal\n")
        failed = self.kernel.execute(pick("int zero = 0;\nint q = 1 / zero;", "zero = 0\nq = 1 / zero"))
        self.assertEqual(failed.status, "error")
        self.assertEqual(len(failed.reply["content"]["traceback"]), 1, failed.error_text())
        again = self.kernel.ok("%tb")
        shown = again.stream("stderr") + "".join("\n".join(m["content"]["traceback"]) for m in again.of_type("error"))
        self.assertIn(pick("java.lang.ArithmeticException", "ZeroDivisionError"), shown)


class InspectMagicTests(KernelTestCase):
    """%pinfo, %pinfo2, %pdef, %pdoc and %psource: help for a name, paged as NAME? pages it. The checks hold for
    ipykernel too (JAWAIT_KERNEL=python3), whose help pages hold terminal colours and its own headings."""

    def declare(self):
        self.kernel.ok(pick("/** The area of a square. */\ndouble squareArea(double side) { return side * side; }",
                            'def squareArea(side):\n    """The area of a square."""\n    return side * side'))

    @staticmethod
    def plain(text):
        return re.sub(r"\x1b\[[0-9;]*m", "", text)

    def page(self, cell):
        pages = [p for p in cell.reply["content"]["payload"] if p["source"] == "page"]
        return self.plain(pages[0]["data"]["text/plain"]) if pages else None

    def test_pinfo_pages_what_a_question_mark_does_and_pinfo2_adds_the_source(self):
        self.declare()
        self.assertEqual(self.page(self.kernel.ok("%pinfo squareArea")), self.page(self.kernel.ok("squareArea?")))
        detailed = self.page(self.kernel.ok("%pinfo2 squareArea"))
        self.assertIn("The area of a square.", detailed)
        self.assertIn("return side * side", detailed)
        self.assertNotIn("return side * side", self.page(self.kernel.ok("%pinfo squareArea")))

    def test_pdoc_psource_and_pdef_show_one_part_each(self):
        self.declare()
        doc = self.page(self.kernel.ok("%pdoc squareArea"))
        self.assertIn("The area of a square.", doc)
        self.assertNotIn("return", doc)
        self.assertIn("return side * side", self.page(self.kernel.ok("%psource squareArea")))
        self.assertIn("squareArea(", self.plain(self.kernel.ok("%pdef squareArea").stream()))
        self.assertIn("Object `noSuchName` not found.", self.kernel.ok("%pdoc noSuchName").stream())


class CaptureMagicTests(KernelTestCase):
    """%%capture through a client: the cell shows nothing, and the captured object shows it later. The checks hold
    for ipykernel too (JAWAIT_KERNEL=python3)."""

    def test_capture_hides_the_output_until_show(self):
        cell = self.kernel.ok("%%capture kept\n" + pick(java='System.out.println("hidden");\nSystem.err.print("e");',
                                                        python='import sys\nprint("hidden")\nsys.stderr.write("e")'))
        self.assertEqual(cell.of_type("stream"), [])
        shown = self.kernel.ok(pick(java="kept.show();", python="kept.show()"))
        self.assertEqual((shown.stream(), shown.stream("stderr")), ("hidden\n", "e"))


class SessionMagicTests(KernelTestCase):
    """%history, %xdel and %reset, in a kernel of their own since %reset deletes every name. The checks hold for
    ipykernel too (JAWAIT_KERNEL=python3): the output they expect is IPython's."""

    def test_history_n_numbers_the_cells_as_ipython_does_and_shows_itself(self):
        first_code = pick("int histA = 1;", "histA = 1")
        second_code = pick('String histB = "b";\nhistA', "histB = 'b'\nhistA")
        first = self.kernel.ok(first_code)
        self.kernel.ok(second_code)
        n = first.reply["content"]["execution_count"]
        asked = f"%history -n {n}-{n + 2}"
        self.assertEqual(self.kernel.ok(asked).stream(),
                         f"{n:4}: {first_code}\n{n + 1:4}:\n{second_code}\n{n + 2:4}: {asked}\n")

    def test_rerun_runs_the_last_cell_again_and_save_writes_cells_to_a_file(self):
        k = self.kernel
        k.ok(pick("int rerunTimes = 0;", "rerunTimes = 0"))
        bump = k.ok(pick("rerunTimes += 1;\nrerunTimes", "rerunTimes += 1\nrerunTimes"))
        again = k.ok("%rerun")
        self.assertEqual(again.stream(), "=== Executing: ===\n" + pick("rerunTimes += 1;\nrerunTimes",
                                                                        "rerunTimes += 1\nrerunTimes")
                         + "\n=== Output: ===\n")
        self.assertEqual(again.result, "2")
        n = bump.reply["content"]["execution_count"]
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, pick("bump.jsh", "bump.py"))
            saved = k.ok(f"%save {path} {n}")
            self.assertEqual(saved.stream(), f"The following commands were written to file `{path}`:\n"
                             + pick("rerunTimes += 1;\nrerunTimes", "rerunTimes += 1\nrerunTimes") + "\n")
            with open(path, encoding="utf-8") as f:
                self.assertTrue(f.read().endswith(pick("rerunTimes += 1;\nrerunTimes\n",
                                                       "rerunTimes += 1\nrerunTimes\n")))

    def test_recall_puts_a_cell_into_the_next_input(self):
        first = self.kernel.ok(pick("int recalled = 7;", "recalled = 7"))
        n = first.reply["content"]["execution_count"]
        payload = self.kernel.ok(f"%recall {n}").reply["content"]["payload"]
        self.assertEqual([(p["source"], p["text"], p["replace"]) for p in payload],
                         [("set_next_input", pick("int recalled = 7;", "recalled = 7"), False)])

    def test_xdel_deletes_a_variable_and_a_later_cell_cannot_use_it(self):
        self.kernel.ok(pick("int gone = 5;", "gone = 5"))
        self.assertEqual(self.kernel.ok("%xdel gone").stream(), "")
        cell = self.kernel.execute("gone")
        self.assertEqual(cell.status, "error")
        self.assertIn(pick("cannot find symbol", "name 'gone' is not defined"), cell.error_text())

    def test_reset_asks_through_stdin_and_deletes_every_name_after_yes(self):
        k = self.kernel
        k.ok(pick("int resetMe = 1;\nint resetHelper() { return 2; }", "resetMe = 1\ndef resetHelper(): return 2"))
        declined = self.reset_answering("n")
        self.assertEqual(declined.stream(), "Nothing done.\n")
        self.assertEqual(k.value("resetMe"), "1")
        accepted = self.reset_answering("y")
        self.assertEqual((accepted.status, accepted.stream()), ("ok", ""))
        for name in ("resetMe", "resetHelper()"):
            self.assertEqual(k.execute(name).status, "error", name)
        # the start-up imports and await helpers stay
        self.assertEqual(k.value(pick("List.of(1, 2).size() + run(async(() -> { sleep(0.01); return 1; }))",
                                      "len([1, 2]) + 1")), "3")

    def reset_answering(self, answer):
        k = self.kernel
        msg_id = k.kc.execute("%reset", allow_stdin=True)
        request = k.kc.get_stdin_msg(timeout=30)
        self.assertEqual(request["content"]["prompt"], "Once deleted, variables cannot be recovered. Proceed (y/[n])? ")
        k.kc.input(answer)
        return k.finish(msg_id)

    @java_only("ipykernel's %reset deletes every name unasked when the front end takes no input")
    def test_reset_that_cannot_ask_fails_and_says_to_use_f(self):
        self.kernel.ok("int keptUnasked = 6;")
        cell = self.kernel.execute("%reset", allow_stdin=False)
        self.assertEqual(cell.status, "error")
        self.assertIn("%reset -f", cell.error_text())
        self.assertEqual(self.kernel.value("keptUnasked"), "6")

    @java_only("the catalogue is jawait's")
    def test_the_three_magics_are_listed_completed_and_explained(self):
        k = self.kernel
        listed = k.ok("%lsmagic").stream()
        for name in ("%history", "%reset", "%xdel"):
            self.assertIn(name, listed.split())
        self.assertEqual(k.shell_reply(k.kc.complete("%xd", 3))["content"]["matches"], ["%xdel"])
        self.assertIn("Usage: %xdel NAME", k.ok("%xdel?").stream())


if __name__ == "__main__":
    unittest.main()
