package dev.jimeng.request;

import static dev.jimeng.request.InvalidRequestException.FIELD_ASPECT_RATIO;
import static dev.jimeng.request.InvalidRequestException.FIELD_CAMERA_STRENGTH;
import static dev.jimeng.request.InvalidRequestException.FIELD_DURATION;
import static dev.jimeng.request.InvalidRequestException.FIELD_FPS;
import static dev.jimeng.request.InvalidRequestException.FIELD_IMAGES;
import static dev.jimeng.request.InvalidRequestException.FIELD_MODE;
import static dev.jimeng.request.InvalidRequestException.FIELD_PROMPT;
import static dev.jimeng.request.InvalidRequestException.FIELD_SEED;
import static dev.jimeng.request.InvalidRequestException.FIELD_TAIL_IMAGE;
import static dev.jimeng.request.InvalidRequestException.FIELD_TEMPLATE;

import dev.jimeng.api.SubmitBody;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.mode.ModeSpec;
import dev.jimeng.mode.Prices;
import dev.jimeng.text.Words;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Checks a {@link GenerationRequest} against the capability table before anything is sent, and builds the
 * exact submit body. Every mode fact (durations, fps, ratios, image counts, camera values, limits) is read
 * from {@link Capabilities} and {@link ModeSpec}. Pure apart from reading local image files.
 */
public final class RequestValidator {
    /**
     * First and tail frames count as the same aspect ratio within this relative difference: pixel sizes
     * are rounded, so 1920×1080 and 1280×721 should still match.
     */
    static final double SAME_RATIO_TOLERANCE = 0.01;

    private final java.util.function.Supplier<Prices> prices;
    private final Path workingDirectory;
    private final ImageAliases aliases;

    /** Relative image paths resolve against the process's current directory. */
    public RequestValidator() {
        this(Path.of("").toAbsolutePath());
    }

    /** Relative image paths resolve against {@code workingDirectory}. */
    public RequestValidator(Path workingDirectory) {
        this(workingDirectory, () -> Prices.DEFAULT);
    }

    /** As above, estimating costs with the price table {@code prices} gives at each validation. */
    public RequestValidator(Path workingDirectory, java.util.function.Supplier<Prices> prices) {
        this(workingDirectory, prices, ImageAliases.NONE);
    }

    /** As above, with {@code @name} images taken from {@code aliases}. */
    public RequestValidator(Path workingDirectory, java.util.function.Supplier<Prices> prices, ImageAliases aliases) {
        this.workingDirectory = workingDirectory.toAbsolutePath();
        this.prices = prices;
        this.aliases = aliases;
    }

    /**
     * An image as given, with a local path made absolute against {@code folder} (a batch file's folder,
     * say) instead of the working directory. URLs, {@code ~/} paths, absolute paths, {@code @aliases} and
     * anything {@link #validate} will refuse come back unchanged, so the validator still has the last word.
     */
    public static String resolveImage(String raw, Path folder) {
        if (raw == null || raw.isBlank() || ImageAliases.isAlias(raw)) {
            return raw;
        }
        try {
            return ImageSource.parse(raw, 0, folder.toAbsolutePath(), ImageAliases.NONE)
                            instanceof ImageSource.LocalFile file
                    ? file.path().toString()
                    : raw;
        } catch (InvalidRequestException e) {
            return raw;
        }
    }

