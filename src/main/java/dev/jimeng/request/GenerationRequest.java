package dev.jimeng.request;

import dev.jimeng.mode.Capabilities;
import java.util.List;
import java.util.Objects;

/**
 * What the user asked for, as typed: this is what the journal keeps so a job can be re-run.
 * {@code images} holds URLs or local paths in order (first frame, then tail frame). Null means
 * "not given" (the defaults apply). {@code promptTemplate} says which saved prompt template (and which
 * variables) made {@code prompt}, when one did; it is a record of origin and never changes what is sent.
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
        String cameraStrength,
        TemplateUse promptTemplate) {
    public GenerationRequest {
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** A request no prompt template made. */
    public GenerationRequest(
            String mode,
            String prompt,
            Integer durationSeconds,
            Integer fps,
            String aspectRatio,
            List<String> images,
            Long seed,
            String template,
            String cameraStrength) {
        this(mode, prompt, durationSeconds, fps, aspectRatio, images, seed, template, cameraStrength, null);
    }

    /** This request, recorded as made by {@code use}. */
    public GenerationRequest withPromptTemplate(TemplateUse use) {
        return new GenerationRequest(
                mode, prompt, durationSeconds, fps, aspectRatio, images, seed, template, cameraStrength, use);
    }

    /**
     * True when {@code other} (both with defaults filled in) would make the same video: same mode,
     * prompt, images, duration, aspect ratio, camera and seed, where two random seeds (-1 or none)
     * count as the same: the user asked for the same thing twice.
     */
    public boolean asksForTheSameVideoAs(GenerationRequest other) {
        return Objects.equals(mode, other.mode)
                && Objects.equals(prompt, other.prompt)
                && images.equals(other.images)
                && Objects.equals(durationSeconds, other.durationSeconds)
                && Objects.equals(aspectRatio, other.aspectRatio)
                && Objects.equals(template, other.template)
                && Objects.equals(cameraStrength, other.cameraStrength)
                && ((isRandom(seed) && isRandom(other.seed)) || Objects.equals(seed, other.seed));
    }

    /** True when the server picks the seed: none given, or -1 ({@link Capabilities#RANDOM_SEED}). */
    public boolean randomSeed() {
        return isRandom(seed);
    }

    private static boolean isRandom(Long seed) {
        return seed == null || seed == Capabilities.RANDOM_SEED;
    }
}
