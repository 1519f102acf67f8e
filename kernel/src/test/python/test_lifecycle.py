"""kernel_info, history, stop_on_error, stdin, shutdown and restart, seen from a real client."""
import datetime
import os
import re
import tempfile
import time
import unittest

from jupyter_client import KernelManager

from kernel_harness import IS_JAVA, KERNEL_NAME, Kernel, KernelTestCase, java_only, pick


class SessionTests(KernelTestCase):

    def test_kernel_info_describes_the_language_and_protocol(self):
        k = self.kernel
        reply = k.shell_reply(k.kc.kernel_info(), timeout=10)
        content = reply["content"]
        self.assertEqual(content["status"], "ok")
        major, minor = (int(part) for part in content["protocol_version"].split(".")[:2])
        self.assertEqual(major, 5)
        self.assertGreaterEqual(minor, 3)
        self.assertEqual(content["implementation"], pick("jawait", "ipython"))
        self.assertTrue(content["implementation_version"])
        self.assertTrue(content["banner"].strip())
        language = content["language_info"]
        self.assertEqual(language["name"], pick("java", "python"))
        self.assertRegex(language["version"], r"^\d+")
        if IS_JAVA:
            self.assertGreaterEqual(int(re.match(r"\d+", language["version"]).group()), 25)
            self.assertEqual(language["pygments_lexer"], "java")
            self.assertEqual(language["codemirror_mode"], "text/x-java")
        self.assertTrue(language["mimetype"])
        self.assertTrue(language["file_extension"].startswith("."))

    def test_message_dates_parse_and_carry_sub_second_precision(self):
        dates = [self.kernel.ok("1").reply["header"]["date"] for _ in range(5)]
        for date in dates:
            self.assertIsInstance(date, datetime.datetime, f"jupyter_client could not parse {date!r}")
            self.assertIsNotNone(date.tzinfo)
        self.assertTrue(any(date.microsecond % 1000 for date in dates), f"no microseconds in {dates}")

    def test_history_tail_range_and_search_find_the_cells_run(self):
        k = self.kernel
        marker = pick('"history marker"', "'history marker'")
        k.ok(marker)
        tail = k.shell_reply(k.kc.history(hist_access_type="tail", n=1, output=False, raw=True))
        session, line, source = tail["content"]["history"][-1]
        self.assertEqual(source, marker)
        ranged = k.shell_reply(k.kc.history(hist_access_type="range", session=0, start=line, stop=line + 1,
                                            output=False, raw=True))
        self.assertEqual([entry[2] for entry in ranged["content"]["history"]], [marker])
        found = k.shell_reply(k.kc.history(hist_access_type="search", pattern="*history marker*",
                                           output=False, raw=True, unique=True))
        self.assertEqual([entry[2] for entry in found["content"]["history"]], [marker])

    def test_a_failing_cell_aborts_the_cells_queued_behind_it(self):
        k = self.kernel
        first = k.kc.execute(pick("Thread.sleep(300);", "import time; time.sleep(0.3)"))
        failing = k.kc.execute(pick('throw new RuntimeException("stop here");', 'raise RuntimeError("stop here")'))
        queued = k.kc.execute(pick("int neverRun = 1;", "never_run = 1"))
        self.assertEqual(k.finish(first).status, "ok")
        self.assertEqual(k.finish(failing).status, "error")
        self.assertEqual(k.shell_reply(queued, validate=False)["content"]["status"], "aborted")
        self.assertEqual(k.execute("neverRun" if IS_JAVA else "never_run").status, "error")

    def test_with_stop_on_error_false_queued_cells_still_run(self):
        k = self.kernel
        failing = k.kc.execute(pick('throw new RuntimeException("keep going");', 'raise RuntimeError("go on")'),
                               stop_on_error=False)
        queued = k.kc.execute(pick("int ranAnyway = 1;", "ran_anyway = 1"))
        self.assertEqual(k.finish(failing).status, "error")
        self.assertEqual(k.finish(queued).status, "ok")

    def test_a_failing_silent_cell_aborts_nothing(self):
        # a frontend's silent probe failing must not cost the user the cells they queued (ipykernel aborts the
        # queue only for a cell that is not silent)
        k = self.kernel
        first = k.kc.execute(pick("Thread.sleep(300);", "import time; time.sleep(0.3)"))
        probe = k.kc.execute(pick('throw new RuntimeException("probe");', 'raise RuntimeError("probe")'), silent=True)
        queued = k.kc.execute(pick("int ranAfterProbe = 1;", "ran_after_probe = 1"))
        self.assertEqual(k.finish(first).status, "ok")
        self.assertEqual(k.shell_reply(probe, validate=False)["content"]["status"], "error")
        self.assertEqual(k.finish(queued).status, "ok")

    @java_only("exit ends ipykernel itself, and with it the kernel this class shares")
    def test_exit_asks_the_front_end_to_leave_unless_the_user_declared_the_name(self):
        k = self.kernel
        for code in ("exit", "quit()", "/exit"):
            self.assertEqual(k.ok(code).reply["content"]["payload"], [{"source": "ask_exit", "keepkernel": False}])
        # the kernel itself carries on: a notebook ignores the payload, a console shuts the kernel down
        k.ok("int quit = 7;")
        cell = k.ok("quit")
        self.assertEqual(cell.reply["content"]["payload"], [])
        self.assertEqual(cell.result, "7")

    def test_stdin_reaches_a_scanner_when_the_front_end_allows_it(self):
        k = self.kernel
        msg_id = k.kc.execute(pick('var in = new Scanner(System.in);\n"hello " + in.nextLine()',
                                   '"hello " + input("name? ")'), allow_stdin=True)
        request = k.kc.get_stdin_msg(timeout=30)
        self.assertEqual(request["msg_type"], "input_request")
        self.assertFalse(request["content"]["password"])
        k.kc.input("Ada")
        self.assertIn("hello Ada", k.finish(msg_id).result)

    def test_reading_stdin_fails_at_once_when_the_front_end_does_not_allow_it(self):
        for code in pick(["new BufferedReader(new InputStreamReader(System.in)).readLine()",
                          "new Scanner(System.in).nextLine()"], ["input()"]):
            with self.subTest(code=code):
                started = time.monotonic()
                cell = self.kernel.execute(code, timeout=30, allow_stdin=False)
                self.assertEqual(cell.status, "error")
                self.assertLess(time.monotonic() - started, 5)
        self.assertRegex(cell.error_text().lower(), "stdin|input")


