package io.jawait.demo;

/**
 * Thrown by a route to answer with an error status: FastAPI's {@code HTTPException}.
 *
 * {@snippet :
 * try (var app = App.create()) {
 *     app.get("/users/{id}", req -> { throw new HttpError(404, "no user " + req.pathParam("id")); }).start();
 *     System.out.println(Http.blockingGet(app.url("/users/9")).text());   // {"detail":"no user 9"}
 * }
 * }
 */
public class HttpError extends RuntimeException {

    private final int status;

    /**
     * An error with status {@code status} and body {@code {"detail": detail}}.
     *
     * @throws IllegalArgumentException if the status is not between 400 and 599
     */
    public HttpError(int status, String detail) {
        super(detail);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error status is 400 to 599, not " + status);
        }
        this.status = status;
    }

    /** The HTTP status to answer with. */
    public int status() {
        return status;
    }
}
