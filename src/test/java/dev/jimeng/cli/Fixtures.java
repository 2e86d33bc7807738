package dev.jimeng.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.json.Json;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/** Image files made with ImageIO, a free port nobody listens on, and ffprobe. */
final class Fixtures {
    private Fixtures() {}

    static Path png(Path dir, String name, int width, int height) {
        return image(dir, name, "png", width, height);
    }

    static Path jpeg(Path dir, String name, int width, int height) {
        return image(dir, name, "jpeg", width, height);
    }

    private static Path image(Path dir, String name, String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x3a7bd5));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        Path file = dir.resolve(name);
        try {
            if (!ImageIO.write(image, format, file.toFile())) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A port that was free a moment ago and is closed now: connecting to it is refused. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ffprobe's view of a video: streams[0] (codec, size, frame rate) and format.duration. */
    static JsonNode ffprobe(Path video) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        "ffprobe",
                        "-v",
                        "error",
                        "-show_entries",
                        "stream=codec_name,width,height,r_frame_rate",
                        "-show_entries",
                        "format=duration",
                        "-of",
                        "json",
                        video.toString())
                .redirectErrorStream(true)
                .start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("ffprobe failed on " + video + ": " + new String(output));
        }
        return Json.MAPPER.readTree(output);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
