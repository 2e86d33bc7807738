package dev.jimeng.story;

/**
 * One shot of a storyboard, its story defaults already filled in.
 *
 * @param number 1 for the first shot, in the file's order
 * @param first its first frame (a resolved path or URL), or null: the frame it begins with comes
 *     from the shot before (that shot's last keyframe, or with {@code --continue} its video)
 * @param last its last frame (a resolved path or URL); null only when the file left it out (a problem)
 * @param mode a first-and-last-frame mode
 * @param seed null: random
 */
public record Shot(
        int number, String prompt, String first, String last, String mode, Integer durationSeconds, Long seed) {
    /** "shot 3" */
    public String label() {
        return "shot " + number;
    }
}
