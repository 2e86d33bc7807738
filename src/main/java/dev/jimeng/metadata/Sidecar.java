package dev.jimeng.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.request.GenerationRequest;
import java.nio.file.Path;

/**
 * A sidecar as read back.
 *
 * @param file where it was read from
 * @param document the whole document, for display
 * @param request the request exactly as journaled: what a re-run sends
 * @param sandbox true when the video came from the built-in sandbox
 */
public record Sidecar(Path file, JsonNode document, GenerationRequest request, boolean sandbox) {}
