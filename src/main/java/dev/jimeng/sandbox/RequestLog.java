package dev.jimeng.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.jimeng.json.Json;
import java.util.ArrayList;
import java.util.List;

/** Every request the sandbox received, in order, for tests to assert on. Thread-safe. */
final class RequestLog {
    static final String SUBMIT = "CVSync2AsyncSubmitTask";
    static final String GET_RESULT = "CVSync2AsyncGetResult";
    static final String DOWNLOAD = "download";

    private final List<LoggedRequest> entries = new ArrayList<>();
    private int submits;
    private int getResults;
    private int downloads;

    /**
     * Counts a request when it arrives, before any answer is sent, so that a client that has its
     * answer always finds it counted.
     */
    synchronized void arrived(String kind) {
        switch (kind) {
            case SUBMIT -> submits++;
            case GET_RESULT -> getResults++;
            case DOWNLOAD -> downloads++;
            default -> {}
        }
    }

    /** Records a request once it has been answered (or dropped). */
    synchronized void add(LoggedRequest entry) {
        entries.add(entry);
    }

    synchronized List<LoggedRequest> entries() {
        return List.copyOf(entries);
    }

    synchronized int submits() {
        return submits;
    }

    synchronized int getResults() {
        return getResults;
    }

    synchronized int downloads() {
        return downloads;
    }

    /** Parses a body for the log, with each base64 image replaced by "<N base64 chars>". */
    static JsonNode redactedBody(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node instanceof ObjectNode object && object.get("binary_data_base64") instanceof ArrayNode blobs) {
                ArrayNode lengths = object.putArray("binary_data_base64");
                blobs.forEach(b -> lengths.add(new TextNode("<" + b.asText().length() + " base64 chars>")));
            }
            return node;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /**
     * The hex SHA-256 of each uploaded image's bytes, in the body's order (empty when none): tests
     * check which picture was sent without the log keeping any.
     */
    static java.util.List<String> imageHashes(byte[] body) {
        if (body == null || body.length == 0) {
            return java.util.List.of();
        }
        try {
            JsonNode blobs = Json.MAPPER.readTree(body).path("binary_data_base64");
            java.util.List<String> hashes = new ArrayList<>();
            blobs.forEach(b -> hashes.add(sha256(b.asText())));
            return java.util.List.copyOf(hashes);
        } catch (java.io.IOException e) {
            return java.util.List.of();
        }
    }

    /** The hex SHA-256 of the bytes {@code base64} encodes ("not base64" when it encodes none). */
    private static String sha256(String base64) {
        try {
            byte[] bytes = java.util.Base64.getDecoder().decode(base64);
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IllegalArgumentException e) {
            return "not base64";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
