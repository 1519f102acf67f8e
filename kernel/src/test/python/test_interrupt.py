"""Interrupt (interrupt_mode "message"): the cell stops, the reply comes within a second, variables survive."""
import time
import unittest

from kernel_harness import Kernel, KernelTestCase, java_only, pick

REPLY_WITHIN = 1.0


class InterruptTests(KernelTestCase):
    """A fresh kernel per test, so a cell that interrupt fails to stop fails only its own test."""

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def setUp(self):
        self.kernel = Kernel()
        self.addCleanup(self.kernel.close)

    def interrupt_after_start(self, code, started):
        """Sends `code`, waits until its stdout shows `started`, interrupts; returns (cell, seconds to reply)."""
        k = self.kernel
        msg_id = k.kc.execute(code, allow_stdin=False)
        printed = lambda: started in "".join(
            m["content"]["text"] for m in k.iopub[msg_id] if m["msg_type"] == "stream")
        self.assertTrue(k.pump(printed, 30), f"the cell never printed {started!r}")
        sent = time.monotonic()
        k.km.interrupt_kernel()
        reply = k.shell_reply(msg_id, timeout=10)
        seconds = time.monotonic() - sent
        return k.finish(msg_id, reply=reply), seconds

    def check_stopped(self, code):
        self.kernel.ok(pick("int kept = 7;", "kept = 7"))
        cell, seconds = self.interrupt_after_start(code, "started")
        self.assertEqual(cell.status, "error", cell)
        self.assertLess(seconds, REPLY_WITHIN, f"interrupt reply took {seconds:.3f} s")
        self.assertEqual(self.kernel.value("kept"), "7")
        self.assert_alive()

    def test_interrupt_stops_a_busy_loop_and_keeps_variables(self):
        self.check_stopped(pick('System.out.println("started");\nwhile (true) {}',
                                'print("started", flush=True)\nwhile True: pass'))

    def test_interrupt_stops_a_sleep(self):
        self.check_stopped(pick('System.out.println("started");\nThread.sleep(600_000);',
                                'import time\nprint("started", flush=True)\ntime.sleep(600)'))

    def test_interrupt_stops_a_blocking_wait(self):
        self.check_stopped(pick('System.out.println("started");\nnew CountDownLatch(1).await();',
                                'import threading\nprint("started", flush=True)\nthreading.Event().wait()'))

    @java_only("Python threads cannot be stopped from outside")
    def test_interrupt_stops_the_threads_the_cell_started(self):
        k = self.kernel
        k.ok("var spinner = new Thread(() -> { while (true) {} });\n"
             "var sleeper = Thread.ofVirtual().unstarted(() -> {\n"
             "    try { Thread.sleep(600_000); } catch (InterruptedException e) { }\n"
             "});")
        cell, seconds = self.interrupt_after_start(
            'spinner.start(); sleeper.start();\nSystem.out.println("started");\nspinner.join();', "started")
        self.assertEqual(cell.status, "error", cell)
        self.assertLess(seconds, REPLY_WITHIN, f"interrupt reply took {seconds:.3f} s")
        self.assert_threads_end("spinner")
        self.assert_threads_end("sleeper")
        self.assert_alive()

    @java_only("Python threads cannot be stopped from outside")
    def test_interrupt_stops_the_tasks_of_an_executor_the_cell_started(self):
        k = self.kernel
        k.ok("var pool = Executors.newFixedThreadPool(2);")
        cell, seconds = self.interrupt_after_start(
            "var busy = pool.submit(() -> { while (true) {} });\n"
            "var asleep = pool.submit(() -> { Thread.sleep(600_000); return 1; });\n"
            'System.out.println("started");\nbusy.get();', "started")
        self.assertEqual(cell.status, "error", cell)
        self.assertLess(seconds, REPLY_WITHIN, f"interrupt reply took {seconds:.3f} s")
        deadline = time.monotonic() + 10
        while k.value("busy.isDone() && asleep.isDone()") != "true":
            self.assertLess(time.monotonic(), deadline, "the executor's tasks still run 10 s after the interrupt")
        k.ok("pool.shutdownNow();")

    def assert_threads_end(self, name):
        deadline = time.monotonic() + 10
        while self.kernel.value(f"{name}.isAlive()") != "false":
            self.assertLess(time.monotonic(), deadline, f"thread {name} still alive 10 s after the interrupt")

    def test_interrupt_with_no_cell_running_is_answered_and_harmless(self):
        self.kernel.km.interrupt_kernel()
        self.assert_alive()


if __name__ == "__main__":
    unittest.main()
