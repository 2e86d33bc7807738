package dev.jimeng.mode;

/**
 * The one table of estimated prices in CNY per second of video, by resolution tier (unverified
 * third-party figures; the settings {@code price-720p}, {@code price-1080p} and {@code price-pro}
 * edit it). Every cost jimeng shows or caps is an estimate from this table.
 */
public record Prices(double perSecond720p, double perSecond1080p, double perSecondPro) {
    public static final Prices DEFAULT = new Prices(0.28, 0.63, 1.00);

    public double perSecond(String resolution) {
        return switch (resolution) {
            case "1080p" -> perSecond1080p;
            case "pro" -> perSecondPro;
            default -> perSecond720p;
        };
    }

    /** The estimated price of one video of this mode and length. */
    public double cost(ModeSpec mode, int seconds) {
        return perSecond(mode.resolution()) * seconds;
    }
}
