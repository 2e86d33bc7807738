package dev.jimeng.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.jimeng.json.Json;
import dev.jimeng.sandbox.BusinessError.BusinessException;
import dev.jimeng.sandbox.GatewayError.GatewayException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /?Action=…&Version=2022-08-31}: the gateway checks (action, signature, QPS), then
 * the two actions. Every answer is a {@link Reply}; nothing here writes to the exchange.
 */
final class ApiEndpoint {
    static final String VERSION = "2022-08-31";

    private final SandboxConfig config;
    private final Clock clock;
    private final RequestAuthenticator authenticator;
    private final QpsWindow qps;
    private final TaskBoard tasks;
    private final VideoLibrary videos;
    private final VideoUrlSigner urls;
    private final SandboxFaults faults;
    private final String baseUrl;

    ApiEndpoint(
            SandboxConfig config,
            TaskBoard tasks,
            VideoLibrary videos,
            VideoUrlSigner urls,
            SandboxFaults faults,
            String baseUrl) {
        this.config = config;
        this.clock = config.clock();
        this.authenticator = new RequestAuthenticator(config.credentials(), clock, config.maxClockSkew());
        this.qps = new QpsWindow(config.qpsLimit());
        this.tasks = tasks;
        this.videos = videos;
        this.urls = urls;
        this.faults = faults;
        this.baseUrl = baseUrl;
    }

    /** The Action when it is one this sandbox serves, else null (for the request log). */
    static String knownAction(Map<String, String> query) {
        String action = query.get("Action");
        return RequestLog.SUBMIT.equals(action) || RequestLog.GET_RESULT.equals(action) ? action : null;
    }

    Reply handle(HttpExchange exchange, Map<String, String> query, byte[] body, long startedNanos) {
        Instant now = clock.instant();
        String requestId = Reply.newRequestId(now);
        String action = query.get("Action");
        String version = query.get("Version");
        try {
            checkGateway(exchange, query, body);
            checkTier(body);
            if (!qps.tryAcquire(now)) {
                throw BusinessError.of(BusinessError.QPS_LIMIT).exception();
            }
            return action.equals(RequestLog.SUBMIT)
                    ? submit(body, now, requestId, startedNanos)
                    : getResult(body, now, requestId, startedNanos);
        } catch (GatewayException e) {
            return Reply.gateway(e.error(), e.getMessage(), action, version, requestId);
        } catch (BusinessException e) {
            return Reply.error(e.error(), requestId, startedNanos);
        }
    }

    private void checkGateway(HttpExchange exchange, Map<String, String> query, byte[] body) throws GatewayException {
        String action = query.get("Action");
        String version = query.get("Version");
        if (action == null || version == null) {
            throw GatewayError.MISSING_PARAMETER.with("The request is missing the Action or Version parameter.");
        }
        if (knownAction(query) == null || !VERSION.equals(version)) {
            throw GatewayError.INVALID_ACTION_OR_VERSION.with(
                    "Action " + action + " with Version " + version + " does not exist in service cv.");
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            throw GatewayError.INVALID_ACTION_OR_VERSION.with(action + " is called with POST.");
        }
        authenticator.verify(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(),
                body);
    }

    /** A req_key whose tier this account "has not activated" is refused by the gateway, as the real one does. */
    private void checkTier(byte[] body) throws GatewayException {
        if (config.refusedReqKeys().isEmpty()) {
            return;
        }
        String reqKey;
        try {
            reqKey = Json.MAPPER.readTree(body).path("req_key").asText("");
        } catch (IOException e) {
            return; // the action itself answers a broken body
        }
        if (config.refusedReqKeys().contains(reqKey)) {
            throw GatewayError.ACCESS_DENIED.with(
                    "Access Denied: the account has not activated the service for " + reqKey + ".");
        }
    }

