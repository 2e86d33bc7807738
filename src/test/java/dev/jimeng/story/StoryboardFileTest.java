package dev.jimeng.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryboardFileTest {
    private static final Path FOLDER = Path.of("/stories").toAbsolutePath();
    private static final StoryboardFile.Defaults NONE = new StoryboardFile.Defaults(null, null, null);

    private static StoryboardFile.Read toml(String text, StoryboardFile.Defaults options) {
        return StoryboardFile.read(Path.of("s.toml"), text, FOLDER, options);
    }

    @Test
    void aShotsOwnKeyWinsOverTheOptionWhichWinsOverTheStorysDefault() {
        String text =
                """
                duration = 10
                seed = 1
                resolution = "1080p"

                [[shot]]
                prompt = "a"
                first = "0.png"
                last = "1.png"

                [[shot]]
                prompt = "b"
                last = "2.png"
                duration = 5
                mode = "i2v_first_tail_720p"
                """;

        StoryboardFile.Read read = toml(text, new StoryboardFile.Defaults(null, null, 9L));

        assertThat(read.problems()).isEmpty();
        Shot a = read.shots().get(0);
        Shot b = read.shots().get(1);
        assertThat(a)
                .isEqualTo(new Shot(
                        1,
                        "a",
                        FOLDER.resolve("0.png").toString(),
                        FOLDER.resolve("1.png").toString(),
                        "i2v_first_tail_1080p",
                        10,
                        9L));
        assertThat(b.first()).as("begins where shot 1 ends").isNull();
        assertThat(b.mode()).isEqualTo("i2v_first_tail_720p");
        assertThat(b.durationSeconds()).isEqualTo(5);
    }

    @Test
    void jsonLinesAreOneShotPerLineWithLineNumbersInProblems() {
        String text =
                """
                # the fox
                {"prompt": "a", "first": "0.png", "last": "1.png"}

                {"prompt": "b", "last": "2.png", "sed": 3}
                {"prompt": "c", "last": 4}
                {"prompt": "d", "last": "5.png",
                """;

        StoryboardFile.Read read = StoryboardFile.read(Path.of("s.jsonl"), text, FOLDER, NONE);

        assertThat(read.problems())
                .extracting(p -> p.where() + ": " + p.message())
                .containsExactly(
                        "line 4: unknown key 'sed' — did you mean 'seed'?",
                        "line 5: 'last' must be text in quotes, not 4",
                        "line 5: no 'last' keyframe: every shot ends on one, and the next shot begins with it",
                        "line 6: not valid JSON at column 33: expected } before the line ends; one shot per line");
    }

    @Test
    void theFirstShotNeedsAFirstFrameAndModesMustTakeTwoFrames() {
        StoryboardFile.Read read = toml(
                """
                [[shot]]
                prompt = "a"
                last = "1.png"
                mode = "i2v_first_tail_720"

                [[shot]]
                last = "2.png"
                resolution = "4k"
                """,
                NONE);

        assertThat(read.problems())
                .extracting(p -> p.where() + ": " + p.message())
                .containsExactly(
                        "shot 1: 'mode' 'i2v_first_tail_720' is not for shots: did you mean 'i2v_first_tail_720p'?",
                        "shot 1: no 'first' keyframe: the story begins with it (first = \"start.png\")",
                        "shot 2: 'resolution' '4k' is not one a shot is made in: \"1080p\" or \"720p\"");
    }

    @Test
    void brokenTomlAndAFileWithoutShotsAreOneProblemEach() {
        assertThat(toml("[[shot]\nprompt = 1", NONE).problems()).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("not valid TOML: "));
        assertThat(toml("duration = 5\n", NONE).problems()).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("no shots: add one [[shot]] table per shot"));
    }

    @Test
    void theFormatIsTheExtensionElseTheFirstLine() {
        assertThat(StoryboardFile.isJsonLines(Path.of("a.toml"), "{")).isFalse();
        assertThat(StoryboardFile.isJsonLines(Path.of("a.jsonl"), "x = 1")).isTrue();
        assertThat(StoryboardFile.isJsonLines(Path.of("story"), "# c\n\n{\"prompt\": \"a\"}"))
                .isTrue();
        assertThat(StoryboardFile.isJsonLines(Path.of("story"), "# c\n[[shot]]"))
                .isFalse();
    }

    @Test
    void sharedKeyframesMakeEveryShotAChainOfItsOwnAndContinueChainsAllButCuts() {
        List<Shot> shots = List.of(
                new Shot(1, "a", "/0.png", "/1.png", "m", 5, null),
                new Shot(2, "b", null, "/2.png", "m", 5, null),
                new Shot(3, "c", "/cut.png", "/3.png", "m", 5, null),
                new Shot(4, "d", null, "/4.png", "m", 5, null));
        Path folder = Path.of("/out");

        StoryPlan shared = new StoryPlan(shots, false);
        assertThat(shared.chains()).hasSize(4);
        assertThat(shared.firstFrame(shots.get(1), folder)).isEqualTo("/1.png");
        assertThat(shared.firstFrame(shots.get(2), folder)).isEqualTo("/cut.png");
        assertThat(shared.stoppedBy(shots.get(0))).isEmpty();

        StoryPlan continued = new StoryPlan(shots, true);
        assertThat(continued.chains()).containsExactly(shots.subList(0, 2), shots.subList(2, 4));
        assertThat(continued.firstFrame(shots.get(1), folder))
                .isEqualTo(folder.resolve("shot-02-first.jpg").toAbsolutePath().toString());
        assertThat(continued.stoppedBy(shots.get(2))).containsExactly(shots.get(3));
    }

    @Test
    void thePlaylistKeepsEachTitleOnOneLineAndShowsAGap() {
        Path folder = Path.of("/out").toAbsolutePath();
        String m3u = Playlist.m3u(
                folder,
                List.of(
                        new Playlist.Entry(1, folder.resolve("shot-01.mp4"), 5, "a fox\n#EXTINF:1,evil\nx.mp4"),
                        new Playlist.Entry(2, null, 0, "b")));

        assertThat(m3u)
                .isEqualTo("#EXTM3U\n#EXTINF:5,shot 1 · a fox #EXTINF:1,evil x.mp4\nshot-01.mp4\n"
                        + "# shot 2 has no video yet: b\n");
    }

    @Test
    void aStorysGroupIdIsTheSameForTheSameFileAndLooksLikeAnyGroupId() {
        String id = StoryKey.of(Path.of("/a/fox.toml"));
        assertThat(id).matches("[a-z2-7]{8}").isEqualTo(StoryKey.of(Path.of("/a/./fox.toml")));
        assertThat(StoryKey.of(Path.of("/b/fox.toml"))).isNotEqualTo(id);
    }
}
