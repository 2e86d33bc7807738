package dev.jimeng.cli;

import dev.jimeng.request.GenerationRequest;
import picocli.CommandLine.Mixin;
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

    @Mixin
    ImageOptions images;

    /** The request as typed; null fields are filled from the session settings, then defaults. */
    public GenerationRequest toRequest() {
        return video.request(prompt, images.images());
    }
}
