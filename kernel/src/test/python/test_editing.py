"""What an editor asks while a learner types: completion, inspection and is_complete, beyond the spec checks."""
import re
import unittest

from kernel_harness import KernelTestCase, pick


class EditingTests(KernelTestCase):

    def complete(self, code, cursor=None):
        k = self.kernel
        return k.shell_reply(k.kc.complete(code, len(code) if cursor is None else cursor))["content"]

    def inspect(self, code, cursor=None):
        k = self.kernel
        return k.shell_reply(k.kc.inspect(code, len(code) if cursor is None else cursor))["content"]

    def test_completion_of_a_static_method_offers_it_and_replaces_only_the_typed_name(self):
        code = pick("Integer.toBin", "int.bit_len")
        content = self.complete(code)
        self.assertTrue(any(m.startswith(pick("toBinaryString", "bit_length")) for m in content["matches"]),
                        content["matches"])
        self.assertEqual(content["cursor_end"], len(code))
        self.assertEqual(content["cursor_start"], code.index(".") + 1)

    def test_completion_sees_the_variables_of_earlier_cells(self):
        self.kernel.ok(pick("int learnerCounter = 0;", "learner_counter = 0"))
        content = self.complete(pick("learnerC", "learner_c"))
        self.assertIn(pick("learnerCounter", "learner_counter"), content["matches"])

    def test_inspecting_a_method_name_shows_its_signature_and_documentation(self):
        for code in pick(["Math.max", "Math.max(", "Math.max(1, 2)"], ["len", "len(", "len([])"]):
            with self.subTest(code=code):
                content = self.inspect(code, len(code) if not code.endswith(")") else code.index("(") + 1)
                self.assertTrue(content["found"], f"nothing found for {code!r}")
                self.assertIn(pick("max", "len"), content["data"]["text/plain"])

    def test_inspection_still_works_after_a_class_that_failed_to_compile(self):
        cell = self.kernel.execute(pick("class Unfinished implements Runnable {}",
                                        "class Unfinished(NotDefined): pass"))
        self.assertEqual(cell.status, "error")
        content = self.inspect(pick("Math.max", "len"))
        self.assertTrue(content["found"], "nothing found after the failed class")
        self.assertIn(pick("max", "len"), content["data"]["text/plain"])

    def test_inspecting_a_variable_shows_its_type_value_and_length(self):
        self.kernel.ok(pick("var inspectedScores = new ArrayList<>(List.of(3, 1, 2));", "inspected_scores = [3, 1, 2]"))
        name = pick("inspectedScores", "inspected_scores")
        content = self.inspect(name)
        self.assertTrue(content["found"], f"nothing found for {name}")
        text = re.sub(r"\x1b\[[0-9;]*m", "", content["data"]["text/plain"])  # ipykernel colours its heads
        self.assertIn("Type:        " + pick("ArrayList<Integer>", "list"), text)
        self.assertIn("String form: [3, 1, 2]", text)
        self.assertIn("Length:      3", text)

    def test_inspecting_a_class_name_shows_its_documentation(self):
        content = self.inspect(pick("String", "str"))
        self.assertTrue(content["found"])
        self.assertGreater(len(content["data"]["text/plain"]), 40)

    def test_inspecting_nothing_known_is_a_clean_not_found(self):
        content = self.inspect(pick("noSuchThingAnywhere", "no_such_thing_anywhere"))
        self.assertEqual(content["status"], "ok")
        self.assertFalse(content["found"])

    def test_is_complete_asks_for_more_with_an_indent_inside_a_block(self):
        k = self.kernel
        content = k.shell_reply(k.kc.is_complete(pick("for (int i = 0; i < 3; i++) {", "for i in range(3):")))
        self.assertEqual(content["content"]["status"], "incomplete")
        self.assertGreater(len(content["content"]["indent"]), 0)

    def test_a_compile_error_names_the_cell_line(self):
        cell = self.kernel.execute(pick("int fine = 1;\nint broken = \"text\";", "fine = 1\nbroken = ("))
        self.assertEqual(cell.status, "error")
        self.assertIn("2", cell.error_text(), "the error should name line 2")


if __name__ == "__main__":
    unittest.main()
