package dev.jimeng.cli;

import dev.jimeng.request.GenerationRequest;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How a video is made (mode, length, frame rate, shape, camera, seed): the options generate, submit
 * and batch share. In batch they are the defaults of every line.
 */
public final class VideoOptions {
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

    /** The request these options describe, with {@code prompt} and {@code images} (first frame first). */
    GenerationRequest request(String prompt, List<String> images) {
        return new GenerationRequest(mode, prompt, duration, fps, aspectRatio, images, seed, template, cameraStrength);
    }
}
