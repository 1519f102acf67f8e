package io.jawait.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.jawait.async.Async;
import io.jawait.async.AsyncRunnable;
import io.jawait.async.Mode;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Answers one exchange of an {@link App}: find the route, run it where its kind says, send JSON. */
final class AppHandler implements HttpHandler {

    private final App app;

    AppHandler(App app) {
        this.app = app;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        app.inFlightCounter().incrementAndGet();
        app.arrivals().incrementAndGet();
        Request request = null;
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            var match = app.router().find(method, path);
            if (match == null) {
                int status = app.router().pathExists(path) ? 405 : 404;
                Exchanges.sendJson(exchange, status, Map.of("detail", status == 404 ? "Not Found" : "Method Not Allowed"));
                return;
            }
            request = new Request(method, path, match.params(),
                    Exchanges.query(exchange.getRequestURI().getRawQuery()), Exchanges.body(exchange));
            Object value = invoke(match.route().handler(), request);
            Exchanges.sendJson(exchange, 200, value);
        } catch (HttpError e) {
            Exchanges.sendJson(exchange, e.status(), Map.of("detail", e.getMessage()));
        } catch (Exception | StackOverflowError e) {
            System.err.println("App: " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " failed: " + e);
            Exchanges.sendJson(exchange, 500, Map.of("detail", "Internal Server Error: " + e));
        } finally {
            app.inFlightCounter().decrementAndGet();
            exchange.close();
        }
        if (request != null) {
            request.backgroundTasks().forEach(this::runInBackground);
        }
    }

    private Object invoke(Object handler, Request request) throws Exception {
        String name = request.method() + " " + request.path();
        if (app.mode() == Mode.VIRTUAL) {
            return handler instanceof SyncRoute sync
                    ? sync.handle(request)
                    : Async.run(Async.async(name, () -> Async.await(coroutine(handler, request))), Mode.VIRTUAL);
        }
        Future<Object> outcome = handler instanceof SyncRoute sync
                ? app.pool().submit(() -> sync.handle(request))
                : app.loop().submit(name, () -> Async.await(coroutine(handler, request)));
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (InterruptedException e) {
            outcome.cancel(true);
            throw e;
        }
    }

    private static io.jawait.async.Coro<?> coroutine(Object handler, Request request) throws Exception {
        var coro = ((AsyncRoute) handler).handle(request);
        if (coro == null) {
            throw new IllegalStateException("the async route returned null instead of a coroutine: wrap its body"
                    + " in async(() -> ...)");
        }
        return coro;
    }

    /** FastAPI runs background tasks after the response; here each gets a run of its own. */
    private void runInBackground(AsyncRunnable task) {
        Runnable body = () -> {
            boolean failed = false;
            try {
                Async.run(Async.async("background", task), app.mode());
            } catch (Exception | Error e) {
                failed = true;
                System.err.println("App: background task failed: " + e);
            }
            app.backgroundFinished(failed);
        };
        if (app.mode() == Mode.LOOP) {
            app.pool().execute(body);
        } else {
            body.run();
        }
    }
}
