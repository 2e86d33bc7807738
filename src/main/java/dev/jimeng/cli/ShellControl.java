package dev.jimeng.cli;

import org.jline.terminal.Terminal;

/** What shell-only commands (exit, clear, watch, generate in the background) ask of the shell. */
public interface ShellControl {
    void requestExit();

    void clearScreen();

    /** Asks a yes/no question through the shell's line reader (the shell owns the terminal's input). */
    boolean confirm(String question);

    Terminal terminal();

    /** True when a full-screen panel can run (a real, non-dumb terminal). */
    boolean capableTerminal();

    /** Count a job started from this shell in the status line and notices. */
    void trackJob(String id);

    /** Runs a full-screen view while notices and the status line wait. */
    void runFullScreen(Runnable panel);
}
