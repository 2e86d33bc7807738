package dev.jimeng.cli.complete;

import dev.jimeng.config.Choice;
import dev.jimeng.config.Setting;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.mode.ModeSpec;
import java.util.List;

/** What kind of value an option or positional parameter takes, which decides what TAB offers. */
public enum ValueKind {
    /** A mode name from the capability table. */
    MODE,
    /** Seconds the mode in effect supports. */
    DURATION,
    /** Frame rates the mode in effect supports. */
    FPS,
    /** Ratios, only when the mode in effect takes one. */
    ASPECT_RATIO,
    /** Recamera template ids. */
    TEMPLATE,
    /** Recamera strengths. */
    STRENGTH,
    /** Directories and .png/.jpg/.jpeg files. */
    IMAGE_PATH,
    /** Directories and .mp4 files. */
    OUTPUT_PATH,
    /** Directories only. */
    DIRECTORY,
    /** Directories and the files a batch reads: .txt and .jsonl. */
    PROMPTS_FILE,
    /** Directories and storyboards: .toml and .jsonl. */
    STORYBOARD_FILE,
    /** Directories, .mp4 files and their .json sidecars. */
    VIDEO_OR_SIDECAR,
    /** Ids of known jobs, and directories and .mp4 files. */
    JOB_OR_VIDEO,
    /** Ids of known jobs, asked for at every TAB. */
    JOB_ID,
    /** Keys of the settings catalogue. */
    SETTING_KEY,
    /** Allowed values of the setting named by the positional before it. */
    SETTING_VALUE,
    /** Names of saved prompt templates. */
    PROMPT_TEMPLATE,
    /** {@code KEY=} for each variable of the prompt template named on the line. */
    TEMPLATE_VARIABLE,
    /** Names of image assets (as {@code @name} where an image goes, see {@link #IMAGE_PATH}). */
    ASSET;

    /**
     * The values this kind offers for the mode in effect ({@code null}: the values of every mode), with
     * their descriptions: the one list the shell's TAB and the login shells' scripts both offer. Empty for
     * kinds whose values come from the file system, the journal or the line (paths, job ids, setting
     * values).
     */
    public List<Choice> choices(ModeSpec mode) {
        return switch (this) {
            case MODE -> Setting.MODE.choices(mode);
            case DURATION -> Setting.DURATION.choices(mode);
            case FPS -> Setting.FPS.choices(mode);
            case ASPECT_RATIO -> {
                List<String> ratios = mode == null ? Capabilities.ASPECT_RATIOS : mode.aspectRatios();
                yield Setting.ASPECT_RATIO.choices(mode).stream()
                        .filter(c -> ratios.contains(c.value()))
                        .toList();
            }
            case TEMPLATE -> plain(Capabilities.CAMERA_TEMPLATES, cameraNote(mode, "camera move"));
            case STRENGTH -> plain(Capabilities.CAMERA_STRENGTHS, cameraNote(mode, "camera strength"));
            case SETTING_KEY ->
                java.util.Arrays.stream(Setting.values())
                        .map(s -> new Choice(s.key(), s.description()))
                        .toList();
            case IMAGE_PATH,
                    OUTPUT_PATH,
                    DIRECTORY,
                    PROMPTS_FILE,
                    STORYBOARD_FILE,
                    VIDEO_OR_SIDECAR,
                    JOB_OR_VIDEO,
                    JOB_ID,
                    SETTING_VALUE,
                    PROMPT_TEMPLATE,
                    TEMPLATE_VARIABLE,
                    ASSET -> List.of();
        };
    }

    /**
     * The file name endings (without the dot) of the files this kind offers beside folders: the one
     * list the shell's TAB and the completion scripts both read. Empty for kinds that offer no files.
     */
    public List<String> fileExtensions() {
        return switch (this) {
            case IMAGE_PATH -> List.of("png", "jpg", "jpeg");
            case OUTPUT_PATH, JOB_OR_VIDEO -> List.of("mp4");
            case PROMPTS_FILE -> List.of("txt", "jsonl");
            case STORYBOARD_FILE -> List.of("toml", "jsonl");
            case VIDEO_OR_SIDECAR -> List.of("mp4", "json");
            default -> List.of();
        };
    }

    private static List<Choice> plain(List<String> values, String description) {
        return values.stream().map(v -> new Choice(v, description)).toList();
    }

    private static String cameraNote(ModeSpec mode, String what) {
        return mode == null || mode.camera() ? what : what + " (recamera modes only)";
    }
}
