package io.jawait.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The content LocalWeb serves: pure functions from a request to a reply, so they are testable without sockets. */
final class FakeSite {

    /** What to send back, and how long to wait first (seconds); a negative delay means "the host's latency". */
    record Reply(int status, String contentType, String body, double delay) {
    }

    static final double MAX_DELAY = 60;
    private static final List<String> NAMES = List.of("Nitin", "John", "Ada");
    private static final double HOST_LATENCY = -1;

    private FakeSite() {
    }

    /**
     * Answers a request for {@code path} on the fake {@code host} (empty for the server's own top level).
     */
    static Reply answer(String host, String path, Map<String, String> query) {
        String[] parts = path.replaceAll("^/+|/+$", "").split("/+");
        String first = parts[0];
        if (first.isEmpty()) {
            return host.isEmpty() ? html("LocalWeb", "Fake sites live under /site/&lt;host&>/.") : site(host);
        }
        return switch (first) {
            case "fast" -> json(Map.of("fast", true), 0);
            case "delay" -> delay(query.get("s"));
            case "data" -> json(data(host), HOST_LATENCY);
            case "users" -> parts.length == 1 ? json(allUsers(), HOST_LATENCY) : user(parts[1]);
            case "page" -> parts.length == 2 && isWholeNumber(parts[1])
                    ? html("Page " + Long.parseLong(parts[1]), "Page " + parts[1] + " of " + hostOr(host))
                    : notFound();
            default -> notFound();
        };
    }

    /** A user row as the JSON API serves it: ids 1 to 3 have names, other positive ids get "User n". */
    static Map<String, Object> userRow(long id) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("name", id >= 1 && id <= NAMES.size() ? NAMES.get((int) id - 1) : "User " + id);
        return row;
    }

    private static Reply site(String host) {
        return html(host, "A local stand-in for https://" + host + "/, served by jawait's LocalWeb.");
    }

    private static Reply user(String id) {
        if (!isWholeNumber(id) || Long.parseLong(id) < 1) {
            return new Reply(404, "application/json", JsonCodec.write(Map.of("detail", "no user " + id)), HOST_LATENCY);
        }
        return json(userRow(Long.parseLong(id)), HOST_LATENCY);
    }

    private static List<Map<String, Object>> allUsers() {
        return List.of(userRow(1), userRow(2), userRow(3));
    }

    private static Map<String, Object> data(String host) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("source", hostOr(host));
        data.put("items", List.of(1, 2, 3));
        return data;
    }

    private static Reply delay(String seconds) {
        double s;
        try {
            s = Double.parseDouble(seconds);
        } catch (NumberFormatException | NullPointerException e) {
            s = Double.NaN;
        }
        if (!(s >= 0 && s <= MAX_DELAY)) {
            String detail = "query parameter s must be a number of seconds from 0 to " + (int) MAX_DELAY;
            return new Reply(400, "application/json", JsonCodec.write(Map.of("detail", detail)), 0);
        }
        return json(Map.of("delay", s), s);
    }

    private static boolean isWholeNumber(String text) {
        return text.matches("\\d{1,18}");
    }

    private static String hostOr(String host) {
        return host.isEmpty() ? "localweb" : host;
    }

    private static Reply json(Object value, double delay) {
        return new Reply(200, "application/json", JsonCodec.write(value), delay);
    }

    private static Reply html(String title, String text) {
        String body = "<!doctype html><html><head><title>" + title + "</title></head><body><h1>" + title
                + "</h1><p>" + text + "</p></body></html>";
        return new Reply(200, "text/html; charset=utf-8", body, HOST_LATENCY);
    }

    private static Reply notFound() {
        return new Reply(404, "application/json", JsonCodec.write(Map.of("detail", "Not Found")), 0);
    }
}
