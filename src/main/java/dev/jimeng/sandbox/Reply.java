package dev.jimeng.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jimeng.json.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** A JSON answer of the API: business shape or gateway envelope, with what the log needs. */
record Reply(int httpStatus, JsonNode json, Integer businessCode, String gatewayError) {
    static final String SERVICE = "cv";
    static final String REGION = "cn-north-1";
    private static final DateTimeFormatter REQUEST_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    /** The service's shape; field order as the real API: code, data, message, request_id, status, time_elapsed. */
    static Reply business(
            int httpStatus, int code, JsonNode data, String message, String requestId, long startedNanos) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("code", code);
        json.set("data", data == null ? Json.MAPPER.nullNode() : data);
        json.put("message", message);
        json.put("request_id", requestId);
        json.put("status", code);
        json.put("time_elapsed", String.format(Locale.ROOT, "%.2fms", (System.nanoTime() - startedNanos) / 1e6));
        return new Reply(httpStatus, json, code, null);
    }

    static Reply success(JsonNode data, String requestId, long startedNanos) {
        return business(200, 10000, data, "Success", requestId, startedNanos);
    }

    static Reply error(BusinessError error, String requestId, long startedNanos) {
        return business(error.httpStatus(), error.code(), null, error.message(), requestId, startedNanos);
    }

    static Reply gateway(GatewayError error, String message, String action, String version, String requestId) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        ObjectNode meta = json.putObject("ResponseMetadata");
        meta.put("RequestId", requestId);
        meta.put("Action", action == null ? "" : action);
        meta.put("Version", version == null ? "" : version);
        meta.put("Service", SERVICE);
        meta.put("Region", REGION);
        ObjectNode err = meta.putObject("Error");
        err.put("CodeN", error.codeN());
        err.put("Code", error.code());
        err.put("Message", message);
        return new Reply(error.httpStatus(), json, null, error.code());
    }

    static String newRequestId(Instant now) {
        byte[] random = new byte[10];
        ThreadLocalRandom.current().nextBytes(random);
        return REQUEST_ID_TIME.format(now) + HexFormat.of().withUpperCase().formatHex(random);
    }
}
