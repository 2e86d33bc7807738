package dev.jimeng.view;

import java.util.Locale;

/**
 * The one place money is put into words. Every price is an estimate (third-party per-second
 * figures from the capability table) and says so; jobs of the built-in sandbox cost nothing and
 * say "sandbox, not billed" wherever a price or a billing warning would stand.
 */
public final class Billing {
    public static final String SANDBOX = "sandbox, not billed";

    private Billing() {}

    /** "≈¥1.40 estimated", or the sandbox's words. */
    public static String cost(double cny, boolean sandbox) {
        return sandbox ? SANDBOX : amount(cny) + " estimated";
    }

    /** "≈¥1.40": an estimated amount where a row has no room for the word. */
    public static String amount(double cny) {
        return String.format(Locale.ROOT, "≈¥%.2f", cny);
    }

    /** The note of a billed re-submit: "billed again: ≈¥1.40 estimated for 5 s of t2v_720p". */
    public static String billedAgain(double cny, int seconds, String mode, boolean sandbox) {
        return sandbox
                ? SANDBOX
                : String.format(Locale.ROOT, "billed again: ≈¥%.2f estimated for %d s of %s", cny, seconds, mode);
    }

    /** After "at the server": whether the task is billed. */
    public static String atServer(boolean sandbox) {
        return sandbox ? "(" + SANDBOX + ")" : "(it is billed)";
    }
}
