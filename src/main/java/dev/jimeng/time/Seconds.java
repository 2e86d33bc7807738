package dev.jimeng.time;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * A number of seconds as people type and read it ({@code 5}, {@code 2.5}, {@code 0.25}): the one
 * reading of environment variables and settings given in seconds, and the one way to print one.
 */
public final class Seconds {
    private Seconds() {}

    /**
     * {@code text} (a decimal number, surrounding spaces allowed) as a duration, exact to the
     * nanosecond. Throws NumberFormatException for anything else, including a number too large for
     * a Duration of nanoseconds; the caller checks the range it accepts.
     */
    public static Duration parse(String text) {
        String number = text.strip();
        if (number.length() <= 9 && !number.isEmpty() && number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // whole seconds, as most values are: BigDecimal's class initialisation takes 10 ms of a start
            return Duration.ofSeconds(Long.parseLong(number));
        }
        BigDecimal seconds = new BigDecimal(number);
        try {
            return Duration.ofNanos(
                    seconds.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException e) {
            throw new NumberFormatException("too many seconds: " + text);
        }
    }

    /** {@code 5}, {@code 2.5}, {@code 0.25}: the duration in seconds, to the millisecond, no trailing zeros. */
    public static String format(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
