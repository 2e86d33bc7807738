package dev.jimeng.preview;

import java.util.Map;

/** How a terminal can show a picture, detected from its environment and never guessed. */
public enum Graphics {
    /** Kitty's graphics protocol (kitty, and terminals that say they are kitty). */
    KITTY,
    /** iTerm2's inline images (iTerm2, WezTerm). */
    ITERM,
    /** Half blocks in 24-bit colour. */
    TRUECOLOR_BLOCKS,
    /** Half blocks in the 256-colour palette. */
    PALETTE_BLOCKS,
    /** No picture: output is not a terminal, or a terminal without colour. */
    NONE;

    /**
     * What a terminal with these variables shows. Inside tmux or screen the image protocols do not
     * reach the outer terminal, so half blocks are used there, whatever the outer terminal is.
     */
    public static Graphics detect(Map<String, String> env, boolean outputIsTerminal) {
        String term = value(env, "TERM");
        if (!outputIsTerminal || term.isEmpty() || term.equals("dumb")) {
            return NONE;
        }
        boolean multiplexed = !value(env, "TMUX").isEmpty() || term.startsWith("screen") || term.startsWith("tmux");
        if (!multiplexed) {
            String program = value(env, "TERM_PROGRAM");
            if (term.equals("xterm-kitty") || !value(env, "KITTY_WINDOW_ID").isEmpty()) {
                return KITTY;
            }
            if (program.equals("iTerm.app") || program.equals("WezTerm")) {
                return ITERM;
            }
        }
        String colours = value(env, "COLORTERM");
        return colours.equals("truecolor") || colours.equals("24bit") ? TRUECOLOR_BLOCKS : PALETTE_BLOCKS;
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null ? "" : v.strip();
    }
}
