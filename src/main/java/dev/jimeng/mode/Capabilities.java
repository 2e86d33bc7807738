package dev.jimeng.mode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of what the Jimeng Video 3.0 API accepts (see ../shared/api-reference.md). Values
 * marked unverified in the reference live here too, so a new fact changes one line.
 */
public final class Capabilities {
    public static final String DEFAULT_MODE = "t2v_720p";
    public static final int DEFAULT_DURATION = 5;
    public static final int DEFAULT_FPS = 24;
    public static final String DEFAULT_ASPECT_RATIO = "16:9";

    public static final List<String> ASPECT_RATIOS = List.of("16:9", "4:3", "1:1", "3:4", "9:16", "21:9");
    public static final List<String> CAMERA_TEMPLATES = List.of(
            "hitchcock_dolly_in",
            "hitchcock_dolly_out",
            "robo_arm",
            "dynamic_orbit",
            "central_orbit",
            "crane_push",
            "quick_pull_back",
            "counterclockwise_swivel",
            "clockwise_swivel",
            "handheld",
            "rapid_push_pull");
    public static final List<String> CAMERA_STRENGTHS = List.of("weak", "medium", "strong");

    /** Durations and fps the seed script offered; the API supports fewer (see the table below). */
    public static final List<Integer> SEED_DURATIONS = List.of(4, 5, 6, 8, 10);

    public static final List<Integer> SEED_FPS = List.of(24, 25, 30);

    /** The seed that asks for a random one; any other seed is 0 to {@link #SEED_MAX}. */
    public static final long RANDOM_SEED = -1;

    public static final long SEED_MAX = Integer.MAX_VALUE;

    /** The seeds the API takes, in words, for every message about a seed. */
    public static final String SEED_RANGE = "0 to " + SEED_MAX + ", or " + RANDOM_SEED + " for a random seed";

    /** The one seed rule ({@code --seed}, {@code set seed}, a batch line): -1, or 0 to {@link #SEED_MAX}. */
    public static boolean isValidSeed(long seed) {
        return seed == RANDOM_SEED || (seed >= 0 && seed <= SEED_MAX);
    }

    public static final int PROMPT_MAX_CHARS = 800;
    public static final int PROMPT_RECOMMENDED_CHARS = 400;
    public static final long IMAGE_MAX_BYTES = 4_700_000L;
    public static final int IMAGE_MIN_SIDE = 320;
    public static final int IMAGE_MAX_SIDE = 4096;
    public static final double IMAGE_MAX_RATIO = 3.0;

    /** How long a video_url stays valid, and how long a task id can be queried. */
    public static final java.time.Duration VIDEO_URL_LIFETIME = java.time.Duration.ofHours(1);

    public static final java.time.Duration TASK_LIFETIME = java.time.Duration.ofHours(12);

    /**
     * Bytes per second of video at the high end of what the server sends, per resolution tier
     * (unverified: its 720P H.264 runs about 0.3–0.6 MB/s, 1080P about 1–1.5 MB/s): about twice what
     * H.264 at these sizes usually takes, so the free-space check before a submit and the download's
     * size limit err on the safe side. An estimate, not a promise.
     */
    public static final Map<String, Long> VIDEO_BYTES_PER_SECOND =
            Map.of("720p", 1_000_000L, "1080p", 2_500_000L, "pro", 2_500_000L);

    private static final Map<Integer, Integer> FRAMES = orderedMap(5, 121, 10, 241);

    private static final List<Integer> FPS = List.of(24);

