package dev.jimeng.preview;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.ColorUtil;

/** One frame of an H.264 MP4, decoded in pure Java with JCodec (no ffmpeg needed). */
public final class VideoFrames {
    private VideoFrames() {}

    /**
     * The frame at {@code position} of {@code mp4}, in RGB. Any failure of the decoder (a codec it
     * lacks, a damaged file, a bug of its own) is one {@link UndecodableVideoException}, never garbage.
     */
    public static Frame grab(Path mp4, FramePosition position) throws UndecodableVideoException {
        if (!Files.isRegularFile(mp4)) {
            throw new UndecodableVideoException("no video file at " + mp4, null);
        }
        try (SeekableByteChannel channel = NIOUtils.readableChannel(mp4.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(channel);
            int frames = grab.getVideoTrack().getMeta().getTotalFrames();
            int index = position.index(frames);
            if (index > 0) {
                grab.seekToFramePrecise(index);
            }
            Picture picture = grab.getNativeFrame();
            if (picture == null) {
                throw new UndecodableVideoException("the video has no frame to show", null);
            }
            return toRgb(picture);
        } catch (IOException | JCodecException | RuntimeException e) {
            // JCodec reports unsupported streams with assorted runtime exceptions
            throw new UndecodableVideoException(
                    "JCodec cannot decode it (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    static Frame toRgb(Picture picture) {
        Picture rgb = picture;
        if (picture.getColor() != ColorSpace.RGB) {
            rgb = Picture.create(picture.getWidth(), picture.getHeight(), ColorSpace.RGB);
            ColorUtil.getTransform(picture.getColor(), ColorSpace.RGB).transform(picture, rgb);
        }
        int x0 = picture.getStartX();
        int y0 = picture.getStartY();
        int width = picture.getCroppedWidth();
        int height = picture.getCroppedHeight();
        byte[] data = rgb.getPlaneData(0);
        int stride = rgb.getWidth() * 3;
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y + y0) * stride + (x + x0) * 3;
                // jcodec stores 8-bit samples as signed bytes offset by 128
                pixels[y * width + x] = (data[i] + 128) << 16 | (data[i + 1] + 128) << 8 | (data[i + 2] + 128);
            }
        }
        return new Frame(width, height, pixels);
    }
}
