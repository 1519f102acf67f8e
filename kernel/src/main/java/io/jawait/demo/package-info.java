/**
 * Loopback servers and clients for the notebooks: the internet, a database and a web framework, on 127.0.0.1.
 *
 * {@snippet :
 * try (var web = LocalWeb.start(); var client = AsyncHttp.open()) {
 *     var pages = Async.run(Async.async(() -> Async.gather(
 *             client.get(web.url("https://example.com")), client.get(web.url("https://github.com")))));
 *     pages.forEach(r -> System.out.println(LocalWeb.titleOf(r.text())));   // about 1 s for both, not 2
 * }
 * }
 *
 * <p>What stands in for what: {@link io.jawait.demo.LocalWeb} for websites and JSON APIs (adjustable
 * latency), {@link io.jawait.demo.AsyncHttp} for httpx/aiohttp, {@link io.jawait.demo.Http} for requests,
 * {@link io.jawait.demo.AsyncDb} for databases/asyncpg (H2 in PostgreSQL mode, or PostgreSQL itself through
 * {@code JAWAIT_PG_URL} and {@code install/postgres.sh}), {@link io.jawait.demo.App} for FastAPI on uvicorn,
 * {@link io.jawait.demo.WsEcho}, {@link io.jawait.demo.WsHub} and {@link io.jawait.demo.Ws} for the websockets
 * library, {@link io.jawait.demo.AFiles} for aiofiles.
 *
 * <p>Every server binds 127.0.0.1 on a free port and is {@link java.lang.AutoCloseable}: a notebook starts it,
 * uses it and closes it. Clients return coroutines of {@link io.jawait.async.Async}, so they suspend in both
 * modes: in {@code Mode.LOOP} other tasks run while a request, query or message is awaited.
 */
package io.jawait.demo;
