package dev.jimeng.app;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything jimeng takes from the process: variables, folders, streams and whether they are
 * terminals. Tests build one by hand; {@link #system()} reads the real process.
 */
public record Environment(
        Map<String, String> variables,
        Path workingDirectory,
        Path userHome,
        InputStream in,
        PrintStream out,
        PrintStream err,
        boolean stdinIsTerminal,
        boolean stdoutIsTerminal,
        boolean stderrIsTerminal) {

    public static Environment system() {
        return new Environment(
                System.getenv(),
                Path.of("").toAbsolutePath(),
                dev.jimeng.config.JimengPaths.processUserHome(),
                System.in,
                System.out,
                System.err,
                TerminalCheck.isTerminal(0),
                TerminalCheck.isTerminal(1),
                TerminalCheck.isTerminal(2));
    }

    public String get(String name) {
        String v = variables.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
