package dev.jimeng.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.json.Json;
import java.io.IOException;

/**
 * Turns one HTTP answer (status and body bytes) into a parsed result or an {@link ApiError}. Pure:
 * no I/O, no clock. The outer {@code code} is checked before anything else, because the server
 * reports a failed task as {@code data.status=done} with an error code outside.
 */
public final class ResponseClassifier {
    /** The outer {@code code} of a successful answer. */
    public static final long SUCCESS = 10000;

    /** Either a parsed answer or the error the answer means. */
    public sealed interface Outcome<T> {
        record Success<T>(T value) implements Outcome<T> {}

        record Failure<T>(ApiError error) implements Outcome<T> {}

        /** The value, or the error as an {@link ApiException}. */
        default T orThrow() throws ApiException {
            return switch (this) {
                case Success<T> s -> s.value();
                case Failure<T> f -> throw new ApiException(f.error());
            };
        }
    }

    private ResponseClassifier() {}

    /** An answer of {@link ApiAction#SUBMIT_TASK}. */
    public static Outcome<SubmitResult> classifySubmit(int httpStatus, byte[] body) {
        Envelope envelope = open(httpStatus, body, true);
        if (envelope.error() != null) {
            return new Outcome.Failure<>(envelope.error());
        }
        String requestId = envelope.requestId();
        String taskId = text(envelope.root().path("data").get("task_id"));
        if (taskId.isEmpty()) {
            return new Outcome.Failure<>(ErrorCatalog.protocol(
                    "the submit succeeded but the answer has no task id",
                    httpStatus,
                    Retry.NEVER,
                    "the task may be running and billed: look for it in the Volcengine console before submitting again",
                    requestId,
                    true));
        }
        return new Outcome.Success<>(new SubmitResult(taskId, requestId));
    }

    /** An answer of {@link ApiAction#GET_RESULT}. */
    public static Outcome<TaskResult> classifyGetResult(int httpStatus, byte[] body) {
        Envelope envelope = open(httpStatus, body, false);
        if (envelope.error() != null) {
            return new Outcome.Failure<>(envelope.error());
        }
        String requestId = envelope.requestId();
        JsonNode data = envelope.root().path("data");
        String wireStatus = text(data.get("status"));
        TaskStatus status;
        try {
            status = TaskStatus.fromWire(wireStatus);
        } catch (IllegalArgumentException e) {
            return new Outcome.Failure<>(ErrorCatalog.protocol(
                    "unknown task status '" + ErrorCatalog.oneLine(wireStatus, 40) + "'",
                    httpStatus,
                    Retry.BACKOFF,
                    "jimeng asks again; if this persists, jimeng needs an update",
                    requestId,
                    false));
        }
        String videoUrl = text(data.get("video_url"));
        if (status == TaskStatus.DONE && videoUrl.isEmpty()) {
            return new Outcome.Failure<>(ErrorCatalog.protocol(
                    "the task is done but the answer has no video_url",
                    httpStatus,
                    Retry.BACKOFF,
                    "jimeng asks again for a fresh result; the task id stays valid for 12 hours",
                    requestId,
                    false));
        }
        boolean tagged = data.path("aigc_meta_tagged").asBoolean(false);
        return new Outcome.Success<>(new TaskResult(status, videoUrl, requestId, tagged));
    }

    /** The classified outer layer of an answer: a successful root object, or the error. */
    private record Envelope(JsonNode root, String requestId, ApiError error) {}

    private static Envelope open(int httpStatus, byte[] body, boolean submit) {
        JsonNode root = parse(body);
        if (root == null) {
            return failed(ErrorCatalog.nonJson(httpStatus, submit));
        }
        JsonNode code = root.get("code");
        if (code != null && !code.isNull()) {
            String requestId = text(root.get("request_id"));
            String codeText = text(code);
            if (!codeText.matches("-?\\d{1,18}")) {
                return failed(ErrorCatalog.protocol(
                        "the answer's code is not a number",
                        httpStatus,
                        Retry.BACKOFF,
                        hintFor(submit),
                        requestId,
                        submit));
            }
            if (Long.parseLong(codeText) != SUCCESS) {
                return failed(
                        ErrorCatalog.error(codeText, httpStatus, text(root.get("message")), nullIfEmpty(requestId)));
            }
            return new Envelope(root, nullIfEmpty(requestId), null);
        }
        JsonNode metadata = root.path("ResponseMetadata");
        JsonNode gatewayError = metadata.path("Error");
        if (gatewayError.isObject()) {
            String name = text(gatewayError.get("Code"));
            String number = text(gatewayError.get("CodeN"));
            String gatewayCode = !name.isEmpty() ? name : !number.isEmpty() ? number : "http-" + httpStatus;
            ErrorCatalog.Entry entry = ErrorCatalog.find(name)
                    .or(() -> ErrorCatalog.find(number))
                    .orElseGet(() -> ErrorCatalog.entryFor(gatewayCode, httpStatus));
            return failed(entry.toError(
                    httpStatus, text(gatewayError.get("Message")), nullIfEmpty(text(metadata.get("RequestId")))));
        }
        if (httpStatus >= 300) {
            return failed(ErrorCatalog.nonJson(httpStatus, submit));
        }
        return failed(ErrorCatalog.protocol(
                "the answer has neither a code nor a gateway error",
                httpStatus,
                Retry.BACKOFF,
                hintFor(submit),
                null,
                submit));
    }

    private static String hintFor(boolean submit) {
        return submit
                ? "the task may have been accepted: look for it before submitting again, and "
                        + "check JIMENG_VIDEO_API_URL"
                : "check JIMENG_VIDEO_API_URL (unset it to use https://visual.volcengineapi.com)";
    }

    private static Envelope failed(ApiError error) {
        return new Envelope(null, error.requestId(), error);
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A scalar as text; numbers keep all their digits (a task id may arrive as a JSON number). */
    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return "";
        }
        return node.asText("").trim();
    }

    private static String nullIfEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
