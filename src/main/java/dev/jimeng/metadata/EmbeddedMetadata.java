package dev.jimeng.metadata;

import dev.jimeng.mp4.FreeformTag;
import dev.jimeng.mp4.Mp4File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The sidecar's JSON inside the MP4 itself, as the freeform tag {@code dev.jimeng:jimeng} in
 * {@code moov/udta/meta/ilst} (ffprobe shows it as the format tag {@code jimeng}). Writing it keeps
 * every other box of the file as it was, the service's {@code AIGC} label included.
 */
public final class EmbeddedMetadata {
    static final FreeformTag TAG = new FreeformTag("dev.jimeng", "jimeng");

    private EmbeddedMetadata() {}

    /** Writes {@code json} into {@code video} (replacing an earlier copy), whole or not at all. */
    static void write(Path video, String json) throws IOException {
        Mp4File.rewriteMoov(video, moov -> TAG.put(moov, json));
    }

    /** The JSON inside {@code file}, or empty when it is no MP4 or holds none. */
    static Optional<String> read(Path file) {
        return Mp4File.moov(file).flatMap(TAG::get);
    }
}
