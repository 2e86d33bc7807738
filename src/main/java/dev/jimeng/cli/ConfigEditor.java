package dev.jimeng.cli;

import dev.jimeng.app.Environment;
import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.config.JimengPaths;
import dev.jimeng.config.PrivateFiles;
import dev.jimeng.config.Settings;
import dev.jimeng.text.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code config edit}: the user edits a private copy of config.toml in {@code $VISUAL} or {@code
 * $EDITOR} (else {@code vi}); the copy replaces the file only when it has no problems. Otherwise the
 * problems are shown and, at a terminal, the editor opens again on the same copy; when the user says
 * no (or there is no terminal to ask at) config.toml is left as it was and the copy is kept for them.
 */
final class ConfigEditor {
    private final Environment env;
    private final Predicate<String> reopen;
    private final PrintWriter err;

    ConfigEditor(Environment env, Predicate<String> reopen, PrintWriter err) {
        this.env = env;
        this.reopen = reopen;
        this.err = err;
    }

    ExitCode edit() throws IOException, InterruptedException {
        JimengPaths paths = JimengPaths.resolve(env.variables(), env.userHome(), env.workingDirectory());
        Path file = paths.configFile();
        PrivateFiles.createDirectories(file.getParent());
        Path copy = Files.createTempFile(file.getParent(), ".config-edit-", ".toml");
        PrivateFiles.restrict(copy);
        if (Files.isRegularFile(file)) {
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        while (true) {
            runEditor(copy);
            List<String> problems = Settings.check(paths, copy);
            if (problems.isEmpty()) {
                try {
                    Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING);
                }
                Tell.line(err, "saved " + file);
                return ExitCode.OK;
            }
            problems.forEach(p -> Tell.line(err, p));
            err.flush();
            if (!reopen.test("jimeng: edit again to fix it? [y/N] ")) {
                throw new UserError(
                        ExitCode.BAD_INPUT,
                        TerminalText.safe(file.toString()) + " was not changed; your edit is kept in "
                                + TerminalText.safe(copy.toString()));
            }
        }
    }

    private void runEditor(Path copy) throws IOException, InterruptedException {
        String editor = env.get("VISUAL") != null ? env.get("VISUAL") : env.get("EDITOR");
        List<String> command = new ArrayList<>(List.of((editor == null ? "vi" : editor).split("\\s+")));
        command.add(copy.toString());
        Process p;
        try {
            p = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "could not start the editor '" + TerminalText.safe(command.getFirst())
                            + "': set EDITOR (or VISUAL) to one on PATH");
        }
        int status = p.waitFor();
        if (status != 0) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "the editor exited with status " + status + "; config.toml was not changed (your edit is in "
                            + TerminalText.safe(copy.toString()) + ")");
        }
    }
}
