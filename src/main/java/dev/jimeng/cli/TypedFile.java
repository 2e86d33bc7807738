package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.config.JimengPaths;
import dev.jimeng.text.TerminalText;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one reading of a FILE argument: {@code ~} and relative paths as {@link JimengPaths#userPath} takes
 * them (the jimeng shell passes {@code ~} through, and its completion offers it), and one clear line
 * when there is no such file or it is a folder.
 */
final class TypedFile {
    private TypedFile() {}

    /**
     * The file {@code typed} names.
     *
     * @param what what the file is, first in the error ("batch file", "video")
     * @param fix what to give instead, after the colon
     * @throws UserError when it is not there, or is a folder
     */
    static Path existing(JimengPaths paths, String typed, String what, String fix) {
        Path path = paths.userPath(typed);
        if (Files.isRegularFile(path)) {
            return path;
        }
        String named = what + " " + TerminalText.safe(typed);
        throw new UserError(
                ExitCode.BAD_INPUT, named + (Files.isDirectory(path) ? " is a folder: " : " not found: ") + fix);
    }
}
