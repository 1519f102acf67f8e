"""jupyter_kernel_test's conformance suite, with Java samples (and Python ones to check the samples' intent)."""
import unittest

import jupyter_kernel_test

from kernel_harness import KERNEL_NAME, pick


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
    code_history_pattern = "6 * 7"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = pick("Math.max", "print")
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
