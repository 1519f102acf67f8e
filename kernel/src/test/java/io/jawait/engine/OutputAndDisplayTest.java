package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.protocol.ExecuteOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputAndDisplayTest extends EngineTestKit {

    @Test
    void a_rich_value_shows_its_bundle() {
        execSuccess("""
                record Bold(String s) implements Rich {
                    public MimeBundle toMimeBundle() { return MimeBundle.of("text/plain", s).with("text/html", "<b>" + s + "</b>"); }
                }
                """);
        var bundle = execBundle("new Bold(\"hi\")");
        assertEquals("<b>hi</b>", bundle.data().get("text/html"));
        assertEquals("hi", bundle.data().get("text/plain"));
    }

    @Test
    void a_mime_bundle_value_is_shown_as_it_is() {
        var bundle = execBundle("MimeBundle.of(\"text/markdown\", \"# title\")");
        assertEquals(Map.of("text/markdown", "# title"), bundle.data());
    }

    @Test
    void display_helpers_publish_each_mime_type() {
        assertNull(execSuccess("html(\"<i>x</i>\"); svg(\"<svg/>\"); markdown(\"*m*\"); png(new byte[] {1, 2}); json(\"{\\\"a\\\": [1, 2]}\");"));
        var shown = last.displays().stream().map(d -> d.bundle().data()).toList();
        assertEquals("<i>x</i>", shown.get(0).get("text/html"));
        assertEquals("<svg/>", shown.get(1).get("image/svg+xml"));
        assertEquals("*m*", shown.get(2).get("text/markdown"));
        assertEquals("AQI=", shown.get(3).get("image/png"));
        assertEquals(Map.of("a", List.of(1L, 2L)), shown.get(4).get("application/json"));
    }

    @Test
    void clear_output_reaches_the_cell_at_once_or_when_told_to_wait() {
        assertNull(execSuccess("clearOutput(); clearOutput(true);"));
        assertEquals(List.of(false, true), last.clears());
    }

    @Test
    void display_returns_an_id_that_update_display_replaces_in_place() {
        assertNull(execSuccess("String shownId = display(\"first\");"));
        var first = last.displays().getFirst();
        execSuccess("updateDisplay(shownId, \"second\");");
        var update = last.displays().getFirst();
        assertEquals(first.displayId(), update.displayId());
        assertTrue(update.update());
        assertEquals("second", update.bundle().data().get("text/plain"));
    }

    @Test
    void a_cell_ending_in_display_shows_no_id_as_its_result() {
        assertNull(execSuccess("display(42)"));
        assertEquals(1, last.displays().size());
    }

    @Test
    void bad_json_is_a_clear_error() {
        var e = execError("json(\"{not json\")");
        assertEquals("java.lang.IllegalArgumentException", e.ename());
        assertTrue(e.evalue().startsWith("json(...) was given text that is not JSON"), e.evalue());
    }

    @Test
    void a_thread_started_by_a_cell_prints_to_that_cell_after_it_ended() throws Exception {
        var first = new RecordingOutput(false);
        exec("var go = new CountDownLatch(1); var done = new CountDownLatch(1);"
                + "Thread.ofVirtual().start(() -> { try { go.await(); } catch (InterruptedException e) {} System.out.println(\"late\"); done.countDown(); });", first);
        var second = new RecordingOutput(false);
        assertTrue(exec("go.countDown(); done.await(5, TimeUnit.SECONDS)", second) instanceof ExecuteOutcome.Ok);
        assertEquals("late\n", first.stdout());
        assertEquals("", second.stdout());
    }

    @Test
    void each_println_reaches_the_cell_as_one_piece_of_output() {
        var out = new RecordingOutput(false);
        exec("for (int i = 0; i < 100; i++) System.out.println(\"line \" + i);", out);
        assertEquals(100, out.stdoutPieces());
        assertTrue(out.stdout().startsWith("line 0\nline 1\n"), out.stdout());
        assertTrue(out.stdout().endsWith("line 99\n"), out.stdout());
    }

    @Test
    void printed_text_and_written_bytes_keep_their_order_also_with_a_character_split_across_writes() {
        var out = new RecordingOutput(false);
        exec("{ System.out.print(\"a\"); System.out.write(0xC3); System.out.println(\"?\");"
                + "System.out.write(0xC3); System.out.write(0xA9); System.out.print(1); System.out.println();"
                + "System.out.println((Object) null); System.out.print((String) null); System.out.flush(); }", out);
        assertEquals("a\uFFFD?\n\u00E91\nnull\nnull", out.stdout());
    }

    @Test
    void a_character_split_between_two_statements_arrives_whole() {
        var out = new RecordingOutput(false);
        // each statement is its own snippet, which JShell runs on a thread of its own
        exec("System.out.write(0xC3);\nSystem.out.write(0xA9); System.out.flush();\n"
                + "System.err.write(0xE2); System.err.write(0x82);\nSystem.err.write(0xAC); System.err.flush();", out);
        assertEquals("\u00E9", out.stdout());
        assertEquals("\u20AC", out.stderr());
    }

    @Test
    void half_a_character_left_at_the_end_of_a_cell_shows_there_as_a_replacement() {
        var first = new RecordingOutput(false);
        exec("System.out.write(0xC3);", first);
        var second = new RecordingOutput(false);
        exec("System.out.write('b'); System.out.flush();", second);
        assertEquals("\uFFFD", first.stdout());
        assertEquals("b", second.stdout());
    }

    @Test
    void threads_of_one_cell_writing_halves_of_characters_at_once_keep_their_own() {
        var out = new RecordingOutput(false);
        exec("""
                var halfWritten = new CountDownLatch(1); var otherDone = new CountDownLatch(1);
                var writer = Thread.ofVirtual().start(() -> {
                    System.out.write(0xC3); halfWritten.countDown();
                    try { otherDone.await(); } catch (InterruptedException e) {}
                    System.out.write(0xA9); System.out.flush();
                });
                halfWritten.await();
                System.out.write(0xE2); System.out.write(0x82); System.out.write(0xAC); System.out.flush();
                otherDone.countDown(); writer.join();
                """, out);
        assertEquals("\u20AC\u00E9", out.stdout());
    }

    @Test
    void stdin_reads_lines_through_the_front_end() {
        var out = new RecordingOutput(true, "Ada", "42");
        var outcome = (ExecuteOutcome.Ok) exec("""
                var scanner = new Scanner(System.in);
                String who = scanner.nextLine();
                var reader = new BufferedReader(new InputStreamReader(System.in));
                who + " " + (Integer.parseInt(reader.readLine()) + 1)
                """, out);
        assertEquals("\"Ada 43\"", outcome.result().data().get("text/plain"));
    }

    /** The refusal is the error, with the cell's line alone: not the wrapping and frames of the JDK's reader. */
    @Test
    void stdin_fails_at_once_when_the_front_end_allows_none() {
        var e = (ExecuteOutcome.Error) exec("new Scanner(System.in).nextLine()", new RecordingOutput(false));
        assertEquals("io.jawait.display.StdinNotAllowedException", e.ename());
        assertTrue(e.evalue().contains("does not accept input"), e.evalue());
        assertEquals(List.of("io.jawait.display.StdinNotAllowedException: " + e.evalue(),
                "\tat cell " + count + ", line 1"), e.traceback());
        var read = (ExecuteOutcome.Error) exec("int before = 1;\nvar lines = new java.io.BufferedReader(new"
                + " java.io.InputStreamReader(System.in));\nlines.readLine()", new RecordingOutput(false));
        assertEquals(List.of("io.jawait.display.StdinNotAllowedException: " + read.evalue(),
                "\tat cell " + count + ", line 3"), read.traceback());
    }
}