    private static final List<ModeSpec> MODES = List.of(
            new ModeSpec(
                    "ti2v_pro",
                    "jimeng_ti2v_v30_pro",
                    "pro",
                    "Text or first frame to video, Pro 1080P",
                    0,
                    1,
                    true,
                    ASPECT_RATIOS,
                    true,
                    FRAMES,
                    FPS,
                    false),
            textToVideo("t2v_1080p", "jimeng_t2v_v30_1080p", "1080p", "Text to video 1080P"),
            fromImages("i2v_first_1080p", "jimeng_i2v_first_v30_1080", "1080p", "First frame to video 1080P", 1, false),
            fromImages(
                    "i2v_first_tail_1080p",
                    "jimeng_i2v_first_tail_v30_1080",
                    "1080p",
                    "First and last frame to video 1080P",
                    2,
                    false),
            textToVideo("t2v_720p", "jimeng_t2v_v30", "720p", "Text to video 720P"),
            fromImages("i2v_first_720p", "jimeng_i2v_first_v30", "720p", "First frame to video 720P", 1, false),
            fromImages(
                    "i2v_first_tail_720p",
                    "jimeng_i2v_first_tail_v30",
                    "720p",
                    "First and last frame to video 720P",
                    2,
                    false),
            fromImages(
                    "i2v_recamera_720p",
                    "jimeng_i2v_recamera_v30",
                    "720p",
                    "First frame with a camera movement 720P",
                    1,
                    true));

    /** Pro output sizes, documented by the API. */
    private static final Map<String, int[]> SIZES_1080 = Map.of(
            "21:9", new int[] {2176, 928},
            "16:9", new int[] {1920, 1088},
            "4:3", new int[] {1664, 1248},
            "1:1", new int[] {1440, 1440},
            "3:4", new int[] {1248, 1664},
            "9:16", new int[] {1088, 1920});

    /** 720P sizes: unverified (16:9 is 1280×720; the others keep about as many pixels). */
    private static final Map<String, int[]> SIZES_720 = Map.of(
            "21:9", new int[] {1472, 640},
            "16:9", new int[] {1280, 720},
            "4:3", new int[] {1104, 832},
            "1:1", new int[] {960, 960},
            "3:4", new int[] {832, 1104},
            "9:16", new int[] {720, 1280});

    /** Output size per resolution tier; 1080P is assumed to match Pro (unverified). */
    private static final Map<String, Map<String, int[]>> OUTPUT_SIZES =
            Map.of("pro", SIZES_1080, "1080p", SIZES_1080, "720p", SIZES_720);

    private Capabilities() {}

    public static List<ModeSpec> modes() {
        return MODES;
    }

    public static List<String> modeNames() {
        return MODES.stream().map(ModeSpec::name).toList();
    }

    public static Optional<ModeSpec> mode(String name) {
        return MODES.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public static Optional<ModeSpec> modeByReqKey(String reqKey) {
        return MODES.stream().filter(m -> m.reqKey().equals(reqKey)).findFirst();
    }

    /** Width and height of the video the server makes for this mode and aspect ratio. */
    public static int[] outputSize(ModeSpec mode, String aspectRatio) {
        int[] size = OUTPUT_SIZES.get(mode.resolution()).get(aspectRatio == null ? DEFAULT_ASPECT_RATIO : aspectRatio);
        return size.clone();
    }

    /** Estimated price in CNY of one video of this mode and length, by the default price table. */
    public static double estimatedCost(ModeSpec mode, int seconds) {
        return Prices.DEFAULT.cost(mode, seconds);
    }

    /** The size one video of this mode and length is expected to have at most (see {@link #VIDEO_BYTES_PER_SECOND}). */
    public static long expectedVideoBytes(ModeSpec mode, int seconds) {
        return VIDEO_BYTES_PER_SECOND.get(mode.resolution()) * Math.max(1, seconds);
    }

    /** A text-to-video mode: no image, a prompt always, any of the aspect ratios. */
    private static ModeSpec textToVideo(String name, String reqKey, String resolution, String description) {
        return new ModeSpec(
                name, reqKey, resolution, description, 0, 0, false, ASPECT_RATIOS, false, FRAMES, FPS, false);
    }

    /**
     * A mode that starts from exactly {@code images} frames (the first, then the last): a prompt
     * always, and no aspect ratio (the server takes it from the image).
     */
    private static ModeSpec fromImages(
            String name, String reqKey, String resolution, String description, int images, boolean camera) {
        return new ModeSpec(
                name, reqKey, resolution, description, images, images, false, List.of(), false, FRAMES, FPS, camera);
    }

    private static Map<Integer, Integer> orderedMap(int k1, int v1, int k2, int v2) {
        Map<Integer, Integer> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return java.util.Collections.unmodifiableMap(m);
    }
}
