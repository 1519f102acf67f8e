"""jupyter_kernel_test's conformance suite, with Java samples (and Python ones to check the samples' intent)."""
import time
import unittest
from queue import Empty

import jupyter_kernel_test
from jupyter_kernel_test.msgspec_v5 import validate_message

from kernel_harness import KERNEL_NAME, TIMEOUT, pick


class ConformanceTests(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL_NAME
    language_name = pick("java", "python")

    code_hello_world = pick('System.out.println("hello, world");', 'print("hello, world")')
    code_stderr = pick('System.err.println("to stderr");', 'import sys; print("to stderr", file=sys.stderr)')

    completion_samples = [
        {"text": pick("Integer.toBin", "int.bit_len")},
        {"text": pick("Strin", "pri")},
    ]
    complete_code_samples = pick(
        ["int x = 1;", "1 + 1", "void f() {}", "class A {}", 'System.out.println("done");'],
        ["x = 1", "1 + 1", "def f(): pass"],
    )
    incomplete_code_samples = pick(
        ["int y = (1 +", "void f() {", "for (int i = 0; i < 3; i++) {", "String s = \"abc\" +"],
        ["y = (1 +", "def f():", "for i in range(3):"],
    )
    invalid_code_samples = pick(["int 1x = 2;"], ["x = = 1"])

    code_generate_error = pick('throw new IllegalStateException("on purpose");', 'raise ValueError("on purpose")')
    code_execute_result = pick(
        [{"code": "6 * 7", "result": "42"}, {"code": '"ja" + "wait"', "result": '"jawait"'},
         {"code": "List.of(1, 2, 3)", "result": "[1, 2, 3]"}],
        [{"code": "6 * 7", "result": "42"}, {"code": '"ja" + "wait"', "result": "'jawait'"},
         {"code": "[1, 2, 3]", "result": "[1, 2, 3]"}],
    )
    code_page_something = pick("Math.sqrt?", "print?")
    code_history_pattern = "6 * 7"
    supported_history_operations = ("tail", "range", "search")

    code_clear_output = pick("clearOutput();", "from IPython.display import clear_output; clear_output()")
    code_inspect_sample = pick("Math.max(", "print(")
    def execute_helper(self, code, timeout=TIMEOUT, silent=False, store_history=True, stop_on_error=True):
        """The same checks as jupyter_kernel_test's, but each iopub message may take seconds, not 0.1 s: on a
        two-core machine shared with builds the idle status can trail the reply by more than that. Messages
        of earlier requests are skipped by their parent id."""
        msg_id = self.kc.execute(code=code, silent=silent, store_history=store_history,
                                 stop_on_error=stop_on_error)
        reply = self.get_non_kernel_info_reply(timeout=timeout)
        validate_message(reply, "execute_reply", msg_id)
        outputs, states = [], []
        deadline = time.monotonic() + timeout
        while not states or states[-1] != "idle":
            try:
                msg = self.kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
            except Empty:
                self.fail(f"no idle status within {timeout} s after {code!r}")
            if msg["parent_header"].get("msg_id") != msg_id:
                continue  # status of an earlier request (completion, kernel_info) that flush_channels missed
            validate_message(msg, msg["msg_type"], msg_id)
            if msg["msg_type"] == "status":
                states.append(msg["content"]["execution_state"])
            elif msg["msg_type"] == "execute_input":
                self.assertEqual(msg["content"]["code"], code)
            else:
                outputs.append(msg)
        self.assertEqual(states, ["busy", "idle"])
        return reply, outputs

    code_display_data = pick(
        [{"code": 'html("<b>bold</b>");', "mime": "text/html"},
         {"code": 'svg("<svg xmlns=\\"http://www.w3.org/2000/svg\\" width=\\"9\\" height=\\"9\\"/>");',
          "mime": "image/svg+xml"},
         {"code": 'markdown("*emphasis*");', "mime": "text/markdown"},
         {"code": 'display("plain text");', "mime": "text/plain"}],
        [{"code": "from IPython.display import HTML, display; display(HTML('<b>bold</b>'))", "mime": "text/html"},
         {"code": "from IPython.display import display; display('plain text')", "mime": "text/plain"}],
    )


if __name__ == "__main__":
    unittest.main()
