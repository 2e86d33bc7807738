package dev.jimeng.doctor;

import dev.jimeng.app.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the terminal can show, as far as the environment tells without asking it: colour, Unicode
 * width (a UTF-8 locale), the OSC sequences for links (8), notifications (9) and the clipboard (52)
 * by the terminals known to have them, and its size. When stdout is not a terminal, says so.
 */
final class TerminalCheck implements Check {
    private final Environment env;

    TerminalCheck(Environment env) {
        this.env = env;
    }

    @Override
    public List<Finding> run() {
        if (!env.stdoutIsTerminal()) {
            return List.of(Finding.ok("terminal", "not a terminal (output piped or redirected): plain text"));
        }
        String term = value("TERM");
        if (term.isEmpty() || term.equals("dumb")) {
            return List.of(Finding.warning(
                    "terminal",
                    "TERM is " + (term.isEmpty() ? "not set" : "dumb") + ": no colour, no panel, plain line editing",
                    "set TERM to your terminal's type (e.g. export TERM=xterm-256color)"));
        }
        List<String> has = new ArrayList<>();
        has.add(colour(term));
        boolean utf8 = utf8();
        has.add(utf8 ? "Unicode (UTF-8)" : "no UTF-8 locale");
        List<String> osc = osc(term);
        has.add(osc.isEmpty() ? "OSC 8/9/52 unknown" : "OSC " + String.join("/", osc));
        has.add(size());
        String summary = term + ": " + String.join(", ", has);
        if (!utf8) {
            return List.of(Finding.warning(
                    "terminal",
                    summary,
                    "use a UTF-8 locale (e.g. export LANG=C.UTF-8) so Chinese prompts and wide text line up"));
        }
        return List.of(Finding.ok("terminal", summary));
    }

    private String colour(String term) {
        if (!value("NO_COLOR").isEmpty()) {
            return "colour off (NO_COLOR)";
        }
        String colorterm = value("COLORTERM").toLowerCase(Locale.ROOT);
        if (colorterm.equals("truecolor") || colorterm.equals("24bit")) {
            return "24-bit colour";
        }
        return term.contains("256color") ? "256 colours" : "colour";
    }

    private boolean utf8() {
        for (String name : List.of("LC_ALL", "LC_CTYPE", "LANG")) {
            String v = value(name);
            if (!v.isEmpty()) {
                String l = v.toLowerCase(Locale.ROOT);
                return l.contains("utf-8") || l.contains("utf8");
            }
        }
        return false;
    }

    /** Terminals that announce themselves and are known to take these sequences. */
    private List<String> osc(String term) {
        List<String> osc = new ArrayList<>();
        if (dev.jimeng.text.Hyperlinks.terminalSupports(env::get)) {
            osc.add("8"); // saved files' paths are links then
        }
        String program = value("TERM_PROGRAM");
        boolean full = term.equals("xterm-kitty")
                || !value("WT_SESSION").isEmpty()
                || List.of("iTerm.app", "WezTerm", "vscode", "ghostty").contains(program);
        if (full) {
            osc.addAll(List.of("9", "52"));
        } else if (!value("TMUX").isEmpty()) {
            osc.add("52"); // tmux passes the clipboard on with set-clipboard on
        }
        return osc;
    }

    private String size() {
        String columns = value("COLUMNS");
        String lines = value("LINES");
        return columns.isEmpty() || lines.isEmpty() ? "size unknown" : columns + "×" + lines;
    }

    private String value(String name) {
        String v = env.get(name);
        return v == null ? "" : v;
    }
}
