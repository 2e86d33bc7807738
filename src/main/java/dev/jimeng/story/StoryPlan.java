package dev.jimeng.story;

import dev.jimeng.request.GenerationRequest;
import dev.jimeng.request.RequestOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a story's shots are made and in what order.
 *
 * <p>Shared keyframes (the default): a shot begins with its own {@code first} keyframe or else the
 * {@code last} keyframe of the shot before. Every frame is a file known before anything is sent, so
 * no shot waits for another's video: each is a chain of its own and they all run at once (under the
 * concurrency limit), and a failed shot stops nothing else.
 *
 * <p>{@code --continue}: a shot without its own {@code first} begins with the last decoded frame of
 * the video before it, so it cannot be sent until that video is there: a chain runs shot after shot,
 * and a failed shot stops the rest of its chain. A shot that gives {@code first} (a cut) starts a new
 * chain.
 */
public final class StoryPlan {
    private final List<Shot> shots;
    private final boolean continueFrames;

    public StoryPlan(List<Shot> shots, boolean continueFrames) {
        this.shots = List.copyOf(shots);
        this.continueFrames = continueFrames;
    }

    public List<Shot> shots() {
        return shots;
    }

    public boolean continueFrames() {
        return continueFrames;
    }

    /** True when the shot's first frame is taken from the video of the shot before. */
    public boolean waitsForPrevious(Shot shot) {
        return continueFrames && shot.first() == null && shot.number() > 1;
    }

    /**
     * The shot's first frame: its own keyframe, the last keyframe of the shot before, or (with
     * {@code --continue}) the file the frame taken from the video before is saved in, in {@code folder}.
     */
    public String firstFrame(Shot shot, Path folder) {
        if (shot.first() != null) {
            return shot.first();
        }
        if (waitsForPrevious(shot)) {
            return continuedFrame(folder, shot).toString();
        }
        return shots.get(shot.number() - 2).last();
    }

    /** Where the frame a continued shot begins with is saved: {@code shot-03-first.jpg}. */
    public static Path continuedFrame(Path folder, Shot shot) {
        return folder.resolve(String.format("shot-%02d-first.jpg", shot.number()))
                .toAbsolutePath();
    }

    /** The chains of shots that must run one after another; chains run side by side. */
    public List<List<Shot>> chains() {
        List<List<Shot>> chains = new ArrayList<>();
        for (Shot shot : shots) {
            if (chains.isEmpty() || !waitsForPrevious(shot)) {
                chains.add(new ArrayList<>());
            }
            chains.getLast().add(shot);
        }
        return chains.stream().map(List::copyOf).toList();
    }

    /** The shots after {@code failed} in its chain: what its failure stops. */
    public List<Shot> stoppedBy(Shot failed) {
        for (List<Shot> chain : chains()) {
            int at = chain.indexOf(failed);
            if (at >= 0) {
                return chain.subList(at + 1, chain.size());
            }
        }
        return List.of();
    }

    /** The job a shot is: a first-and-last-frame request beginning with {@code firstFrame}. */
    public static GenerationRequest request(Shot shot, String firstFrame) {
        List<String> images = new ArrayList<>();
        images.add(firstFrame);
        if (shot.last() != null) {
            images.add(shot.last());
        }
        return new GenerationRequest(
                shot.mode(), shot.prompt(), shot.durationSeconds(), null, null, images, shot.seed(), null, null);
    }

    /** The validator names command-line options; a storyboard's reader knows its keys. */
    public static String inStoryWords(String message) {
        String words = message;
        String[][] names = {
            {RequestOptions.TAIL_IMAGE, "'last'"},
            {RequestOptions.IMAGE, "'first'"},
            {RequestOptions.DURATION, "'duration'"},
            {RequestOptions.SEED, "'seed'"},
            {RequestOptions.MODE, "'mode'"}
        };
        for (String[] n : names) {
            words = words.replaceAll(Pattern.quote(n[0]) + "(?![\\w-])", Matcher.quoteReplacement(n[1]));
        }
        return words;
    }
}
