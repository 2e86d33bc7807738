package dev.jimeng.request;

import dev.jimeng.text.Spelling;
import dev.jimeng.text.TerminalText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Image asset aliases: {@code @hero} stands for a file the user named once ({@code jimeng asset add hero
 * FILE}). The one place an {@code @name} becomes a file, for every caller that takes an image (generate,
 * batch, templates, storyboards, MCP): {@link ImageSource#parse} asks here, so each gets the same
 * resolution and the same errors. The journal keeps the file's path, not the alias, so a job re-runs with
 * the file it was made from even after the alias is pointed elsewhere.
 */
@FunctionalInterface
public interface ImageAliases {
    /** What marks an alias where an image goes. */
    String PREFIX = "@";

    /** No alias is known. */
    ImageAliases NONE = Map::of;

    /** Every alias (without {@code @}) and its absolute file, read afresh at each call. */
    Map<String, Path> all();

    /** True when {@code raw} is written as an alias ({@code @name}) rather than a path or URL. */
    static boolean isAlias(String raw) {
        return raw != null && raw.strip().startsWith(PREFIX);
    }

    /** An alias's name as typed to name it ({@code hero} or {@code @hero}), without the {@code @}. */
    static String bareName(String name) {
        return name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
    }

    /**
     * The file {@code raw} ({@code @name}) stands for.
     *
     * @throws InvalidRequestException when no alias has that name (with the closest one) or its file is gone
     */
    default Path resolve(String raw) {
        return resolve(raw, RequestOptions.IMAGE, InvalidRequestException.FIELD_IMAGE);
    }

    /** As {@link #resolve(String)}, naming {@code option} in the message and {@code field} in the error. */
    default Path resolve(String raw, String option, String field) {
        String name = raw.strip().substring(PREFIX.length());
        Map<String, Path> aliases = all();
        Path file = aliases.get(name);
        if (file == null) {
            List<String> names = aliases.keySet().stream().sorted().toList();
            String hint = Spelling.closest(name, names)
                    .map(c -> "did you mean @" + c + "? ")
                    .orElse("");
            throw new InvalidRequestException(
                    field,
                    option + " " + TerminalText.safe(raw.strip()) + " is no asset; " + hint
                            + (names.isEmpty()
                                    ? "add one with 'jimeng asset add NAME FILE'"
                                    : "'jimeng asset list' shows them"));
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidRequestException(
                    field,
                    option + " @" + name + " is " + TerminalText.safe(file.toString())
                            + ", which is gone; point it at a file again with 'jimeng asset add " + name
                            + " FILE'");
        }
        return file;
    }
}
