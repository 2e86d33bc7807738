package dev.jimeng.request;

import dev.jimeng.api.SubmitBody;
import dev.jimeng.mode.ModeSpec;
import java.util.List;

/**
 * A request that passed validation: ready to submit.
 *
 * @param mode the capability entry of the chosen mode
 * @param request what the user asked for with every default filled in (local image paths made absolute,
 *     so the journal can re-run it from anywhere); fields the mode does not take are null
 * @param body the exact body to send to CVSync2AsyncSubmitTask (may hold base64 image data: log
 *     {@link SubmitBody#redacted()} only)
 * @param warnings things worth telling the user that do not stop the request
 * @param estimatedCostCny the estimated price in CNY (unverified third-party figures)
 */
public record ValidatedRequest(
        ModeSpec mode, GenerationRequest request, SubmitBody body, List<String> warnings, double estimatedCostCny) {

    public ValidatedRequest {
        warnings = List.copyOf(warnings);
    }

    /**
     * This request with the body's base64 image data replaced by its length: what a command keeps
     * (for its questions, quotes and caps) while the job waits; the engine reads the images again
     * when it sends the job, so a batch of many image jobs does not hold every image in memory.
     */
    public ValidatedRequest withoutImageData() {
        return new ValidatedRequest(mode, request, body.redacted(), warnings, estimatedCostCny);
    }

    /** The API's frames value (24 · seconds + 1). */
    public int frames() {
        return body.frames();
    }

    /** The API's req_key for the mode (and resolution). */
    public String reqKey() {
        return body.reqKey();
    }

    /** The aspect ratio sent, or null when the image decides it. */
    public String aspectRatioSent() {
        return body.aspectRatio();
    }

    /** Never prints base64 image data. */
    @Override
    public String toString() {
        return "ValidatedRequest[mode=" + mode.name() + ", request=" + request + ", body=" + body.redacted()
                + ", warnings=" + warnings + ", estimatedCostCny=" + estimatedCostCny + "]";
    }
}
