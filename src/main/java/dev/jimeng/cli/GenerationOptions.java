package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.request.GenerationRequest;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The seed script's generation options, shared by generate, submit and batch. */
public final class GenerationOptions {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "PROMPT",
            description = "Text prompt (up to 800 characters; optional only for ti2v_pro with --image).")
    String prompt;

    @Option(
            names = {"-m", "--mode"},
            paramLabel = "MODE",
            description = "Generation mode (default: t2v_720p). Pro: ti2v_pro; 1080P: t2v_1080p, i2v_first_1080p,"
                    + " i2v_first_tail_1080p; 720P: t2v_720p, i2v_first_720p, i2v_first_tail_720p, i2v_recamera_720p.")
    String mode;

    @Option(
            names = {"-d", "--duration"},
            paramLabel = "SECS",
            description = "Video length in seconds: 5 or 10 (default: 5).")
    Integer duration;

    @Option(names = "--fps", paramLabel = "FPS", description = "Frames per second: the API renders 24.")
    Integer fps;

    @Option(
            names = {"-i", "--image"},
            paramLabel = "URL|FILE",
            description = "First-frame image: an http(s) URL or a local JPEG/PNG file.")
    String image;

    @Option(
            names = "--tail-image",
            paramLabel = "URL|FILE",
            description = "Last-frame image for the first & last frame modes.")
    String tailImage;

    @Option(
            names = {"-a", "--aspect-ratio"},
            paramLabel = "RATIO",
            description = "16:9 (default), 4:3, 1:1, 3:4, 9:16 or 21:9; text-to-video only.")
    String aspectRatio;

    @Option(names = "--template", paramLabel = "NAME", description = "Camera movement for i2v_recamera_720p.")
    String template;

    @Option(
            names = "--camera-strength",
            paramLabel = "LEVEL",
            description = "weak, medium or strong, for i2v_recamera_720p.")
    String cameraStrength;

    @Option(names = "--seed", paramLabel = "INT", description = "Random seed for reproducibility (-1: random).")
    Long seed;

    /** The request as typed; null fields are filled from the session settings, then defaults. */
    public GenerationRequest toRequest() {
        if (tailImage != null && image == null) {
            throw new UserError(
                    ExitCode.BAD_INPUT, "--tail-image needs --image too: give the first frame with --image FILE|URL");
        }
        List<String> images = new ArrayList<>();
        if (image != null) {
            images.add(image);
        }
        if (tailImage != null) {
            images.add(tailImage);
        }
        return new GenerationRequest(mode, prompt, duration, fps, aspectRatio, images, seed, template, cameraStrength);
    }
}
