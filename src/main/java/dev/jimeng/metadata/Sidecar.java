package dev.jimeng.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.request.GenerationRequest;
import java.nio.file.Path;

/**
 * A video's metadata as read back, from its sidecar or from inside the MP4.
 *
 * @param file where it was read from: the sidecar, or the video itself
 * @param document the whole document, for display
 * @param request the request exactly as journaled: what a re-run sends
 * @param sandbox true when the video came from the built-in sandbox
 * @param embedded true when it was read from inside the MP4 (there was no sidecar)
 * @param note a remark for the user (the sidecar and the MP4 disagree), or null
 */
public record Sidecar(
        Path file, JsonNode document, GenerationRequest request, boolean sandbox, boolean embedded, String note) {
    /** The profile the video was made with, or null when the metadata predates profiles in it. */
    public String profile() {
        JsonNode profile = document.path("profile");
        return profile.isTextual() ? profile.asText() : null;
    }
}
