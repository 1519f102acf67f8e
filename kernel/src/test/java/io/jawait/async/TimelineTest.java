package io.jawait.async;

import static io.jawait.async.Async.async;
import static io.jawait.async.Async.gather;
import static io.jawait.async.Async.run;
import static io.jawait.async.Async.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TimelineTest {

    private static Document parse(String svg) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static int countClass(Document d, String cls) {
        NodeList rects = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        int n = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            if (cls.equals(((Element) rects.item(i)).getAttribute("class"))) {
                n++;
            }
        }
        return n;
    }

    @Test
    void the_svg_is_well_formed_and_has_one_bar_per_task() throws Exception {
        run(async("main", () -> gather(async("tea", () -> sleep(0.1)), async("toast <&>", () -> sleep(0.2)))));
        Timeline t = Async.timeline();
        assertEquals(3, t.rows().size());
        Document d = parse(t.toSvg());
        assertEquals("svg", d.getDocumentElement().getLocalName());
        assertEquals(3, countClass(d, "task"));
        assertTrue(countClass(d, "run") >= 3);
        assertTrue(t.toSvg().contains("toast &lt;&amp;&gt;"));
    }

    @Test
    void overlapping_tasks_show_overlapping_bars_and_waiting_time() throws Exception {
        run(async("main", () -> gather(async("a", () -> sleep(0.2)), async("b", () -> sleep(0.2)))), Mode.LOOP);
        Timeline t = Async.timeline();
        Timeline.Row a = t.rows().get(1);
        Timeline.Row b = t.rows().get(2);
        assertTrue(a.created() < b.done() && b.created() < a.done(), "the two tasks overlap in time");
        assertTrue(a.done() - a.created() >= 190_000_000L, "a lived at least its sleep");
        assertTrue(a.runningNanos() < 100_000_000L, "a spent its sleep waiting, not running");
        assertEquals(Timeline.Outcome.RESULT, a.outcome());
    }

    @Test
    void the_text_form_has_one_line_per_task() throws Exception {
        run(async("main", () -> gather(async("a", () -> sleep(0.05)), async("b", () -> sleep(0.05)))));
        String text = Async.timeline().toString();
        assertEquals(4, text.lines().count(), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("a ")), text);
    }

    @Test
    void a_thousand_tasks_are_aggregated_into_a_readable_chart() throws Exception {
        List<Coro<Void>> coros = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            coros.add(async("t" + i, () -> sleep(0.05)));
        }
        run(async(() -> gather(coros)));
        Timeline t = Async.timeline();
        assertEquals(1001, t.rows().size());
        String svg = t.toSvg();
        Document d = parse(svg);
        assertEquals(0, countClass(d, "task"));
        assertTrue(countClass(d, "group") <= 40);
        assertTrue(svg.length() < 100_000, svg.length() + " chars");
        assertTrue(t.toString().lines().count() < 10, t.toString());
    }

    @Test
    void the_mime_bundle_holds_svg_and_plain_text() throws Exception {
        run(async(() -> sleep(0.01)));
        var bundle = Async.timeline().toMimeBundle();
        assertTrue(((String) bundle.data().get("image/svg+xml")).startsWith("<svg"));
        assertTrue(((String) bundle.data().get("text/plain")).startsWith("timeline: 1 task"));
    }
}
