package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.sandbox.LoggedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Storyboards end to end against the sandbox: what each shot sent, what a failure stops, what a re-run reuses. */
class CliStoryTest {
    private static final Pattern GROUP = Pattern.compile("done \\(group (\\w{8})\\)");

    @RegisterExtension
    static final CliSandbox sandbox = CliSandbox.perClass();

    private Path k0;
    private Path k1;
    private Path k2;
    private Path k3;

    @BeforeEach
    void keyframesAndASandbox() throws Exception {
        sandbox.jimeng()
                .with("JIMENG_OUTPUT_DIR", sandbox.cwd().resolve("videos").toString());
        Files.createDirectories(sandbox.cwd().resolve("frames"));
        // four different pictures of one shape: the same ratio, different bytes
        k0 = Fixtures.png(sandbox.cwd().resolve("frames"), "k0.png", 640, 360);
        k1 = Fixtures.png(sandbox.cwd().resolve("frames"), "k1.png", 800, 450);
        k2 = Fixtures.png(sandbox.cwd().resolve("frames"), "k2.png", 960, 540);
        k3 = Fixtures.png(sandbox.cwd().resolve("frames"), "k3.png", 1120, 630);
    }

    private Path storyboard() throws Exception {
        return write(
                "fox.toml",
                """
                # the fox's morning
                duration = 5
                seed = 7

                [[shot]]
                prompt = "the fox wakes up"
                first = "frames/k0.png"
                last = "frames/k1.png"

                [[shot]]
                prompt = "the fox runs to the river"
                last = "frames/k2.png"

                [[shot]]
                prompt = "the fox drinks"
                last = "frames/k3.png"
                mode = "i2v_first_tail_1080p"
                """);
    }

    @Test
    void sharedKeyframesSendEachShotItsFirstAndLastFrameAndEndWithAPlaylistAndAReel() throws Exception {
        CliRun run = sandbox.jimeng().run("story", storyboard().toString(), "--yes");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(sandbox.server().submitCount() - sandbox.submitsBefore()).isEqualTo(3);
        List<LoggedRequest> bodies = sent();
        assertThat(bodies.stream().map(this::shotFrames))
                .containsExactlyInAnyOrder(
                        "the fox wakes up: " + hash(k0) + " → " + hash(k1),
                        "the fox runs to the river: " + hash(k1) + " → " + hash(k2),
                        "the fox drinks: " + hash(k2) + " → " + hash(k3));
        assertThat(bodies.stream()
                        .map(b -> b.body().path("req_key").asText() + "/"
                                + b.body().path("seed").asLong()))
                .containsExactlyInAnyOrder(
                        "jimeng_i2v_first_tail_v30/7",
                        "jimeng_i2v_first_tail_v30/7",
                        "jimeng_i2v_first_tail_v30_1080/7");
        assertThat(run.stderr()).contains("3 jobs: 2 × i2v_first_tail_720p 5 s, 1 × i2v_first_tail_1080p 5 s");

        Path folder = sandbox.cwd().resolve("videos/fox");
        assertThat(Files.readString(folder.resolve("fox.m3u")))
                .isEqualTo("#EXTM3U\n"
                        + "#EXTINF:5,shot 1 · the fox wakes up\nshot-01.mp4\n"
                        + "#EXTINF:5,shot 2 · the fox runs to the river\nshot-02.mp4\n"
                        + "#EXTINF:5,shot 3 · the fox drinks\nshot-03.mp4\n");
        for (String video : List.of("shot-01.mp4", "shot-02.mp4", "shot-03.mp4")) {
            assertThat(Fixtures.ffprobe(folder.resolve(video)).path("streams").size())
                    .as(video)
                    .isPositive();
        }
        String reel = Files.readString(folder.resolve("fox-reel.html"));
        assertThat(reel.split("<article class=\"card", -1)).hasSize(4);
        assertThat(reel.indexOf("the fox wakes up"))
                .isLessThan(reel.indexOf("the fox runs to the river"))
                .isLessThan(reel.indexOf("the fox drinks"));
        assertThat(run.stdout()).contains("reel: " + folder.resolve("fox-reel.html"));

        Matcher group = GROUP.matcher(run.stdout());
        assertThat(group.find()).as(run.stdout()).isTrue();
        CliRun sheet = sandbox.jimeng().run("gallery", "--group", group.group(1));
        assertThat(sheet.exitCode())
                .as("a story is a group: the gallery and pick know it")
                .isZero();
    }

