package dev.jimeng.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The JSON body of CVSync2AsyncSubmitTask, exactly as sent. Null fields are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmitBody(
        @JsonProperty("req_key") String reqKey,
        @JsonProperty("prompt") String prompt,
        @JsonProperty("image_urls") List<String> imageUrls,
        @JsonProperty("binary_data_base64") List<String> binaryDataBase64,
        @JsonProperty("seed") Long seed,
        @JsonProperty("frames") Integer frames,
        @JsonProperty("aspect_ratio") String aspectRatio,
        @JsonProperty("template_id") String templateId,
        @JsonProperty("camera_strength") String cameraStrength) {

    /** A copy safe to log or store: base64 image data replaced by its length (a copy of a copy is the same). */
    public SubmitBody redacted() {
        if (binaryDataBase64 == null) {
            return this;
        }
        List<String> lengths = binaryDataBase64.stream()
                .map(b -> b.startsWith("<") ? b : "<" + b.length() + " base64 chars>") // base64 has no '<'
                .toList();
        return new SubmitBody(
                reqKey, prompt, imageUrls, lengths, seed, frames, aspectRatio, templateId, cameraStrength);
    }

    /** Never shows base64 image data: it can be megabytes and is the user's private image. */
    @Override
    public String toString() {
        SubmitBody r = redacted();
        return "SubmitBody[reqKey=" + r.reqKey + ", prompt=" + r.prompt + ", imageUrls=" + r.imageUrls
                + ", binaryDataBase64=" + r.binaryDataBase64 + ", seed=" + r.seed + ", frames=" + r.frames
                + ", aspectRatio=" + r.aspectRatio + ", templateId=" + r.templateId + ", cameraStrength="
                + r.cameraStrength + "]";
    }
}
