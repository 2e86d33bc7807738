package dev.jimeng.text;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * OSC 8 hyperlinks to local files, so that a saved video's path opens with a click where the terminal
 * can. The shown text never changes (users and tests copy it); only the invisible link is added. The
 * terminals are those that announce themselves and are known to take OSC 8; inside tmux or screen
 * the sequence may not reach the outer terminal (or shows as garbage in old versions), so there
 * only {@code JIMENG_HYPERLINKS=1} turns links on. {@code JIMENG_HYPERLINKS=0} turns them off.
 */
public final class Hyperlinks {
    private static final String OSC = "\u001b]8;;";
    private static final String ST = "\u001b\\";
    private static final List<String> PROGRAMS = List.of("iTerm.app", "WezTerm", "vscode", "ghostty");

    private Hyperlinks() {}

    /**
     * Whether the terminal these variables describe takes OSC 8 ({@code env} answers a variable's
     * value or null). Says nothing about whether output goes to it: see {@code ColorChoice.links}.
     */
    public static boolean terminalSupports(UnaryOperator<String> env) {
        String forced = value(env, "JIMENG_HYPERLINKS");
        if (forced.equals("1") || forced.equals("0")) {
            return forced.equals("1");
        }
        String term = value(env, "TERM");
        if (term.isEmpty() || term.equals("dumb")) {
            return false;
        }
        if (!value(env, "TMUX").isEmpty() || term.startsWith("screen") || term.startsWith("tmux")) {
            return false;
        }
        return PROGRAMS.contains(value(env, "TERM_PROGRAM"))
                || term.equals("xterm-kitty")
                || !value(env, "KITTY_WINDOW_ID").isEmpty()
                || !value(env, "WT_SESSION").isEmpty()
                || vteVersion(value(env, "VTE_VERSION")) >= 5000; // GNOME Terminal and other VTE ones, 0.50+
    }

    /** {@code text} (already safe to print) linked to {@code file}. */
    public static String file(Path file, String text) {
        return OSC + uri(file) + ST + text + OSC + ST;
    }

    /**
     * {@code file://HOST/path}, percent-encoded (so no control character of a file name gets into the
     * sequence); the host lets a terminal tell a file on this machine from one over ssh.
     */
    static String uri(Path file) {
        return "file://" + Host.NAME + file.toAbsolutePath().toUri().getRawPath();
    }

    private static int vteVersion(String v) {
        try {
            return v.isEmpty() ? 0 : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String value(UnaryOperator<String> env, String name) {
        String v = env.apply(name);
        return v == null ? "" : v.strip();
    }

    /** Looked up once, and only when a link is made. */
    private static final class Host {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                String name = InetAddress.getLocalHost().getHostName();
                return name.matches("[A-Za-z0-9.-]+") ? name : "";
            } catch (java.io.IOException e) {
                return ""; // file:///path: this machine
            }
        }
    }
}
