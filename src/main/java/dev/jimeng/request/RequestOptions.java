package dev.jimeng.request;

/**
 * The command-line spellings of the request options, used in validation messages so a message names the
 * option the user can change. The CLI and shell should declare their options with these same names.
 */
public final class RequestOptions {
    public static final String MODE = "--mode";
    public static final String DURATION = "--duration";
    public static final String FPS = "--fps";
    public static final String ASPECT_RATIO = "--aspect-ratio";
    public static final String IMAGE = "--image";
    public static final String TAIL_IMAGE = "--tail-image";
    public static final String SEED = "--seed";
    public static final String TEMPLATE = "--template";
    public static final String CAMERA_STRENGTH = "--camera-strength";

    private RequestOptions() {}

    /** The option that gives the image at this position: first frame, then tail frame. */
    static String imageOption(int index) {
        return switch (index) {
            case 0 -> IMAGE;
            case 1 -> TAIL_IMAGE;
            default -> "image #" + (index + 1);
        };
    }

    /** The machine field name of the image at this position. */
    static String imageField(int index) {
        return switch (index) {
            case 0 -> InvalidRequestException.FIELD_IMAGE;
            case 1 -> InvalidRequestException.FIELD_TAIL_IMAGE;
            default -> InvalidRequestException.FIELD_IMAGES;
        };
    }
}