    /**
     * @return what to send, with defaults filled in
     * @throws InvalidRequestException naming the first problem found and its fix
     */
    public ValidatedRequest validate(GenerationRequest request) {
        ModeSpec mode = mode(request.mode());
        List<ImageSource> images = IntStream.range(0, request.images().size())
                .mapToObj(i -> ImageSource.parse(request.images().get(i), i, workingDirectory, aliases))
                .toList();
        checkImageCount(mode, images.size());
        checkOneKindOfImage(images);
        String aspectRatio = aspectRatio(mode, images.size(), request.aspectRatio());
        int seconds = duration(mode, request.durationSeconds());
        int fps = fps(mode, request.fps());
        long seed = seed(request.seed());
        String template = cameraValue(
                mode, request.template(), RequestOptions.TEMPLATE, FIELD_TEMPLATE, Capabilities.CAMERA_TEMPLATES);
        String strength = cameraValue(
                mode,
                request.cameraStrength(),
                RequestOptions.CAMERA_STRENGTH,
                FIELD_CAMERA_STRENGTH,
                Capabilities.CAMERA_STRENGTHS);
        String prompt = prompt(mode, images.size(), request.prompt());
        List<LocalImage> files = loadLocalImages(images);
        checkSameAspectRatio(files);

        List<String> urls = images.stream()
                .filter(ImageSource.Url.class::isInstance)
                .map(ImageSource::raw)
                .toList();
        List<String> base64 = files.stream()
                .map(f -> Base64.getEncoder().encodeToString(f.bytes()))
                .toList();
        SubmitBody body = new SubmitBody(
                mode.reqKey(),
                prompt,
                urls.isEmpty() ? null : urls,
                base64.isEmpty() ? null : base64,
                seed,
                mode.framesBySeconds().get(seconds),
                aspectRatio,
                template,
                strength);
        List<String> finalImages = images.stream()
                .map(i -> i instanceof ImageSource.LocalFile f ? f.path().toString() : i.raw())
                .toList();
        GenerationRequest completed = new GenerationRequest(
                mode.name(),
                prompt,
                seconds,
                fps,
                aspectRatio,
                finalImages,
                seed,
                template,
                strength,
                request.promptTemplate());
        return new ValidatedRequest(
                mode,
                completed,
                body,
                warnings(mode, images.size(), prompt),
                prices.get().cost(mode, seconds));
    }

    private static ModeSpec mode(String given) {
        String name = given == null ? Capabilities.DEFAULT_MODE : given.strip().toLowerCase(Locale.ROOT);
        return Capabilities.mode(name)
                .orElseThrow(() -> new InvalidRequestException(
                        FIELD_MODE,
                        "unknown mode '" + given.strip() + "'; use " + RequestOptions.MODE + " with one of: "
                                + String.join(", ", Capabilities.modeNames())));
    }

    private static void checkImageCount(ModeSpec mode, int count) {
        if (count >= mode.minImages() && count <= mode.maxImages()) {
            return;
        }
        boolean tooMany = count > mode.maxImages();
        int firstWrong = tooMany ? mode.maxImages() : count;
        String fix = tooMany
                ? "remove " + imageOptions(mode.maxImages(), count) + otherModesTaking(mode, count)
                : "add " + imageOptions(count, mode.minImages()) + " (an http(s) URL or a local JPEG/PNG file)";
        throw new InvalidRequestException(
                RequestOptions.imageField(firstWrong),
                mode.name() + " " + imagesTaken(mode) + " but "
                        + (count == 0 ? "none was" : count == 1 ? "1 was" : count + " were") + " given; " + fix);
    }

    /** "takes exactly 1 image (--image)", "takes no image (text only)", … */
    private static String imagesTaken(ModeSpec mode) {
        if (mode.maxImages() == 0) {
            return "takes no image (text only)";
        }
        String count = mode.minImages() == mode.maxImages()
                ? "exactly " + mode.maxImages()
                : mode.minImages() + " or " + mode.maxImages();
        return "takes " + count + (mode.maxImages() == 1 ? " image (" : " images (") + imageOptions(0, mode.maxImages())
                + ")";
    }

    private static String imageOptions(int fromIndex, int toIndex) {
        return IntStream.range(fromIndex, toIndex)
                .mapToObj(RequestOptions::imageOption)
                .collect(Collectors.joining(" and "));
    }

    /** Modes that take this many images, the same resolution first. */
    private static String otherModesTaking(ModeSpec mode, int count) {
        List<ModeSpec> fitting = Capabilities.modes().stream()
                .filter(m -> m.minImages() <= count && count <= m.maxImages())
                .toList();
        List<ModeSpec> sameResolution = fitting.stream()
                .filter(m -> m.resolution().equals(mode.resolution()))
                .toList();
        List<ModeSpec> suggested = sameResolution.isEmpty() ? fitting : sameResolution;
        if (suggested.isEmpty()) {
            return "";
        }
        return ", or choose a mode that takes " + count + (count == 1 ? " image: " : " images: ")
                + suggested.stream().map(ModeSpec::name).collect(Collectors.joining(", "));
    }

