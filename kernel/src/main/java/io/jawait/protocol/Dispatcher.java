package io.jawait.protocol;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * Routes one request to its handler, between a busy and an idle status. Every {@code *_request} gets a
 * {@code *_reply}, an error one when the request is unknown or bad, so no client is left waiting.
 */
final class Dispatcher {
    enum Channel { SHELL, CONTROL }

    /** What the socket loop does after a request. */
    enum Next { CONTINUE, ABORT_QUEUED, SHUTDOWN }

    private final Interpreter interpreter;
    private final Session session;
    private final IopubChannel iopub;
    private final StdinChannel stdin;
    private final ExecuteHandler execute;
    private final History history;
    private final IdleCollector idle;
    /** When the execute_request now running was sent, by its header; null when none runs or its date is unknown. */
    private volatile Instant runningSentAt;

    Dispatcher(Interpreter interpreter, Session session, IopubChannel iopub, StdinChannel stdin,
               ExecuteHandler execute, History history, IdleCollector idle) {
        this.interpreter = interpreter;
        this.session = session;
        this.iopub = iopub;
        this.stdin = stdin;
        this.execute = execute;
        this.history = history;
        this.idle = idle;
    }

    Next dispatch(Message request, Channel channel, Replier send) {
        String type = request.type();
        if (type.isEmpty()) {
            KernelLog.warn(channel + ": dropped a message without msg_type");
            return Next.CONTINUE;
        }
        idle.requestStarted();
        iopub.status(request.header(), "busy");
        try {
            return handle(request, channel, send);
        } catch (Throwable t) {
            KernelLog.warn(channel + ": " + type + " failed: " + t);
            if (type.endsWith("_request")) {
                String evalue = t.getMessage() == null ? t.toString() : t.getMessage();
                reply(request, send, Replies.error("BadRequest", evalue, List.of("BadRequest: " + evalue)));
            }
            return Next.CONTINUE;
        } finally {
            iopub.status(request.header(), "idle");
            idle.requestEnded();
        }
    }

    /** Answers an execute_request queued behind a failed cell without running it. */
    void abort(Message request, Replier send) {
        iopub.status(request.header(), "busy");
        reply(request, send, ExecuteHandler.aborted());
        iopub.status(request.header(), "idle");
    }

    private Next handle(Message request, Channel channel, Replier send) {
        String type = request.type();
        if (channel == Channel.CONTROL && !isControlRequest(type)) {
            if (type.endsWith("_request")) {
                return unknown(request, send, type + " is answered on the shell channel, not on control");
            }
            KernelLog.warn("control: ignored a " + type + " message");
            return Next.CONTINUE;
        }
        return switch (type) {
            case "execute_request" -> execute(request, send);
            case "interrupt_request" -> interrupt(request, send);
            case "shutdown_request" -> shutdown(request, send);
            case "comm_open" -> refuseComm(request);
            case "comm_msg", "comm_close" -> Next.CONTINUE;
            default -> answer(request, channel, send);
        };
    }

    /** Requests answered by one reply computed from the request alone. */
    private Next answer(Message request, Channel channel, Replier send) {
        JsonObject c = request.content();
        JsonObject content = switch (request.type()) {
            case "kernel_info_request" -> Replies.kernelInfo(interpreter);
            case "complete_request" -> {
                String code = Json.string(c, "code", "");
                int at = CodePoints.toIndex(code, Json.integer(c, "cursor_pos", 0));
                yield Replies.complete(CodePoints.inCodePoints(code, interpreter.complete(code, at)));
            }
            case "inspect_request" -> {
                String code = Json.string(c, "code", "");
                yield Replies.inspect(interpreter.inspect(code, CodePoints.toIndex(code, Json.integer(c, "cursor_pos", 0)),
                        Json.integer(c, "detail_level", 0)));
            }
            case "is_complete_request" -> Replies.isComplete(interpreter.isComplete(Json.string(c, "code", "")));
            case "history_request" -> Replies.history(history, c);
            case "comm_info_request" -> Replies.commInfo();
            default -> null;
        };
        if (content != null) {
            reply(request, send, content);
        } else if (request.type().endsWith("_request")) {
            unknown(request, send, "this kernel does not know " + request.type());
        } else {
            KernelLog.warn(channel + ": ignored a " + request.type() + " message");
        }
        return Next.CONTINUE;
    }

    private Next execute(Message request, Replier send) {
        runningSentAt = sentAt(request);
        try {
            return execute.handle(request, content -> reply(request, send, content), send::holdQueued)
                    ? Next.ABORT_QUEUED : Next.CONTINUE;
        } finally {
            runningSentAt = null;
        }
    }

    /**
     * Stops the running cell, unless the interrupt was sent before that cell was: it was then meant for a moment
     * when nothing ran (a client may send interrupt_request and the next execute_request back to back, and the
     * two channels do not keep their order; jupyter_client's tests do), not for the cell that started since.
     */
    private Next interrupt(Message request, Replier send) {
        Instant sent = sentAt(request);
        Instant running = runningSentAt;
        if (sent == null || running == null || !sent.isBefore(running)) {
            stdin.cancel();
            interpreter.interrupt();
        }
        reply(request, send, Replies.ok());
        return Next.CONTINUE;
    }

    private static Instant sentAt(Message request) {
        var date = request.header().get("date");
        return date != null && date.isJsonPrimitive() ? Timestamps.parse(date.getAsString()) : null;
    }

    private Next shutdown(Message request, Replier send) {
        JsonObject content = Replies.ok();
        content.addProperty("restart", Json.bool(request.content(), "restart", false));
        reply(request, send, content);
        return Next.SHUTDOWN;
    }

    private static boolean isControlRequest(String type) {
        return type.equals("interrupt_request") || type.equals("shutdown_request")
                || type.equals("kernel_info_request");
    }

    private Next unknown(Message request, Replier send, String why) {
        reply(request, send, Replies.error("UnknownRequest", why, List.of("UnknownRequest: " + why)));
        return Next.CONTINUE;
    }

    private Next refuseComm(Message request) {
        // no comm targets are registered: closing at once tells the front end the comm will never answer
        JsonObject close = new JsonObject();
        close.addProperty("comm_id", Json.string(request.content(), "comm_id", ""));
        close.add("data", new JsonObject());
        iopub.publish(request.header(), "comm_close", close);
        return Next.CONTINUE;
    }

    private void reply(Message request, Replier send, JsonObject content) {
        String type = request.type();
        String replyType = type.endsWith("_request")
                ? type.substring(0, type.length() - "_request".length()) + "_reply" : type + "_reply";
        send.send(session.reply(request, replyType, content));
    }
}
