package dev.jimeng.request;

import dev.jimeng.mode.Capabilities;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A local image file that passed the API's image limits (JPEG/PNG by magic bytes, size, sides, side
 * ratio), with its bytes ready to be base64-encoded. The limits come from {@link Capabilities}.
 */
record LocalImage(ImageSource.LocalFile source, byte[] bytes, ImageInfo info) {

    static LocalImage load(ImageSource.LocalFile source, int index) {
        String option = RequestOptions.imageOption(index);
        String field = RequestOptions.imageField(index);
        String named = option + " " + source.raw();
        Path path = source.path();
        if (!Files.exists(path)) {
            throw new InvalidRequestException(field, named + ": no such file; check the path or give an http(s) URL");
        }
        if (Files.isDirectory(path)) {
            throw new InvalidRequestException(field, named + " is a directory; give a JPEG or PNG file");
        }
        if (!Files.isReadable(path)) {
            throw new InvalidRequestException(
                    field, named + " cannot be read (permission denied); check its permissions");
        }
        byte[] bytes = read(path, field, named);
        ImageInfo info;
        try {
            info = ImageInspector.inspect(bytes);
        } catch (ImageFormatException e) {
            throw new InvalidRequestException(
                    field, named + ": " + e.getMessage() + "; the API takes JPEG or PNG images, so convert it");
        }
        checkDimensions(info, field, named);
        return new LocalImage(source, bytes, info);
    }

    private static byte[] read(Path path, String field, String named) {
        try {
            long size = Files.size(path); // checked before reading so a huge file is never loaded
            if (size > Capabilities.IMAGE_MAX_BYTES) {
                throw new InvalidRequestException(
                        field,
                        String.format(
                                Locale.ROOT,
                                "%s is %,d bytes; the API takes images up to %.1f MB (%,d bytes), so shrink or"
                                        + " recompress it",
                                named,
                                size,
                                Capabilities.IMAGE_MAX_BYTES / 1_000_000.0,
                                Capabilities.IMAGE_MAX_BYTES));
            }
            return Files.readAllBytes(path);
        } catch (AccessDeniedException e) {
            throw new InvalidRequestException(
                    field, named + " cannot be read (permission denied); check its permissions");
        } catch (IOException e) {
            throw new InvalidRequestException(
                    field, named + " cannot be read (" + e.getMessage() + "); check the file");
        }
    }

    private static void checkDimensions(ImageInfo info, String field, String named) {
        String size = named + " is " + info.width() + "×" + info.height();
        if (info.shortSide() < Capabilities.IMAGE_MIN_SIDE) {
            throw new InvalidRequestException(
                    field,
                    size + "; its shortest side must be at least " + Capabilities.IMAGE_MIN_SIDE
                            + " px, so use a larger image");
        }
        if (info.longSide() > Capabilities.IMAGE_MAX_SIDE) {
            throw new InvalidRequestException(
                    field,
                    size + "; its sides must be at most " + Capabilities.IMAGE_MAX_SIDE + " px, so scale it down");
        }
        double ratio = (double) info.longSide() / info.shortSide();
        if (ratio > Capabilities.IMAGE_MAX_RATIO) {
            throw new InvalidRequestException(
                    field,
                    String.format(
                            Locale.ROOT,
                            "%s (%.2f:1); its long side may be at most %s times its short side, so crop it",
                            size,
                            ratio,
                            trim(Capabilities.IMAGE_MAX_RATIO)));
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