    /** The API takes images as exactly one of image_urls or binary_data_base64, never both. */
    private static void checkOneKindOfImage(List<ImageSource> images) {
        long urls = images.stream().filter(ImageSource.Url.class::isInstance).count();
        if (urls > 0 && urls < images.size()) {
            throw new InvalidRequestException(
                    FIELD_IMAGES,
                    "one image is a URL and the other a local file, but the API takes either URLs or uploaded"
                            + " files in one request, not both; give both as URLs or both as local files");
        }
    }

    private static String aspectRatio(ModeSpec mode, int imageCount, String given) {
        if (!mode.takesAspectRatio(imageCount)) {
            if (given == null) {
                return null;
            }
            String why = mode.aspectRatios().isEmpty()
                    ? mode.name() + " takes its aspect ratio from the input image"
                    : "with an image, " + mode.name() + " derives the aspect ratio from the image (the server"
                            + " picks the nearest supported ratio and centre-crops)";
            throw new InvalidRequestException(
                    FIELD_ASPECT_RATIO, why + "; remove " + RequestOptions.ASPECT_RATIO + " (or crop the image)");
        }
        if (given == null) {
            return mode.aspectRatios().contains(Capabilities.DEFAULT_ASPECT_RATIO)
                    ? Capabilities.DEFAULT_ASPECT_RATIO
                    : mode.aspectRatios().getFirst();
        }
        String ratio = given.strip();
        if (!mode.aspectRatios().contains(ratio)) {
            throw new InvalidRequestException(
                    FIELD_ASPECT_RATIO,
                    RequestOptions.ASPECT_RATIO + " '" + ratio + "' is not supported by " + mode.name()
                            + "; use one of: " + String.join(", ", mode.aspectRatios()));
        }
        return ratio;
    }

    private static int duration(ModeSpec mode, Integer given) {
        List<Integer> supported = List.copyOf(mode.framesBySeconds().keySet());
        if (given == null) {
            return supported.contains(Capabilities.DEFAULT_DURATION)
                    ? Capabilities.DEFAULT_DURATION
                    : supported.getFirst();
        }
        if (!supported.contains(given)) {
            throw new InvalidRequestException(
                    FIELD_DURATION,
                    RequestOptions.DURATION + " " + given + " is not available: the Jimeng API makes "
                            + join(supported, " s", " or ") + " videos at " + join(mode.fps(), " fps", " or ")
                            + " in " + mode.name() + "; use "
                            + supported.stream()
                                    .map(s -> RequestOptions.DURATION + " " + s)
                                    .collect(Collectors.joining(" or ")));
        }
        return given;
    }

    private static int fps(ModeSpec mode, Integer given) {
        List<Integer> supported = mode.fps();
        if (given == null) {
            return supported.contains(Capabilities.DEFAULT_FPS) ? Capabilities.DEFAULT_FPS : supported.getFirst();
        }
        if (!supported.contains(given)) {
            String what = supported.size() == 1
                    ? "the API always renders " + supported.getFirst() + " fps (it has no frame-rate setting)"
                    : "the API renders " + mode.name() + " at " + join(supported, " fps", " or ");
            throw new InvalidRequestException(
                    FIELD_FPS,
                    RequestOptions.FPS + " " + given + " is not available: " + what + "; leave out "
                            + RequestOptions.FPS + " or use " + join(supported, "", " or "));
        }
        return given;
    }

    private static long seed(Long given) {
        if (given == null) {
            return -1;
        }
        if (!Capabilities.isValidSeed(given)) {
            throw new InvalidRequestException(
                    FIELD_SEED,
                    RequestOptions.SEED + " " + given + " is out of range: the API takes " + Capabilities.SEED_RANGE);
        }
        return given;
    }

