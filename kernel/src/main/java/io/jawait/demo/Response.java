package io.jawait.demo;

import java.net.http.HttpResponse;

/**
 * One HTTP response as the demo clients return it: status, body text, JSON and headers.
 *
 * {@snippet :
 * try (var web = LocalWeb.start()) {
 *     Response r = Http.blockingGet(web.url("https://api.example.com/users/1"));
 *     System.out.println(r.status() + " " + r.json());     // 200 {id=1, name=Nitin}
 * }
 * }
 *
 * <p>Immutable and thread safe.
 */
public final class Response {

    private final HttpResponse<String> response;

    Response(HttpResponse<String> response) {
        this.response = response;
    }

    /** The status code, such as 200 or 404. */
    public int status() {
        return response.statusCode();
    }

    /** The body as text. */
    public String text() {
        return response.body();
    }

    /**
     * The body parsed as JSON: a {@code Map} for an object, a {@code List} for an array; whole numbers are
     * {@code Long}s.
     *
     * @throws IllegalArgumentException if the body is not JSON
     */
    public Object json() {
        return JsonCodec.read(text());
    }

    /** The first value of a header (names ignore case), or {@code null} when the response has none. */
    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The URL that was requested. */
    public String url() {
        return response.uri().toString();
    }

    @Override
    public String toString() {
        String body = text().length() > 80 ? text().substring(0, 80) + "..." : text();
        return "<Response " + status() + " " + body + ">";
    }
}