class LifecycleTests(unittest.TestCase):

    def test_shutdown_request_ends_the_process_promptly_with_status_zero(self):
        kernel = Kernel()
        try:
            kernel.ok(pick("int x = 1;", "x = 1"))
            msg_id = kernel.kc.shutdown()  # sent on control by this jupyter_client
            reply = kernel.kc.get_control_msg(timeout=10)
            self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
            self.assertEqual(reply["content"]["status"], "ok")
            process = kernel.km.provisioner.process
            self.assertEqual(process.wait(timeout=10), 0)
        finally:
            kernel.close()

    def test_a_restarted_kernel_answers_with_a_fresh_state(self):
        kernel = Kernel()
        try:
            kernel.ok(pick("int beforeRestart = 1;", "before_restart = 1"))
            kernel.km.restart_kernel(now=False)
            kernel.kc.wait_for_ready(timeout=90)
            self.assertEqual(kernel.value("1 + 1"), "2")
            self.assertEqual(kernel.execute(pick("beforeRestart", "before_restart")).status, "error")
        finally:
            kernel.close()

    @java_only("the startup imports are jawait's")
    def test_every_cell_gets_the_usual_imports(self):
        kernel = Kernel()
        try:
            kernel.ok("List<Integer> a = new ArrayList<>(); Map<String, Integer> m = new HashMap<>();\n"
                      "ExecutorService e = Executors.newSingleThreadExecutor(); e.shutdown();\n"
                      "Duration d = Duration.ofSeconds(1); Function<Integer, Integer> f = x -> x;\n"
                      "var s = Stream.of(1, 2).collect(Collectors.toList());")
        finally:
            kernel.close()

    @java_only("HotSpot's compiler threads")
    def test_the_jit_leaves_the_first_cpu_to_the_cells_until_the_start_up_is_done(self):
        km = KernelManager(kernel_name=KERNEL_NAME)
        km.start_kernel()
        kc = None
        try:
            pid = km.provisioner.process.pid
            allowed = cpu_set(status_of(f"/proc/{pid}/status")["Cpus_allowed_list"])
            starting = allowed - {min(allowed)} or allowed  # one CPU: nothing to leave free
            # no request yet: the kernel's start-up waits a quiet second for a first cell before it ends
            self.assertEqual(self.jit_cpus_once(pid, starting), starting, "while the kernel starts")
            kc = km.client()
            kc.start_channels()
            kc.wait_for_ready(timeout=90)
            # a declaration needs JShell's own start-up, which the kernel finishes before running it
            reply = kc.execute_interactive("int afterStartup = 1;", timeout=30, output_hook=lambda msg: None)
            self.assertEqual(reply["content"]["status"], "ok")
            self.assertEqual(self.jit_cpus_once(pid, allowed), allowed, "after the start-up")
        finally:
            if kc is not None:
                kc.stop_channels()
            km.shutdown_kernel(now=True)

    @java_only("HotSpot's own messages")
    def test_the_kernel_writes_nothing_to_the_terminal_that_started_it(self):
        # jupyter console and the notebook server pass the kernel's stdout and stderr to their own terminal; HotSpot
        # announced its compiler directives there ("1 compiler directives added") above the console's banner
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            km = KernelManager(kernel_name=KERNEL_NAME)
            km.start_kernel(stdout=out, stderr=err)
            kc = km.client()
            try:
                kc.start_channels()
                kc.wait_for_ready(timeout=90)
                reply = kc.execute_interactive("int quiet = 1;", timeout=30, output_hook=lambda msg: None)
                self.assertEqual(reply["content"]["status"], "ok")
            finally:
                kc.stop_channels()
                km.shutdown_kernel()
            out.seek(0)
            err.seek(0)
            self.assertEqual((out.read().decode(errors="replace"), err.read().decode(errors="replace")), ("", ""))

    def jit_cpus_once(self, pid, wanted, timeout=30):
        """`wanted` once each of the JIT's threads may use just those CPUs; what they had instead at the deadline."""
        deadline = time.monotonic() + timeout
        while True:
            given = []
            for tid, name in threads(pid):
                if " CompilerT" in name or name.startswith("Training replay"):
                    try:
                        given.append(cpu_set(status_of(f"/proc/{pid}/task/{tid}/status")["Cpus_allowed_list"]))
                    except FileNotFoundError:  # a compiler thread the JVM let go meanwhile
                        pass
            if given and all(cpus == wanted for cpus in given):
                return wanted
            if time.monotonic() > deadline:
                return given
            time.sleep(0.01)  # the state comes from the kernel's own threads; the deadline bounds the wait


def threads(pid):
    """(thread id, name) of each thread of process `pid`."""
    found = []
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as comm:
                found.append((tid, comm.read().strip()))
        except FileNotFoundError:  # a thread that ended meanwhile
            pass
    return found


def status_of(path):
    with open(path) as status:
        return dict(line.rstrip("\n").split(":\t", 1) for line in status if ":\t" in line)


def cpu_set(cpu_list):
    """The CPUs of a list in Linux's form, "0-3,6"."""
    cpus = set()
    for part in cpu_list.strip().split(","):
        first, _, last = part.partition("-")
        cpus.update(range(int(first), int(last or first) + 1))
    return cpus


if __name__ == "__main__":
    unittest.main()