    /** A camera template or strength: required and checked on camera modes, refused elsewhere. */
    private static String cameraValue(ModeSpec mode, String given, String option, String field, List<String> valid) {
        String value = given == null || given.isBlank() ? null : given.strip().toLowerCase(Locale.ROOT);
        if (!mode.camera()) {
            if (value == null) {
                return null;
            }
            String cameraModes = Capabilities.modes().stream()
                    .filter(ModeSpec::camera)
                    .map(ModeSpec::name)
                    .collect(Collectors.joining(", "));
            throw new InvalidRequestException(
                    field,
                    option + " applies only to camera-move modes (" + cameraModes + "), not " + mode.name()
                            + "; remove it or choose " + RequestOptions.MODE + " " + cameraModes);
        }
        if (value == null) {
            throw new InvalidRequestException(
                    field, mode.name() + " needs " + option + "; use one of: " + String.join(", ", valid));
        }
        if (!valid.contains(value)) {
            throw new InvalidRequestException(
                    field, "unknown " + option + " '" + given.strip() + "'; use one of: " + String.join(", ", valid));
        }
        return value;
    }

    private static String prompt(ModeSpec mode, int imageCount, String given) {
        String prompt = given == null || given.isBlank() ? null : given.strip();
        if (prompt == null) {
            if (!mode.requiresPrompt(imageCount)) {
                return null;
            }
            String fix = mode.requiresPrompt(1)
                    ? "describe the video in a prompt, e.g. \"a cat surfing at sunset\""
                    : "describe the video in a prompt, or add " + RequestOptions.IMAGE;
            throw new InvalidRequestException(FIELD_PROMPT, mode.name() + " needs a prompt; " + fix);
        }
        int length = prompt.codePointCount(0, prompt.length());
        if (length > Capabilities.PROMPT_MAX_CHARS) {
            throw new InvalidRequestException(
                    FIELD_PROMPT,
                    "the prompt is " + Words.count(length, "character") + " but the API takes at most "
                            + Capabilities.PROMPT_MAX_CHARS + "; shorten it by "
                            + Words.count(length - Capabilities.PROMPT_MAX_CHARS, "character"));
        }
        return prompt;
    }

    private List<LocalImage> loadLocalImages(List<ImageSource> images) {
        List<LocalImage> loaded = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            if (images.get(i) instanceof ImageSource.LocalFile file) {
                loaded.add(LocalImage.load(file, i));
            }
        }
        return loaded;
    }

    /** First and tail frames must share an aspect ratio. URLs cannot be checked without fetching them. */
    private static void checkSameAspectRatio(List<LocalImage> files) {
        if (files.size() < 2) {
            return;
        }
        ImageInfo first = files.get(0).info();
        ImageInfo tail = files.get(1).info();
        if (Math.abs(first.aspectRatio() / tail.aspectRatio() - 1) > SAME_RATIO_TOLERANCE) {
            throw new InvalidRequestException(
                    FIELD_TAIL_IMAGE,
                    String.format(
                            Locale.ROOT,
                            "%s is %d×%d (ratio %.2f) but %s is %d×%d (ratio %.2f); first and tail frames must have"
                                    + " the same aspect ratio, so crop one to match the other",
                            RequestOptions.IMAGE,
                            first.width(),
                            first.height(),
                            first.aspectRatio(),
                            RequestOptions.TAIL_IMAGE,
                            tail.width(),
                            tail.height(),
                            tail.aspectRatio()));
        }
    }

    private static List<String> warnings(ModeSpec mode, int imageCount, String prompt) {
        List<String> warnings = new ArrayList<>();
        if (prompt != null) {
            int length = prompt.codePointCount(0, prompt.length());
            if (length > Capabilities.PROMPT_RECOMMENDED_CHARS) {
                warnings.add("the prompt is " + Words.count(length, "character") + "; up to "
                        + Capabilities.PROMPT_RECOMMENDED_CHARS + " work best");
            }
        }
        if (imageCount > 0 && mode.aspectRatioOnlyWithoutImage()) {
            warnings.add(mode.name() + " takes the aspect ratio from the image: the server picks the nearest"
                    + " supported ratio and centre-crops");
        }
        return warnings;
    }

    private static String join(List<Integer> values, String unit, String separator) {
        return values.stream().map(v -> v + unit).collect(Collectors.joining(separator));
    }
}
