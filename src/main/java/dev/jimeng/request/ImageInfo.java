package dev.jimeng.request;

/** Format and pixel size of an image, as read from its header. */
public record ImageInfo(Format format, int width, int height) {
    /** The formats the API accepts. */
    public enum Format {
        JPEG,
        PNG
    }

    public int shortSide() {
        return Math.min(width, height);
    }

    public int longSide() {
        return Math.max(width, height);
    }

    /** Width divided by height. */
    public double aspectRatio() {
        return (double) width / height;
    }
}
