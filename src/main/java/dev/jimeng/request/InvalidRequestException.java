package dev.jimeng.request;

/**
 * A request that must not be sent. The message is one line naming the problem and the fix; {@link #field()}
 * is a short machine name of the offending input (one of the {@code FIELD_*} constants).
 */
public class InvalidRequestException extends RuntimeException {
    public static final String FIELD_MODE = "mode";
    public static final String FIELD_PROMPT = "prompt";
    public static final String FIELD_DURATION = "duration";
    public static final String FIELD_FPS = "fps";
    public static final String FIELD_ASPECT_RATIO = "aspect-ratio";
    public static final String FIELD_IMAGES = "images";
    public static final String FIELD_IMAGE = "image";
    public static final String FIELD_TAIL_IMAGE = "tail-image";
    public static final String FIELD_SEED = "seed";
    public static final String FIELD_TEMPLATE = "template";
    public static final String FIELD_CAMERA_STRENGTH = "camera-strength";

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
