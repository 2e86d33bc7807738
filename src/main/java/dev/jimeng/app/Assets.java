package dev.jimeng.app;

import dev.jimeng.config.AssetFile;
import dev.jimeng.config.JimengPaths;
import dev.jimeng.config.SavedNames;
import dev.jimeng.request.ImageAliases;
import dev.jimeng.request.ImageFormatException;
import dev.jimeng.request.ImageInspector;
import dev.jimeng.text.Spelling;
import dev.jimeng.text.TerminalText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Image asset aliases ({@code jimeng asset add|list|rm}): {@code @hero} for a file named once. The
 * aliases are read from assets.toml at each use, so an {@code asset add} in the shell counts at once.
 */
public final class Assets implements ImageAliases {
    /** Bytes enough to read any JPEG's or PNG's size from its headers (EXIF segments come first). */
    private static final int HEADER_BYTES = 256 * 1024;

    private final AssetFile file;
    private final JimengPaths paths;

    Assets(AssetFile file, JimengPaths paths) {
        this.file = file;
        this.paths = paths;
    }

    @Override
    public Map<String, Path> all() {
        try {
            return file.read();
        } catch (IOException e) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    file.path() + " " + e.getMessage() + "; fix or remove it ('jimeng asset list' reads it)");
        }
    }

    /** The names, for completion: never throws (a broken file completes nothing). */
    public List<String> names() {
        try {
            return List.copyOf(file.read().keySet());
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * Points {@code name} at the image {@code typed} (a path as typed: relative to the working folder,
     * {@code ~/} for the home), after checking it is a JPEG or PNG.
     *
     * @return the absolute file
     */
    public Path add(String name, String typed) {
        SavedNames.check("asset", name);
        Path image = paths.userPath(typed);
        if (!Files.isRegularFile(image)) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "no file " + TerminalText.safe(image.toString()) + "; give the path of a JPEG or PNG image");
        }
        try (InputStream in = Files.newInputStream(image)) {
            ImageInspector.inspect(in.readNBytes(HEADER_BYTES));
        } catch (ImageFormatException e) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    TerminalText.safe(image.toString()) + " is " + e.getMessage()
                            + "; an asset is a JPEG or PNG image");
        } catch (IOException e) {
            throw new UserError(
                    ExitCode.BAD_INPUT, "cannot read " + TerminalText.safe(image.toString()) + ": " + e.getMessage());
        }
        try {
            file.put(name, image);
        } catch (IOException e) {
            throw new UserError(ExitCode.NO_ROOM, "could not save " + file.path() + ": " + e.getMessage());
        }
        return image;
    }

    /** Removes {@code name}, or a one-line error with the closest name. */
    public void remove(String name) {
        String bare = ImageAliases.bareName(name);
        try {
            if (!file.remove(bare)) {
                List<String> names = names();
                throw new UserError(
                        ExitCode.BAD_INPUT,
                        "no asset '" + TerminalText.safe(bare) + "'; "
                                + Spelling.closest(bare, names)
                                        .map(c -> "did you mean '" + c + "'? ")
                                        .orElse("")
                                + "'jimeng asset list' shows them");
            }
        } catch (IOException e) {
            throw new UserError(ExitCode.NO_ROOM, "could not change " + file.path() + ": " + e.getMessage());
        }
    }
}
