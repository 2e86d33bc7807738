package dev.jimeng.panel;

import dev.jimeng.preview.Frame;
import dev.jimeng.preview.FramePosition;
import dev.jimeng.preview.UndecodableVideoException;
import dev.jimeng.preview.VideoFrames;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * First frames of the details pane's videos, decoded off the drawing thread (JCodec takes a
 * moment for a 1080p frame) and kept: the pane shows nothing until a frame is ready, and nothing
 * for a video that cannot be decoded.
 */
final class Stills {
    /** A still is kept at this width; the pane scales it down to the room it has. */
    private static final int KEPT_WIDTH = 160;

    private final Map<Path, Optional<Frame>> frames = new ConcurrentHashMap<>();
    private final java.util.Set<Path> decoding = ConcurrentHashMap.newKeySet();
    /** A still became ready since the pane was last drawn. */
    private final java.util.concurrent.atomic.AtomicBoolean unseen = new java.util.concurrent.atomic.AtomicBoolean();

    /** The video's first frame when decoded; asks for it (once) otherwise. */
    Optional<Frame> frame(Path video) {
        unseen.set(false);
        Optional<Frame> known = frames.get(video);
        if (known != null) {
            return known;
        }
        if (frames.putIfAbsent(video, Optional.empty()) == null) {
            decoding.add(video);
            Thread.ofVirtual().name("jimeng-still").start(() -> {
                frames.put(video, decode(video));
                decoding.remove(video);
                unseen.set(true);
            });
        }
        return Optional.empty();
    }

    /** True while a still asked for is being decoded or is ready but not drawn yet. */
    boolean pending() {
        return !decoding.isEmpty() || unseen.get();
    }

    private static Optional<Frame> decode(Path video) {
        try {
            Frame frame = VideoFrames.grab(video, FramePosition.FIRST);
            int height = Math.max(1, frame.height() * KEPT_WIDTH / frame.width());
            return Optional.of(frame.width() > KEPT_WIDTH ? frame.scaled(KEPT_WIDTH, height) : frame);
        } catch (UndecodableVideoException e) {
            return Optional.empty(); // the pane's text still says where the file is
        }
    }
}
