package dev.jimeng.request;

import dev.jimeng.config.JimengPaths;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One input image as the user gave it: an http(s) URL the server fetches, or a local file sent as base64. */
sealed interface ImageSource {
    /** Something that starts like {@code scheme://} or {@code scheme:} for schemes that are never file names. */
    Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://.*|^(file|data|blob|ftp):.*", Pattern.DOTALL);

    /** The string as typed. */
    String raw();

    record Url(String raw) implements ImageSource {}

    record LocalFile(String raw, Path path) implements ImageSource {}

    /**
     * Classifies an image argument. Relative paths resolve against {@code workingDirectory}; a leading
     * {@code ~/} means the user's home directory (a shell does not expand it inside jimeng's own shell);
     * {@code @name} is the file of that asset alias (a file whose name starts with {@code @} is {@code ./@x}).
     */
    static ImageSource parse(String raw, int index, Path workingDirectory, ImageAliases aliases) {
        String option = RequestOptions.imageOption(index);
        String field = RequestOptions.imageField(index);
        if (raw == null || raw.isBlank()) {
            throw new InvalidRequestException(
                    field, option + " is empty; give an http(s) URL or a local JPEG/PNG file");
        }
        String text = raw.strip();
        if (ImageAliases.isAlias(text)) {
            return new LocalFile(text, aliases.resolve(text, option, field));
        }
        Matcher scheme = SCHEME.matcher(text);
        if (scheme.matches()) {
            String name = (scheme.group(1) != null ? scheme.group(1) : scheme.group(2)).toLowerCase(Locale.ROOT);
            if (!name.equals("http") && !name.equals("https")) {
                throw new InvalidRequestException(
                        field,
                        option + " " + text + " uses the " + name + ": scheme; the API fetches only http(s) URLs,"
                                + " so give an http(s) URL or a plain local file path");
            }
            return url(text, option, field);
        }
        try {
            Path path = JimengPaths.expand(text, JimengPaths.processUserHome(), workingDirectory);
            return new LocalFile(text, path);
        } catch (InvalidPathException e) {
            throw new InvalidRequestException(
                    field, option + " " + text + " is not a valid file path; give an http(s) URL or a file path");
        }
    }

    private static Url url(String text, String option, String field) {
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new InvalidRequestException(
                        field,
                        option + " " + text + " has no host name; give a full URL like https://example.com/a.png");
            }
            return new Url(text);
        } catch (java.net.URISyntaxException e) {
            throw new InvalidRequestException(
                    field,
                    option + " " + text + " is not a valid URL (" + e.getReason()
                            + "); percent-encode spaces and special characters");
        }
    }
}
