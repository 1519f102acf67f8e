package io.jawait.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class LocalWebTest {

    private LocalWeb web;

    @BeforeEach
    void start() {
        web = LocalWeb.start(0.0);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void url_maps_real_looking_urls_and_bare_paths_to_the_loopback_server() {
        assertEquals(web.base() + "/site/example.com/", web.url("https://example.com"));
        assertEquals(web.base() + "/site/api.example.com/users/1?x=2", web.url("https://api.example.com/users/1?x=2"));
        assertEquals(web.base() + "/fast", web.url("/fast"));
        assertTrue(web.base().startsWith("http://127.0.0.1:"));
    }

    @Test
    void url_rejects_what_is_neither_a_web_url_nor_a_path() {
        assertThrows(IllegalArgumentException.class, () -> web.url("ftp://example.com/x"));
        assertThrows(IllegalArgumentException.class, () -> web.url("not a url"));
        assertThrows(IllegalArgumentException.class, () -> web.latency("example.com", -1));
    }

    @Test
    void a_fake_site_is_a_page_titled_with_its_host() throws Exception {
        Response r = Http.blockingGet(web.url("https://example.com"));
        assertEquals(200, r.status());
        assertEquals("example.com", LocalWeb.titleOf(r.text()));
        assertTrue(r.header("content-type").startsWith("text/html"));
    }

    @Test
    void the_json_api_serves_users_data_and_pages() throws Exception {
        assertEquals("{\"id\":1,\"name\":\"Nitin\"}", Http.blockingGet(web.url("https://api.example.com/users/1")).text());
        assertEquals(Map.of("id", 2L, "name", "John"), Http.blockingGet(web.url("/users/2")).json());
        assertEquals(List.of(1L, 2L, 3L), ((Map<?, ?>) Http.blockingGet(web.url("/data")).json()).get("items"));
        assertEquals("Page 7", LocalWeb.titleOf(Http.blockingGet(web.url("https://shop.example/page/7")).text()));
        assertEquals(404, Http.blockingGet(web.url("/nothing/here")).status());
        assertEquals(404, Http.blockingGet(web.url("/users/abc")).status());
        assertEquals(400, Http.blockingGet(web.url("/delay?s=lots")).status());
    }

    @Test
    void host_latency_delays_only_that_host_and_fast_ignores_it() throws Exception {
        web.latency("slow.example", 0.4);
        long t0 = System.nanoTime();
        Http.blockingGet(web.url("https://slow.example/data"));
        double slow = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        Http.blockingGet(web.url("https://other.example/data"));
        Http.blockingGet(web.url("https://slow.example/fast"));
        double quick = (System.nanoTime() - t0) / 1e9;
        assertTrue(slow >= 0.4 && slow < 2.0, "slow host took " + slow);
        assertTrue(quick < 0.4, "other host and /fast took " + quick);
    }

    @Test
    void a_burst_waits_concurrently_and_the_server_counts_what_it_held() {
        web.resetStats();
        Http.Burst burst = Http.burst(web.url("/delay?s=0.5"), 50);
        assertTrue(burst.allOk(), burst.toString());
        assertTrue(burst.seconds() >= 0.5 && burst.seconds() < 3.0, burst.toString());
        assertEquals(50, web.requestsServed());
        assertTrue(web.maxInFlight() > 10, "max in flight " + web.maxInFlight());
    }

    @Test
    void one_request_after_another_is_never_two_in_flight_and_each_is_counted_by_the_time_its_answer_arrives() throws Exception {
        web.resetStats();
        for (int i = 1; i <= 200; i++) {
            assertEquals(200, Http.blockingGet(web.url("/fast")).status());
            assertEquals(i, web.requestsServed(), "served after answer " + i);
        }
        assertEquals(1, web.maxInFlight());
    }

    @Test
    void titleOf_finds_the_title_or_returns_empty() {
        assertEquals("Hi", LocalWeb.titleOf("<html><title> Hi </title></html>"));
        assertEquals("", LocalWeb.titleOf("no title"));
        assertEquals("", LocalWeb.titleOf(null));
    }
}
