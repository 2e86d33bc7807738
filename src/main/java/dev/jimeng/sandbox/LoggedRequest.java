package dev.jimeng.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One request as the sandbox saw it. Nothing secret is kept: no headers, no URL query (video URLs
 * carry a token), and base64 image data replaced by its length.
 *
 * @param time sandbox clock when the request arrived
 * @param method HTTP method
 * @param target the Action for API calls, the path otherwise
 * @param body the parsed JSON body, redacted; null when there was none or it was not JSON
 * @param httpStatus status answered; 0 when the connection was dropped on purpose
 * @param businessCode the {@code code} of a business answer, else null
 * @param gatewayError the gateway error code (e.g. SignatureDoesNotMatch), else null
 * @param imageSha256 the hex SHA-256 of each uploaded image (binary_data_base64), in order
 */
public record LoggedRequest(
        Instant time,
        String method,
        String target,
        JsonNode body,
        int httpStatus,
        Integer businessCode,
        String gatewayError,
        java.util.List<String> imageSha256) {

    public boolean dropped() {
        return httpStatus == 0;
    }
}
