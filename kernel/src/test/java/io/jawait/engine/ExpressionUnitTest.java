package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExpressionUnitTest {

    @Test
    void plain_expressions_become_a_declaration_that_keeps_their_lines() {
        for (String code : new String[] {"1+1", "x", "a.b.c", "System.out.println(\"a;b)\");", "-x", "(int) y",
                "new int[] {1, 2}", "list.get(0)[1]", "x = 5", "i++", "\"text\"", "'c'", "s instanceof String t",
                "List.<String>of()", "Stream.of(1).map(i -> { return i; }).toList()", "null", "1e-3 + 0x1F"}) {
            String rewritten = ExpressionUnit.rewrite(code, "$v");
            assertNotNull(rewritten, code);
            assertTrue(rewritten.startsWith("java.lang.Object $v = "), rewritten);
            assertEquals(code.lines().count() + 1, rewritten.lines().count(), rewritten);
        }
    }

    @Test
    void declarations_statements_and_anything_unclear_are_left_as_written() {
        for (String code : new String[] {"int x = 1;", "var y = 2", "String s;", "List<String> xs = List.of();",
                "int[] a = {1};", "a.B c = null;", "void m() {}", "class C {}", "record R(int x) {}", "if (x) y();",
                "for (;;) {}", "{ x(); }", "label: x();", "x -> x", "String::length", "import java.util.*;",
                "a(); b();", "a < b", "switch (x) { default -> 1; }", "return 1;", "throw new E();", ";", "",
                "x)", "(x", "\"open", "/* open", "@Deprecated int x;", "yield 1;", "this.x", "Map.Entry<K, V> e;"}) {
            assertNull(ExpressionUnit.rewrite(code, "$v"), code);
        }
    }

    @Test
    void brackets_and_semicolons_inside_literals_and_comments_do_not_count() {
        assertNotNull(ExpressionUnit.rewrite("f(\"(\", ';', \"\"\"\n  ]\n  \"\"\") // a ( comment", "$v"));
        assertNotNull(ExpressionUnit.rewrite("f(/* ) */ 1)", "$v"));
        assertTrue(ExpressionUnit.rewrite("f() // closes later", "$v").endsWith("// closes later\n);"));
    }
}
