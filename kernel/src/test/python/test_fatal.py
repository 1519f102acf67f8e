"""Calls that would end a JVM end only their cell: the kernel process lives and keeps its variables."""
import unittest

from kernel_harness import KernelTestCase, java_only, pick


class FatalCallTests(KernelTestCase):

    def check_survives(self, code, *expected_words):
        k = self.kernel
        k.ok(pick("String kept = \"still here\";", "kept = 'still here'"))
        cell = k.execute(code, timeout=120)
        self.assertEqual(cell.status, "error", cell)
        text = cell.error_text()
        for word in expected_words:
            self.assertIn(word, text, f"the error should say {word!r}")
        self.assert_alive()
        self.assertEqual(k.value("kept"), pick('"still here"', "'still here'"))

    def test_system_exit_in_a_cell_ends_only_the_cell(self):
        self.check_survives(pick("System.exit(0);", "raise SystemExit(0)"), pick("exit", "SystemExit"))

    def test_runtime_exit_in_a_cell_ends_only_the_cell(self):
        self.check_survives(pick("Runtime.getRuntime().exit(1);", "import sys; sys.exit(1)"),
                            pick("exit", "SystemExit"))

    @java_only("os._exit ends the Python process by design")
    def test_runtime_halt_in_a_cell_ends_only_the_cell(self):
        self.check_survives("Runtime.getRuntime().halt(3);", "halt")

    @java_only("a Python function cannot call exit on behalf of the JVM")
    def test_exit_inside_a_method_the_cell_declared_ends_only_the_cell(self):
        self.kernel.ok("void leave(int code) { System.exit(code); }")
        self.check_survives("leave(2);", "exit")

    def test_out_of_memory_ends_only_the_cell(self):
        # an allocation larger than any heap fails at once; filling a default heap (a quarter of RAM) would
        # take gigabytes from a machine the tests share
        self.check_survives(pick("long[] huge = new long[Integer.MAX_VALUE - 8];", "huge = bytearray(1 << 60)"),
                            pick("OutOfMemoryError", "MemoryError"))

    def test_stack_overflow_ends_only_the_cell(self):
        self.kernel.ok(pick("int down(int n) { return down(n + 1) + 1; }",
                            "def down(n):\n    return down(n + 1) + 1"))
        self.check_survives("down(0)", pick("StackOverflowError", "RecursionError"))


if __name__ == "__main__":
    unittest.main()
