package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JavadocTextTest {

    @Test
    void inline_tags_show_their_text_and_links_their_label_or_target() {
        assertEquals("Returns a List<String> like Map.get(Object), see get.", JavadocText.plain(
                "Returns a {@code List<String>} like {@link Map#get(Object)}, see {@linkplain Map#get(Object) get}."));
    }

    @Test
    void paragraphs_and_list_items_become_lines_and_entities_are_decoded() {
        String raw = "First sentence.\n <p>\n Special cases:\n <ul><li>If a &lt; 0, NaN.\n <li>Else a &amp; b.</ul>";
        assertEquals("First sentence.\n\nSpecial cases:\n\n  - If a < 0, NaN.\n  - Else a & b.",
                JavadocText.plain(raw));
    }

    @Test
    void block_tags_become_labelled_lines() {
        String raw = "Parses it.\n@apiNote\n Fast.\n@param s the text\n@return the number"
                + "\n@throws NumberFormatException if not a number";
        assertEquals("Parses it.\nAPI note:\nFast.\nParameter s: the text\nReturns: the number"
                + "\nThrows NumberFormatException: if not a number",
                JavadocText.plain(raw));
    }
}
