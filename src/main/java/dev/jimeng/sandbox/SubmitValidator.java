package dev.jimeng.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.mode.ModeSpec;
import dev.jimeng.sandbox.BusinessError.BusinessException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Checks a CVSync2AsyncSubmitTask body the way the real service does, reading every limit from
 * {@link Capabilities}, and answers what it rejects with 50400 "Invalid Parameter" as the service
 * does: an {@code fps} field (the API has none: output is always 24 fps), {@code aspect_ratio} on a
 * mode the table gives no ratios (the image modes), and a seed other than -1 or 0 to 2^31−1. The
 * service ignores what is merely unused: aspect_ratio on {@code ti2v_pro} with an image (it picks the
 * nearest ratio itself) and template_id outside recamera.
 */
final class SubmitValidator {
    private SubmitValidator() {}

    static ValidSubmit validate(JsonNode body) throws BusinessException {
        if (body == null || !body.isObject()) {
            throw invalid("the body must be a JSON object");
        }
        String reqKey = text(body, "req_key");
        if (reqKey == null || reqKey.isBlank()) {
            throw invalid("req_key is required");
        }
        ModeSpec mode = Capabilities.modeByReqKey(reqKey).orElseThrow(() -> invalid("unknown req_key " + reqKey));

        int imageCount = imageCount(body, mode);
        String prompt = text(body, "prompt");
        if (prompt != null && prompt.codePointCount(0, prompt.length()) > Capabilities.PROMPT_MAX_CHARS) {
            throw invalid("prompt is longer than " + Capabilities.PROMPT_MAX_CHARS + " characters");
        }
        if (mode.requiresPrompt(imageCount) && (prompt == null || prompt.isBlank())) {
            throw invalid("prompt is required for " + reqKey + (imageCount > 0 ? "" : " without an image"));
        }

        int frames = 121;
        JsonNode framesNode = body.get("frames");
        if (framesNode != null && !framesNode.isNull()) {
            if (!framesNode.canConvertToInt() || !framesNode.isIntegralNumber()) {
                throw invalid("frames must be an integer");
            }
            frames = framesNode.intValue();
            if (!mode.framesBySeconds().containsValue(frames)) {
                throw invalid("frames must be one of " + mode.framesBySeconds().values() + " for " + reqKey);
            }
        }
        if (body.has("fps")) {
            throw invalid("fps is not a parameter: the output is always 24 fps; frames sets the length");
        }
        checkSeed(body.get("seed"));

        String aspectRatio = text(body, "aspect_ratio");
        if (aspectRatio != null && mode.aspectRatios().isEmpty()) {
            throw invalid("aspect_ratio is not a parameter of " + reqKey + ": the image sets the ratio");
        }
        if (aspectRatio != null && !mode.aspectRatios().contains(aspectRatio)) {
            throw invalid("aspect_ratio must be one of " + mode.aspectRatios());
        }
        if (!mode.takesAspectRatio(imageCount) || aspectRatio == null) {
            aspectRatio = Capabilities.DEFAULT_ASPECT_RATIO;
        }
        if (mode.camera()) {
            checkCamera(body);
        }
        int[] size = Capabilities.outputSize(mode, aspectRatio);
        return new ValidSubmit(
                mode, prompt == null ? "" : prompt, frames, imageCount, new VideoSpec(size[0], size[1], frames));
    }

    private static int imageCount(JsonNode body, ModeSpec mode) throws BusinessException {
        List<String> urls = strings(body, "image_urls");
        List<String> blobs = strings(body, "binary_data_base64");
        if (!urls.isEmpty() && !blobs.isEmpty()) {
            throw invalid("give exactly one of image_urls and binary_data_base64");
        }
        int count = Math.max(urls.size(), blobs.size());
        if (count < mode.minImages() || count > mode.maxImages()) {
            String wanted = mode.minImages() == mode.maxImages()
                    ? String.valueOf(mode.minImages())
                    : mode.minImages() + " to " + mode.maxImages();
            throw invalid(mode.reqKey() + " takes " + wanted + " image(s), got " + count);
        }
        for (String url : urls) {
            if (!(url.startsWith("http://") || url.startsWith("https://"))) {
                throw invalid("image_urls must be http or https URLs");
            }
        }
        for (String blob : blobs) {
            checkImage(blob);
        }
        return count;
    }

    private static void checkImage(String base64) throws BusinessException {
        byte[] data;
        try {
            data = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw invalid("binary_data_base64 holds something that is not base64");
        }
        if (data.length > Capabilities.IMAGE_MAX_BYTES) {
            throw invalid("an image is larger than " + Capabilities.IMAGE_MAX_BYTES + " bytes");
        }
        boolean png = data.length > 8 && (data[0] & 0xff) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G';
        boolean jpeg = data.length > 3 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8;
        if (!png && !jpeg) {
            throw invalid("images must be JPEG or PNG");
        }
    }

    /** -1 (random) or 0 to 2^31−1; absent or null means -1. */
    private static void checkSeed(JsonNode seed) throws BusinessException {
        if (seed == null || seed.isNull()) {
            return;
        }
        if (!seed.isIntegralNumber()) {
            throw invalid("seed must be an integer");
        }
        if (!seed.canConvertToLong()
                || (seed.longValue() != Capabilities.RANDOM_SEED
                        && (seed.longValue() < 0 || seed.longValue() > Capabilities.SEED_MAX))) {
            throw invalid("seed must be -1 (random) or 0 to " + Capabilities.SEED_MAX + ", got " + seed);
        }
    }

    private static void checkCamera(JsonNode body) throws BusinessException {
        String template = text(body, "template_id");
        if (template == null || !Capabilities.CAMERA_TEMPLATES.contains(template)) {
            throw invalid("template_id must be one of " + Capabilities.CAMERA_TEMPLATES);
        }
        String strength = text(body, "camera_strength");
        if (strength == null || !Capabilities.CAMERA_STRENGTHS.contains(strength)) {
            throw invalid("camera_strength must be one of " + Capabilities.CAMERA_STRENGTHS);
        }
    }

    private static String text(JsonNode body, String field) throws BusinessException {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(field + " must be a string");
        }
        return node.textValue();
    }

    private static List<String> strings(JsonNode body, String field) throws BusinessException {
        JsonNode node = body.get(field);
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            throw invalid(field + " must be an array of strings");
        }
        for (JsonNode item : node) {
            if (!item.isTextual() || item.textValue().isBlank()) {
                throw invalid(field + " must be an array of non-empty strings");
            }
            values.add(item.textValue());
        }
        return values;
    }

    private static BusinessException invalid(String detail) {
        return BusinessError.invalidParameter(detail).exception();
    }
}
