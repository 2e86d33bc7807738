package dev.jimeng.sign;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the signer needs to know about an HTTP request, with no HTTP library types.
 *
 * @param host the Host header value, with the port unless it is 80/443
 * @param query decoded query parameters; the signer sorts and encodes them
 */
public record SigningRequest(
        String method, String host, String path, Map<String, String> query, String contentType, byte[] body) {
    public SigningRequest {
        query = new TreeMap<>(query);
        body = body.clone();
    }

    public SortedMap<String, String> sortedQuery() {
        return new TreeMap<>(query);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
