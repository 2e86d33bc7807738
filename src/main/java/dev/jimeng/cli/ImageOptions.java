package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The first- and last-frame images: for generate, submit and the templates that carry them. */
public final class ImageOptions {
    @Option(
            names = {"-i", "--image"},
            paramLabel = "URL|FILE|@ASSET",
            description = "First-frame image: an http(s) URL, a local JPEG/PNG file or an @asset.")
    String image;

    @Option(
            names = "--tail-image",
            paramLabel = "URL|FILE|@ASSET",
            description = "Last-frame image for the first & last frame modes.")
    String tailImage;

    /** The images as typed, first frame first. */
    List<String> images() {
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
        return images;
    }
}
