package dev.jimeng.sandbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.codecs.h264.encode.RateControl;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.common.Codec;
import org.jcodec.common.MuxerTrack;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.muxer.MP4Muxer;

/**
 * Writes real H.264 MP4s with JCodec, fast enough for a sandbox: JCodec encodes about ten 720p
 * frames a second, so only a short loop of distinct frames is encoded, each as its own IDR frame,
 * and the muxer repeats that loop to the length asked for. Every frame being a key frame is what
 * makes repeating the same compressed bytes legal.
 */
final class Mp4Encoder {
    static final int FPS = 24;
    /** One quantiser for every macroblock: no re-encoding passes, and flat frames stay small. */
    private static final int QP = 28;

    private Mp4Encoder() {}

    /** The loop of distinct frames, each a self-contained Annex B IDR access unit with SPS/PPS. */
    static List<ByteBuffer> encodeLoop(int width, int height, int distinctFrames) {
        // frames are independent, so they are encoded in parallel, one encoder each
        return IntStream.range(0, distinctFrames)
                .parallel()
                .mapToObj(i -> encodeIdr(TestPattern.frame(width, height, i, distinctFrames)))
                .toList();
    }

    private static ByteBuffer encodeIdr(Picture picture) {
        H264Encoder encoder = new H264Encoder(new FixedQp(QP));
        ByteBuffer out = ByteBuffer.allocate(encoder.estimateBufferSize(picture));
        ByteBuffer encoded = encoder.encodeIDRFrame(picture, out);
        ByteBuffer copy = ByteBuffer.allocate(encoded.remaining());
        copy.put(encoded.duplicate()).flip();
        return copy.asReadOnlyBuffer();
    }

    /** Muxes {@code frames} frames at 24 fps, cycling through {@code loop}, into {@code target}. */
    static void mux(List<ByteBuffer> loop, int width, int height, int frames, Path target) throws IOException {
        try (SeekableByteChannel channel = NIOUtils.writableChannel(target.toFile())) {
            MP4Muxer muxer = MP4Muxer.createMP4MuxerToChannel(channel);
            MuxerTrack track = muxer.addVideoTrack(
                    Codec.H264, VideoCodecMeta.createSimpleVideoCodecMeta(new Size(width, height), ColorSpace.YUV420J));
            for (int i = 0; i < frames; i++) {
                // the muxer rewrites the buffer in place (strips SPS/PPS), so it gets a fresh copy
                ByteBuffer source = loop.get(i % loop.size()).duplicate();
                ByteBuffer data = ByteBuffer.allocate(source.remaining());
                data.put(source).flip();
                track.addFrame(Packet.createPacket(data, i, FPS, 1, i, Packet.FrameType.KEY, null));
            }
            muxer.finish();
        }
    }

    /** JCodec's default rate control re-encodes macroblocks to hit a size; a sandbox needs no target. */
    private record FixedQp(int qp) implements RateControl {
        @Override
        public int startPicture(Size size, int maxSize, SliceType sliceType) {
            return qp;
        }

        @Override
        public int initialQpDelta() {
            return 0;
        }

        @Override
        public int accept(int bits) {
            return 0;
        }
    }
}
