package dev.jimeng.mode;

import java.util.List;
import java.util.Map;

/**
 * What one generation mode accepts. Validation and completion read only these values.
 *
 * @param name the user-facing name (the seed's), e.g. {@code t2v_720p}
 * @param reqKey the API's req_key
 * @param resolution {@code 720p}, {@code 1080p} or {@code pro}
 * @param minImages fewest input images
 * @param maxImages most input images (first frame, then tail frame)
 * @param promptRequiredWithoutImageOnly true when the prompt may be omitted if an image is given
 * @param aspectRatios ratios the mode takes; empty when the server derives it from the image
 * @param aspectRatioOnlyWithoutImage true when aspect ratio applies only to text-only requests
 * @param framesBySeconds supported durations in seconds to the API's {@code frames} value
 * @param fps supported frame rates
 * @param camera true when the mode needs a camera template and strength
 */
public record ModeSpec(
        String name,
        String reqKey,
        String resolution,
        String description,
        int minImages,
        int maxImages,
        boolean promptRequiredWithoutImageOnly,
        List<String> aspectRatios,
        boolean aspectRatioOnlyWithoutImage,
        Map<Integer, Integer> framesBySeconds,
        List<Integer> fps,
        boolean camera) {

    public boolean takesAspectRatio(int imageCount) {
        return !aspectRatios.isEmpty() && !(aspectRatioOnlyWithoutImage && imageCount > 0);
    }

    public boolean requiresPrompt(int imageCount) {
        return !(promptRequiredWithoutImageOnly && imageCount > 0);
    }

    /** A short line for completion menus: resolution and inputs. */
    public String summary() {
        String inputs =
                switch (maxImages) {
                    case 0 -> "text";
                    case 1 -> minImages == 0 ? "text + optional first frame" : "first frame + text";
                    default -> "first & last frame + text";
                };
        return resolution.toUpperCase() + " · " + inputs + (camera ? " · camera move" : "");
    }
}
