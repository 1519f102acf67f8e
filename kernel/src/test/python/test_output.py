"""Output: batched yet complete and in order, sent to the cell that printed it, honouring `silent`."""
import unittest

from kernel_harness import IS_JAVA, KernelTestCase, java_only, pick

LINES = 10_000


class OutputTests(KernelTestCase):

    def test_ten_thousand_lines_arrive_whole_and_in_order_three_times(self):
        code = pick(f'for (int i = 0; i < {LINES}; i++) System.out.println("line " + i);',
                    f'for i in range({LINES}): print("line", i)')
        expected = [f"line {i}" for i in range(LINES)]
        for attempt in range(3):
            with self.subTest(attempt=attempt):
                cell = self.kernel.ok(code, timeout=120)
                self.assertEqual(cell.stream("stdout").splitlines(), expected)

    @java_only("ipykernel sends a thread's output to whichever cell runs when it prints")
    def test_output_printed_by_a_thread_after_its_cell_ended_goes_to_that_cell(self):
        k = self.kernel
        k.ok(pick("var release = new CountDownLatch(1);", "import threading\nrelease = threading.Event()"))
        first = k.ok(pick(
            'Thread.ofPlatform().start(() -> {\n'
            '    try { release.await(); } catch (InterruptedException e) { return; }\n'
            '    System.out.println("late from the first cell");\n'
            '});',
            'def late():\n    release.wait()\n    print("late from the first cell", flush=True)\n'
            'threading.Thread(target=late).start()'))
        second = k.ok(pick('release.countDown();\nThread.sleep(500);\nSystem.out.println("second");',
                           'import time\nrelease.set()\ntime.sleep(0.5)\nprint("second")'))
        arrived = lambda: "late from the first cell" in "".join(
            m["content"]["text"] for m in k.iopub[first.msg_id] if m["msg_type"] == "stream")
        self.assertTrue(k.pump(arrived, 10), "the late line never reached the first cell")
        self.assertNotIn("late from the first cell", second.stream())
        self.assertIn("second", second.stream())

    def test_a_thread_that_dies_of_an_exception_says_so_on_the_cell_stderr(self):
        cell = self.kernel.ok(pick(
            'var dies = new Thread(() -> {\n    throw new IllegalStateException("lost in a thread");\n});\n'
            'dies.start();\ndies.join();',
            'import threading\ndef dies():\n    raise ValueError("lost in a thread")\n'
            't = threading.Thread(target=dies)\nt.start()\nt.join()'))
        err = cell.stream("stderr")
        self.assertIn("Exception in thread", err)
        self.assertIn("lost in a thread", err)
        if IS_JAVA:
            self.assertIn("(cell ", err)

    def test_a_silent_cell_sends_no_input_and_no_result_and_counts_nothing(self):
        k = self.kernel
        before = k.ok("1").reply["content"]["execution_count"]
        silent = k.execute(pick("int quiet = 3;\nquiet * 2", "quiet = 3\nquiet * 2"), silent=True)
        self.assertEqual(silent.status, "ok")
        self.assertEqual(silent.of_type("execute_input"), [])
        self.assertEqual(silent.of_type("execute_result"), [])
        after = k.ok("quiet").reply["content"]["execution_count"]
        self.assertEqual(after, before + 1, "a silent cell took an execution count")

    def test_a_cell_not_stored_in_history_does_not_advance_the_count(self):
        k = self.kernel
        before = k.ok("1").reply["content"]["execution_count"]
        k.ok("2", store_history=False)
        self.assertEqual(k.ok("3").reply["content"]["execution_count"], before + 1)

    def test_a_cell_not_stored_shows_the_number_the_next_cell_takes_and_replies_the_last(self):
        k = self.kernel
        before = k.ok("1").reply["content"]["execution_count"]
        cell = k.ok("40 + 2", store_history=False)
        self.assertEqual(cell.of_type("execute_input")[0]["content"]["execution_count"], before + 1)
        self.assertEqual(cell.of_type("execute_result")[0]["content"]["execution_count"], before + 1)
        self.assertEqual(cell.reply["content"]["execution_count"], before)

    def test_a_blank_cell_is_not_counted_nor_kept_in_the_history(self):
        k = self.kernel
        before = k.ok(pick('"before blank"', '"before blank"')).reply["content"]["execution_count"]
        for blank in ["", "   \n\t\n"]:
            with self.subTest(blank=blank):
                cell = k.ok(blank)
                self.assertEqual(cell.reply["content"]["execution_count"], before)
                self.assertEqual(cell.of_type("execute_input")[0]["content"]["execution_count"], before + 1)
        self.assertEqual(k.ok("3").reply["content"]["execution_count"], before + 1)
        msg_id = k.kc.history(hist_access_type="tail", n=3, output=False, raw=True)
        history = k.kc.get_shell_msg(timeout=30)
        self.assertEqual(history["parent_header"]["msg_id"], msg_id)
        self.assertEqual([entry[2] for entry in history["content"]["history"]][-2:], ['"before blank"', "3"])

    def test_execute_input_and_result_carry_the_execution_count(self):
        cell = self.kernel.ok("40 + 2")
        count = cell.reply["content"]["execution_count"]
        self.assertEqual(cell.of_type("execute_input")[0]["content"]["execution_count"], count)
        self.assertEqual(cell.of_type("execute_result")[0]["content"]["execution_count"], count)
        self.assertEqual(cell.result, "42")

    def test_a_run_of_a_body_that_returns_nothing_shows_no_result_as_asyncio_run_shows_no_out(self):
        nothing = self.kernel.ok("run(async(() -> { sleep(0.001); }))")
        self.assertEqual(nothing.of_type("execute_result"), [])
        five = self.kernel.ok("run(async(() -> 5))")
        self.assertEqual(five.of_type("execute_result")[0]["content"]["data"]["text/plain"], "5")

    def test_a_display_is_updated_in_place_by_its_id(self):
        cell = self.kernel.ok(pick(
            'String id = display("first");\nupdateDisplay(id, "second");',
            'from IPython.display import display, update_display\n'
            'h = display("first", display_id=True)\nh.update("second")'))
        shown = cell.of_type("display_data")
        updated = cell.of_type("update_display_data")
        self.assertEqual(len(shown), 1)
        self.assertEqual(len(updated), 1)
        display_id = shown[0]["content"]["transient"]["display_id"]
        self.assertEqual(updated[0]["content"]["transient"]["display_id"], display_id)
        self.assertIn("second", updated[0]["content"]["data"]["text/plain"])

    def test_stderr_and_stdout_stay_apart(self):
        cell = self.kernel.ok(pick('System.out.println("to out");\nSystem.err.println("to err");',
                                   'import sys\nprint("to out")\nprint("to err", file=sys.stderr)'))
        self.assertEqual(cell.stream("stdout"), "to out\n")
        self.assertEqual(cell.stream("stderr"), "to err\n")


if __name__ == "__main__":
    unittest.main()