    private Reply submit(byte[] body, Instant now, String requestId, long startedNanos) throws BusinessException {
        Optional<BusinessError> forced = faults.takeForcedSubmit();
        if (forced.isPresent()) {
            throw forced.get().exception();
        }
        ValidSubmit submit = SubmitValidator.validate(parse(body));
        if (contains(submit.prompt(), config.rejectWord())) {
            throw BusinessError.of(BusinessError.TEXT_RISK).exception();
        }
        boolean failsReview = contains(submit.prompt(), config.outputReviewFailureWord());
        Optional<SandboxTask> task = tasks.admit(submit.mode().reqKey(), now, submit.video(), failsReview);
        if (task.isEmpty()) {
            throw BusinessError.of(BusinessError.CONCURRENCY_LIMIT).exception();
        }
        if (!failsReview && config.prepareVideosOnSubmit()) {
            videos.prepare(submit.video());
        }
        String taskId = faults.takeNextTaskId().orElse(task.get().taskId());
        tasks.alias(taskId, task.get());
        faults.takeBeforeAccepting().ifPresent(Runnable::run);
        ObjectNode data = Json.MAPPER.createObjectNode().put("task_id", taskId);
        return Reply.success(data, requestId, startedNanos);
    }

    private Reply getResult(byte[] body, Instant now, String requestId, long startedNanos) throws BusinessException {
        if (faults.rollGetResultFailure()) {
            throw BusinessError.of(BusinessError.INTERNAL_ERROR).exception();
        }
        JsonNode json = parse(body);
        String taskId = requiredText(json, "task_id");
        String reqKey = requiredText(json, "req_key");
        boolean aigcMeta = wantsAigcMeta(json.get("req_json"));
        Optional<SandboxTask> found = tasks.find(taskId);
        if (found.isEmpty()) {
            return Reply.success(resultData(ServedStatus.NOT_FOUND, "", false), requestId, startedNanos);
        }
        SandboxTask task = found.get();
        if (!task.reqKey().equals(reqKey)) {
            throw BusinessError.invalidParameter("req_key " + reqKey + " does not match the task's")
                    .exception();
        }
        ServedStatus status = tasks.status(task, now);
        if (status != ServedStatus.DONE) {
            return Reply.success(resultData(status, "", false), requestId, startedNanos);
        }
        if (task.failsOutputReview()) {
            // finished, and failed: the outcome is in the outer code, data still says done
            BusinessError review = BusinessError.of(BusinessError.OUTPUT_VIDEO_RISK);
            return Reply.business(
                    review.httpStatus(),
                    review.code(),
                    resultData(ServedStatus.DONE, "", false),
                    review.message(),
                    requestId,
                    startedNanos);
        }
        String url = faults.takeNextVideoUrl()
                .orElseGet(() -> urls.url(baseUrl, task.taskId(), now.plus(faults.videoUrlLifetime())));
        return Reply.success(resultData(ServedStatus.DONE, url, aigcMeta), requestId, startedNanos);
    }

    private static ObjectNode resultData(ServedStatus status, String videoUrl, boolean aigcMetaTagged) {
        return Json.MAPPER
                .createObjectNode()
                .put("status", status.wire())
                .put("video_url", videoUrl)
                .put("aigc_meta_tagged", aigcMetaTagged);
    }

    private static boolean wantsAigcMeta(JsonNode reqJson) throws BusinessException {
        if (reqJson == null || reqJson.isNull()) {
            return false;
        }
        if (!reqJson.isTextual()) {
            throw BusinessError.invalidParameter("req_json must be a JSON string")
                    .exception();
        }
        try {
            return Json.MAPPER.readTree(reqJson.textValue()).has("aigc_meta");
        } catch (IOException e) {
            throw BusinessError.invalidParameter("req_json is not valid JSON").exception();
        }
    }

    private static JsonNode parse(byte[] body) throws BusinessException {
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            if (json == null || !json.isObject()) {
                throw BusinessError.invalidParameter("the body must be a JSON object")
                        .exception();
            }
            return json;
        } catch (IOException e) {
            throw BusinessError.invalidParameter("the body is not valid JSON").exception();
        }
    }

    private static String requiredText(JsonNode json, String field) throws BusinessException {
        JsonNode node = json.get(field);
        if (node == null || !node.isTextual() || node.textValue().isBlank()) {
            throw BusinessError.invalidParameter(field + " is required").exception();
        }
        return node.textValue();
    }

    private static boolean contains(String prompt, String word) {
        return word != null
                && !word.isBlank()
                && prompt.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT));
    }
}