    @Test
    void aSecondRunReusesEveryShotAndSendsNothing() throws Exception {
        Path board = storyboard();
        CliRun first = sandbox.jimeng().run("story", board.toString(), "--yes");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        int afterFirst = sandbox.server().submitCount();

        CliRun again = sandbox.jimeng().run("story", board.toString());

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(sandbox.server().submitCount()).isEqualTo(afterFirst);
        assertThat(again.stderr()).contains("shot 1: made earlier by job").contains("not sent again");
        assertThat(again.stderr()).doesNotContain("Send them?");
        assertThat(again.stdout()).contains("3 of 3 shots done");
    }

    @Test
    void everyMissingKeyframeIsNamedOnceWithTheShotThatNamesIt() throws Exception {
        Path board = write(
                "missing.toml",
                """
                [[shot]]
                prompt = "the fox wakes up"
                first = "gone/a.png"
                last = "gone/b.png"

                [[shot]]
                prompt = "the fox runs"
                last = "gone/c.png"

                [[shot]]
                prompt = "the fox drinks"
                last = "frames/k3.png"
                """);

        CliRun run = sandbox.jimeng().run("story", board.toString(), "--yes");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.stderr().lines().toList())
                .containsExactly(
                        "jimeng: " + board + " shot 1: 'first' " + sandbox.cwd().resolve("gone/a.png")
                                + ": no such file; check the path or give an http(s) URL",
                        "jimeng: " + board + " shot 1: 'last' " + sandbox.cwd().resolve("gone/b.png")
                                + ": no such file; check the path or give an http(s) URL",
                        "jimeng: " + board + " shot 2: 'last' " + sandbox.cwd().resolve("gone/c.png")
                                + ": no such file; check the path or give an http(s) URL",
                        "jimeng: nothing was sent: 3 problems in " + board + "; fix them and run again");
        assertThat(sent()).isEmpty();
    }

    @Test
    void aMistypedKeyAndAMissingKeyframeElsewhereAreToldInOneRun() throws Exception {
        Path board = write(
                "typo.jsonl",
                """
                {"prompt": "the fox wakes up", "first": "frames/k0.png", "last": "frames/k1.png", "sed": 7}

                {"prompt": "the fox runs", "last": "gone/c.png"}
                """);

        CliRun run = sandbox.jimeng().run("story", board.toString(), "--yes");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.stderr().lines().toList())
                .containsExactly(
                        "jimeng: " + board + " line 1: unknown key 'sed' — did you mean 'seed'?",
                        "jimeng: " + board + " line 3: 'last' " + sandbox.cwd().resolve("gone/c.png")
                                + ": no such file; check the path or give an http(s) URL",
                        "jimeng: nothing was sent: 2 problems in " + board + "; fix them and run again");
        assertThat(sent()).isEmpty();
    }

    @Test
    void withContinueAContinuedShotsMissingLastKeyframeIsNamedAsItsLast() throws Exception {
        Path board = write(
                "missing.toml",
                """
                [[shot]]
                prompt = "the fox wakes up"
                first = "frames/k0.png"
                last = "frames/k1.png"

                [[shot]]
                prompt = "the fox runs"
                last = "gone/c.png"
                """);

        CliRun run = sandbox.jimeng().run("story", board.toString(), "--continue", "--yes");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.stderr().lines().toList())
                .containsExactly(
                        "jimeng: " + board + " shot 2: 'last' " + sandbox.cwd().resolve("gone/c.png")
                                + ": no such file; check the path or give an http(s) URL (nothing was sent)");
        assertThat(sent()).isEmpty();
    }

    @Test
    void aShotStillAtTheServerOutsideTheGroupIsWaitedForNotSentAgain() throws Exception {
        // what a crash between journaling a shot's job and grouping it leaves: the job, in no group
        CliRun earlier = sandbox.jimeng()
                .run(
                        "submit",
                        "the fox wakes up",
                        "--mode",
                        "i2v_first_tail_720p",
                        "--image",
                        k0.toString(),
                        "--tail-image",
                        k1.toString(),
                        "--duration",
                        "5",
                        "--seed",
                        "7");
        assertThat(earlier.exitCode()).as(earlier.toString()).isZero();
        int afterSubmit = sandbox.server().submitCount();

        CliRun run = sandbox.jimeng().run("story", storyboard().toString(), "--yes");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(sandbox.server().submitCount() - afterSubmit)
                .as("shot 1 is the job already sent")
                .isEqualTo(2);
        assertThat(run.stderr()).containsPattern("shot 1: job \\w{8} is still [a-z_]+, waited for");
        assertThat(run.stderr()).contains("2 jobs: 1 × i2v_first_tail_720p 5 s, 1 × i2v_first_tail_1080p 5 s");
        assertThat(run.stdout()).contains("3 of 3 shots done");
    }

    @Test
    void aShotWhoseSubmitMayHaveReachedTheServerIsNeverSentAgain() throws Exception {
        Path board = storyboard();
        sandbox.server().faults().dropNextRequests(1); // shot 1's submit: sent, its answer lost

        CliRun lost = sandbox.jimeng().run("story", board.toString(), "--continue", "--yes");

        assertThat(lost.exitCode()).as(lost.toString()).isNotZero();
        assertThat(lost.stderr()).contains("shot 2, shot 3 not sent");
        int afterFirst = sandbox.server().submitCount();

        CliRun again = sandbox.jimeng().run("story", board.toString(), "--continue", "--yes");

        assertThat(again.exitCode()).isNotZero();
        assertThat(sandbox.server().submitCount())
                .as("nothing sent: shot 1 may be billed already")
                .isEqualTo(afterFirst);
        assertThat(again.stderr())
                .containsPattern("shot 1: job (\\w{8}) may have reached the server .* so it is not sent again;"
                        + " 'jimeng show \\1' tells more, 'jimeng retry \\1 --resubmit' sends it again")
                .contains("shot 2, shot 3 not sent");
    }

    @Test
    void aFailedShotIsTheOnlyOneARerunSends() throws Exception {
        Path board = storyboard();
        sandbox.server().faults().failNextSubmit(50412);

        CliRun run = sandbox.jimeng().run("story", board.toString(), "--yes");

        assertThat(run.exitCode()).as(run.toString()).isNotZero();
        int afterFirst = sandbox.server().submitCount();
        assertThat(run.stdout()).as(run.toString()).contains("2 of 3 shots done");
        String rerun = "jimeng story " + board;
        assertThat(run.stderr()).contains("run '" + rerun + "' to make them");
        assertThat(Files.readString(sandbox.cwd().resolve("videos/fox/fox.m3u")))
                .contains("has no video yet");

        CliRun again = sandbox.jimeng().run("story", board.toString(), "--yes");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(sandbox.server().submitCount() - sandbox.submitsBefore())
                .as("only the failed shot is sent again")
                .isEqualTo(4);
        assertThat(again.stdout()).contains("3 of 3 shots done");
    }

    @Test
    void continueChainsShotsOnTheLastFrameOfTheVideoBeforeAndAFailureStopsTheRest() throws Exception {
        Path board = storyboard();
        sandbox.server().faults().failNextSubmit(50412);

        CliRun failed = sandbox.jimeng().run("story", board.toString(), "--continue", "--yes");

        assertThat(failed.exitCode()).isNotZero();
        assertThat(sandbox.server().submitCount() - sandbox.submitsBefore())
                .as("shots 2 and 3 wait for shot 1")
                .isEqualTo(1);
        assertThat(failed.stderr()).contains("shot 2, shot 3 not sent").contains("best effort");
        assertThat(failed.stderr()).contains("run 'jimeng story " + board + " --continue' to make them");
        int before = sent().size();

        CliRun run = sandbox.jimeng().run("story", board.toString(), "--continue", "--yes");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<LoggedRequest> bodies = sent().subList(before, sent().size());
        assertThat(bodies).hasSize(3);
        Path folder = sandbox.cwd().resolve("videos/fox");
        Path frame2 = folder.resolve("shot-02-first.jpg");
        Path frame3 = folder.resolve("shot-03-first.jpg");
        assertThat(bodies.stream().map(this::shotFrames))
                .containsExactly(
                        "the fox wakes up: " + hash(k0) + " → " + hash(k1),
                        "the fox runs to the river: " + hash(frame2) + " → " + hash(k2),
                        "the fox drinks: " + hash(frame3) + " → " + hash(k3));
        java.awt.image.BufferedImage decoded = javax.imageio.ImageIO.read(frame2.toFile());
        java.awt.image.BufferedImage lastFrame =
                javax.imageio.ImageIO.read(frame3.toFile()); // both taken from the sandbox's videos
        assertThat(decoded.getWidth()).isGreaterThanOrEqualTo(320);
        assertThat(lastFrame.getHeight()).isGreaterThanOrEqualTo(320 * 9 / 16);
    }

    @Test
    void aBadStoryboardIsRefusedWholeAndNothingIsSent() throws Exception {
        Path board = write(
                "bad.toml",
                """
                duraton = 5

                [[shot]]
                prompt = "the fox wakes up"
                first = "frames/k0.png"
                last = "frames/missing.png"

                [[shot]]
                prompt = "the fox runs"
                ratio = "16:9"

                [[shot]]
                prompt = "the fox drinks"
                last = "frames/k3.png"
                mode = "t2v_720p"
                """);

        CliRun run = sandbox.jimeng().run("story", board.toString(), "--yes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(sandbox.server().submitCount()).isEqualTo(sandbox.submitsBefore());
        assertThat(run.stderr())
                .contains("the top: unknown key 'duraton' — did you mean 'duration'?")
                .contains("shot 1: 'last' " + sandbox.cwd().resolve("frames/missing.png") + ": no such file")
                .contains("shot 2: unknown key 'ratio': a shot takes its shape from its keyframes")
                .contains("shot 2: no 'last' keyframe")
                .contains("shot 3: 'mode' 't2v_720p' is not for shots");
        assertThat(run.stderrLines().getLast()).contains("nothing was sent: 5 problems in");

        Path missing = write(
                "missing.jsonl",
                """
                {"prompt": "the fox wakes up", "first": "frames/k0.png", "last": "frames/nowhere.png"}
                """);
        CliRun second = sandbox.jimeng().run("story", missing.toString(), "--yes");
        assertThat(second.onlyErrorLine())
                .as("a shot of a JSON Lines file is named by its line, as its other problems are")
                .contains("line 1:")
                .contains("nowhere.png")
                .contains("nothing was sent");
        assertThat(sandbox.server().submitCount()).isEqualTo(sandbox.submitsBefore());
    }

    @Test
    void aDryRunQuotesEveryShotAndSendsNothing() throws Exception {
        CliRun run = sandbox.jimeng().run("story", storyboard().toString(), "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("dry run: nothing was sent").contains("3 jobs, total ≈¥5.95 estimated");
        assertThat(run.stdout().lines().filter(l -> l.contains("MODE")))
                .as("the table numbers shots, not lines")
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("SHOT")
                .doesNotContain("LINE");
        assertThat(sandbox.server().submitCount()).isEqualTo(sandbox.submitsBefore());
    }

    /** "prompt: first-frame hash → last-frame hash" of one submit. */
    private String shotFrames(LoggedRequest submit) {
        List<String> hashes = submit.imageSha256();
        return submit.body().path("prompt").asText() + ": " + hashes.get(0) + " → " + hashes.get(1);
    }

    private static String hash(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, String text) throws Exception {
        Path file = sandbox.cwd().resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private List<LoggedRequest> sent() {
        List<LoggedRequest> all = CliSandbox.submits(sandbox.server());
        return all.subList(sandbox.submitsBefore(), all.size());
    }
}
