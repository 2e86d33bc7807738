package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.request.GenerationRequest;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
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

    @Mixin
    VideoOptions video;

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
        return new GenerationRequest(
                video.mode,
                prompt,
                video.duration,
                video.fps,
                video.aspectRatio,
                images,
                video.seed,
                video.template,
                video.cameraStrength);
    }
}
