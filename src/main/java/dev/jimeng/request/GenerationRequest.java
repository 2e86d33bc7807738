package dev.jimeng.request;

import java.util.List;

/**
 * What the user asked for, as typed: this is what the journal keeps so a job can be re-run.
 * {@code images} holds URLs or local paths in order (first frame, then tail frame). Null means
 * "not given" (the defaults apply).
 */
public record GenerationRequest(
        String mode,
        String prompt,
        Integer durationSeconds,
        Integer fps,
        String aspectRatio,
        List<String> images,
        Long seed,
        String template,
        String cameraStrength) {
    public GenerationRequest {
        images = images == null ? List.of() : List.copyOf(images);
    }
}
