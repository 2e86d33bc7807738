package dev.jimeng.shell.complete;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.mode.Capabilities;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ShellCompleterTest {
    @TempDir
    Path dir;

    private final AtomicReference<String> sessionMode = new AtomicReference<>("t2v_720p");
    private final AtomicReference<List<JobIdCandidate>> jobs = new AtomicReference<>(List.of());
    private static final CommandLine TREE = TestCommands.tree(); // read-only for the completer
    private static Terminal terminal;
    private static LineReader reader;
    private ShellCompleter completer;

    @BeforeAll
    static void openTerminal() throws IOException {
        // the reader is only passed through; a dumb terminal over memory streams is enough
        terminal = new DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream());
        reader = LineReaderBuilder.builder().terminal(terminal).build();
    }

    @AfterAll
    static void closeTerminal() throws IOException {
        terminal.close();
    }

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(dir.resolve("cwd"));
        completer = new ShellCompleter(
                TREE, new CompletionSources(sessionMode::get, jobs::get, dir.resolve("home"), dir.resolve("cwd")));
    }

    /** All candidates the completer returns for the line with the cursor at its end. */
    private List<Candidate> candidates(String line) {
        ParsedLine parsed = new DefaultParser().parse(line, line.length(), ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(reader, parsed, candidates);
        return candidates;
    }

    /** The values JLine would offer: candidates that start with the word being typed. */
    private List<String> offered(String line) {
        ParsedLine parsed = new DefaultParser().parse(line, line.length(), ParseContext.COMPLETE);
        String typed = parsed.word().substring(0, parsed.wordCursor());
        return candidates(line).stream()
                .map(Candidate::value)
                .filter(v -> v.startsWith(typed))
                .toList();
    }

    private String descriptionOf(String line, String value) {
        return candidates(line).stream()
                .filter(c -> c.value().equals(value))
                .findFirst()
                .orElseThrow()
                .descr();
    }

    private static List<String> durationsOf(String mode) {
        return Capabilities.mode(mode).orElseThrow().framesBySeconds().keySet().stream()
                .map(String::valueOf)
                .toList();
    }

    // ---- commands -------------------------------------------------------------------------------

    @Test
    void theFirstWordOffersEveryVisibleCommandAndAliasWithItsDescription() {
        assertThat(offered(""))
                .containsExactlyInAnyOrder(
                        "generate",
                        "g",
                        "status",
                        "wait",
                        "download",
                        "show",
                        "retry",
                        "jobs",
                        "set",
                        "unset",
                        "settings",
                        "watch",
                        "batch",
                        "story",
                        "inspect",
                        "preview",
                        "exit");
        assertThat(descriptionOf("", "status")).isEqualTo("Show a job's state");
        assertThat(descriptionOf("", "g"))
                .isEqualTo("alias of generate: Make a video from a prompt and optional images");
    }

    @Test
    void aPartialFirstWordNarrowsTheCommands() {
        assertThat(offered("se")).containsExactlyInAnyOrder("set", "settings");
    }

    // ---- options --------------------------------------------------------------------------------

    @Test
    void doubleDashOffersTheLongOptionsOfTheCommandWithDescriptions() {
        assertThat(offered("generate --"))
                .containsExactlyInAnyOrder(
                        "--mode",
                        "--duration",
                        "--fps",
                        "--aspect-ratio",
                        "--image",
                        "--tail-image",
                        "--template",
                        "--camera-strength",
                        "--seed",
                        "--output",
                        "--dry-run",
                        "--wait",
                        "--help",
                        "--version");
        assertThat(descriptionOf("generate --", "--mode")).isEqualTo("generation mode");
        assertThat(descriptionOf("generate --", "--seed")).isEqualTo("random seed; -1 for a new one each time");
    }

    @Test
    void processWideOptionsAreNotOfferedInsideTheShell() {
        assertThat(offered("generate --")).doesNotContain("--sandbox", "--verbose");
        assertThat(offered("jobs -")).doesNotContain("--sandbox", "-v", "--verbose");
    }

    @Test
    void anOptionThatDoesNothingInTheShellIsOfferedOnlyWhereItMatters() {
        // generate returns at once in the shell and prints no result: --json counts for a dry run or --wait
        assertThat(offered("generate --")).doesNotContain("--json");
        assertThat(offered("generate --js")).isEmpty();
        assertThat(offered("g --dry-run --")).contains("--json");
        assertThat(offered("generate --wait --")).contains("--json");
        assertThat(offered("jobs --")).contains("--json"); // jobs prints its list in the shell too
    }

    @Test
    void aliasesCompleteLikeTheirCommand() {
        assertThat(offered("g --du")).containsExactly("--duration");
    }

    @Test
    void aSingleDashOffersShortNamesToo() {
        assertThat(offered("generate -")).contains("-m", "--mode", "-h", "--help");
    }

    @Test
    void optionsAlreadyUsedAreNotOfferedAgainExceptRepeatableOnes() {
        List<String> offered = offered("generate --mode t2v_720p --dry-run --json --image a.png --");

        assertThat(offered).doesNotContain("--mode", "--json").contains("--image", "--duration");
        assertThat(offered("generate -m t2v_720p --")).doesNotContain("--mode");
        assertThat(offered("generate --mode=t2v_720p --")).doesNotContain("--mode");
    }

    @Test
    void anEmptyWordAfterACommandOffersItsOptions() {
        assertThat(offered("download ID ")).contains("--output");
        assertThat(offered("generate ")).contains("--mode", "--image").doesNotContain("generate");
    }

    // ---- modes, durations, fps, aspect ratios ------------------------------------------------------

    @Test
    void modeOffersEveryModeWithItsSummaryInBothForms() {
        assertThat(offered("generate --mode ")).containsExactlyElementsOf(Capabilities.modeNames());
        assertThat(offered("generate --mode i2v_first_t"))
                .containsExactlyInAnyOrder("i2v_first_tail_1080p", "i2v_first_tail_720p");
        assertThat(offered("generate --mode=t2v")).containsExactlyInAnyOrder("--mode=t2v_1080p", "--mode=t2v_720p");
        assertThat(descriptionOf("generate --mode ", "i2v_recamera_720p"))
                .isEqualTo(Capabilities.mode("i2v_recamera_720p").orElseThrow().summary());
        assertThat(candidates("generate --mode=").get(0).displ()).doesNotStartWith("--mode=");
    }

    @Test
    void aShortOptionNameIsFollowedByItsValuesToo() {
        assertThat(offered("generate -m ")).containsExactlyElementsOf(Capabilities.modeNames());
    }

    @Test
    void durationsComeFromTheModeInEffect() {
        assertThat(offered("generate --duration ")).containsExactlyElementsOf(durationsOf("t2v_720p"));
        assertThat(offered("generate --mode ti2v_pro --duration ")).containsExactlyElementsOf(durationsOf("ti2v_pro"));
        assertThat(offered("generate --duration="))
                .allSatisfy(v -> assertThat(v).startsWith("--duration="));
        assertThat(descriptionOf("generate --duration ", "5")).contains("121 frames");
    }

    @Test
    void theLinesModeWinsOverTheSessionsModeAndAnUnknownModeFallsBackToAllModes() {
        sessionMode.set("i2v_first_720p");
        assertThat(offered("generate --aspect-ratio ")).isEmpty();
        assertThat(offered("generate --mode t2v_720p --aspect-ratio ")).isNotEmpty();
        assertThat(offered("generate --mode t2v_720p --fps ")).containsExactly("24");

        sessionMode.set("no_such_mode");
        assertThat(offered("generate --duration ")).containsExactlyInAnyOrder("5", "10");
        assertThat(offered("generate --mode typo --aspect-ratio "))
                .containsExactlyElementsOf(Capabilities.ASPECT_RATIOS);
        assertThat(offered("generate --mode=i2v_first_720p --duration "))
                .containsExactlyElementsOf(durationsOf("i2v_first_720p"));
    }

    @Test
    void aspectRatiosAreOfferedOnlyWhenTheModeInEffectTakesOne() {
        assertThat(offered("generate --aspect-ratio ")).containsExactlyElementsOf(Capabilities.ASPECT_RATIOS);
        assertThat(offered("generate --mode i2v_first_720p --aspect-ratio ")).isEmpty();
        assertThat(offered("generate --mode i2v_first_tail_1080p --aspect-ratio="))
                .isEmpty();

        sessionMode.set("i2v_recamera_720p");
        assertThat(offered("generate --aspect-ratio ")).isEmpty();
        assertThat(offered("generate --mode t2v_1080p --aspect-ratio 9")).containsExactly("9:16");
    }

    @Test
    void proTakesAnAspectRatioOnlyWithoutAnImage() {
        assertThat(offered("generate --mode ti2v_pro --aspect-ratio "))
                .containsExactlyElementsOf(Capabilities.ASPECT_RATIOS);
        assertThat(offered("generate --mode ti2v_pro --image a.png --aspect-ratio "))
                .isEmpty();
    }

    @Test
    void cameraTemplatesAndStrengthsAreOfferedAndMarkedOutsideRecamera() {
        assertThat(offered("generate --template ")).containsExactlyElementsOf(Capabilities.CAMERA_TEMPLATES);
        assertThat(offered("generate --camera-strength="))
                .containsExactly("--camera-strength=weak", "--camera-strength=medium", "--camera-strength=strong");
        assertThat(descriptionOf("generate --template ", "robo_arm")).contains("recamera modes only");
        assertThat(descriptionOf("generate --mode i2v_recamera_720p --template ", "robo_arm"))
                .isEqualTo("camera move");
    }

    @Test
    void enumOptionsOutsideTheTableFallBackToPicocliCandidates() {
        assertThat(offered("jobs --status ")).containsExactly("queued", "running", "done", "failed");
        assertThat(offered("jobs --status=d")).containsExactly("--status=done");
    }

    @Test
    void flagsAndFreeTextTakeNoValueCandidates() {
        assertThat(offered("generate --dry-run --json --")).doesNotContain("--json");
        assertThat(offered("generate --seed ")).isEmpty();
        assertThat(offered("generate a dog on the")).isEmpty();
    }

    // ---- paths ----------------------------------------------------------------------------------

    private void makeFiles(Path base) throws IOException {
        Files.createDirectories(base.resolve("shots/day one"));
        Files.createDirectories(base.resolve(".hidden"));
        for (String f : List.of("cat.png", "cow.JPG", "cub.jpeg", "notes.txt", "clip.mp4", ".secret.png")) {
            Files.writeString(base.resolve(f), "x");
        }
        Files.writeString(base.resolve("shots/sky.png"), "x");
    }

    @Test
    void imageOptionsOfferFoldersAndImagesOnly() throws IOException {
        makeFiles(dir.resolve("cwd"));

        assertThat(offered("generate --image ")).containsExactly("cat.png", "cow.JPG", "cub.jpeg", "shots/");
        assertThat(offered("generate --tail-image c")).containsExactly("cat.png", "cow.JPG", "cub.jpeg");
        assertThat(offered("generate --image shots/")).containsExactly("shots/day one/", "shots/sky.png");
        assertThat(offered("generate --image=shots/s")).containsExactly("--image=shots/sky.png");
    }

    @Test
    void foldersAreNotCompletedWithASpaceSoTheUserCanGoOn() throws IOException {
        makeFiles(dir.resolve("cwd"));

        Candidate folder = candidates("generate --image sh").stream()
                .filter(c -> c.value().equals("shots/"))
                .findFirst()
                .orElseThrow();
        Candidate file = candidates("generate --image ca").stream()
                .filter(c -> c.value().equals("cat.png"))
                .findFirst()
                .orElseThrow();
        assertThat(folder.complete()).isFalse();
        assertThat(file.complete()).isTrue();
    }

    @Test
    void hiddenEntriesAppearOnlyWhenTheNameStartsWithADot() throws IOException {
        makeFiles(dir.resolve("cwd"));

        assertThat(offered("generate --image ")).noneMatch(v -> v.startsWith("."));
        assertThat(offered("generate --image .")).containsExactly(".hidden/", ".secret.png");
    }

    @Test
    void tildeAndAbsolutePathsAreExpandedButKeptAsTyped() throws IOException {
        makeFiles(dir.resolve("home"));
        Path abs = dir.resolve("home").toAbsolutePath();

        assertThat(offered("generate --image ~")).containsExactly("~/");
        assertThat(offered("generate --image ~/c")).containsExactly("~/cat.png", "~/cow.JPG", "~/cub.jpeg");
        assertThat(offered("generate --image " + abs + "/sh")).containsExactly(abs + "/shots/");
        assertThat(offered("generate --image ../home/cat")).containsExactly("../home/cat.png");
    }

    @Test
    void escapedAndQuotedSpacesInPathsAreUnderstood() throws IOException {
        makeFiles(dir.resolve("cwd"));
        Files.writeString(dir.resolve("cwd/shots/day one/noon.png"), "x");

        assertThat(offered("generate --image shots/day\\ one/")).containsExactly("shots/day one/noon.png");
        assertThat(offered("generate --image \"shots/day one/n")).containsExactly("shots/day one/noon.png");
    }

    @Test
    void outputOffersFoldersAndMp4FilesAndMissingFoldersOfferNothing() throws IOException {
        makeFiles(dir.resolve("cwd"));

        assertThat(offered("generate --output ")).containsExactly("clip.mp4", "shots/");
        assertThat(offered("download 123 --output=c")).containsExactly("--output=clip.mp4");
        assertThat(offered("generate --output nowhere/")).isEmpty();
    }

    @Test
    void fileArgumentsOfferFoldersAndTheFilesTheyRead() throws IOException {
        makeFiles(dir.resolve("cwd"));
        for (String f : List.of("fox.toml", "jobs.jsonl", "clip.mp4.json")) {
            Files.writeString(dir.resolve("cwd").resolve(f), "x");
        }
        makeFiles(dir.resolve("home"));
        jobs.set(List.of(new JobIdCandidate("7f3a", "a dog running through sunflowers")));

        assertThat(offered("batch ")).containsExactly("jobs.jsonl", "notes.txt", "shots/");
        assertThat(offered("story ")).containsExactly("fox.toml", "jobs.jsonl", "shots/");
        assertThat(offered("inspect ")).containsExactly("clip.mp4", "clip.mp4.json", "shots/");
        assertThat(offered("inspect ~/c")).containsExactly("~/clip.mp4");
        assertThat(offered("preview ")).containsExactly("7f3a", "clip.mp4", "shots/");
    }

    // ---- job ids and settings --------------------------------------------------------------------

    @Test
    void jobIdsAreAskedForAtEveryTabWithThePromptAsDescription() {
        jobs.set(List.of(new JobIdCandidate("7f3a", "a dog running through sunflowers")));
        assertThat(offered("status ")).contains("7f3a");
        assertThat(descriptionOf("status ", "7f3a")).isEqualTo("a dog running through sunflowers");

        jobs.set(List.of(new JobIdCandidate("7f3a", "dog"), new JobIdCandidate("9c01", "cat")));
        for (String command : List.of("status", "wait", "download", "show", "retry")) {
            assertThat(offered(command + " ")).as(command).contains("7f3a", "9c01");
        }
        assertThat(offered("show 9")).containsExactly("9c01");
    }

    @Test
    void onlyTheFirstPositionalIsAJobIdExceptForWaitWhichTakesManyWithoutRepeats() {
        jobs.set(List.of(new JobIdCandidate("a1", "x"), new JobIdCandidate("b2", "y"), new JobIdCandidate("c3", "z")));

        assertThat(offered("status a1 ")).doesNotContain("a1", "b2", "c3");
        assertThat(offered("wait a1 ")).contains("b2", "c3").doesNotContain("a1");
        assertThat(offered("download a1 --output x.mp4 ")).doesNotContain("b2");
    }

    @Test
    void longPromptsAreShortenedToOneLine() {
        jobs.set(List.of(new JobIdCandidate("id1", "line one\nline two " + "x".repeat(100))));

        String d = descriptionOf("status ", "id1");
        assertThat(d).doesNotContain("\n").hasSizeLessThanOrEqualTo(60).endsWith("…");
    }

    @Test
    void aFailingJobSourceOffersNothingInsteadOfBreakingTheLine() {
        jobs.set(null);
        ShellCompleter c = new ShellCompleter(
                TREE,
                new CompletionSources(
                        sessionMode::get,
                        () -> {
                            throw new IllegalStateException("store closed");
                        },
                        dir,
                        dir));
        completer = c;

        assertThat(offered("status ")).doesNotContain("store closed").allMatch(v -> v.startsWith("-"));
    }

    @Test
    void setOffersSettingKeysThenTheAllowedValuesOfThatKey() throws IOException {
        assertThat(offered("set "))
                .contains(
                        "mode",
                        "duration",
                        "fps",
                        "aspect-ratio",
                        "output-dir",
                        "seed",
                        "concurrency",
                        "poll-interval",
                        "notify");
        assertThat(offered("unset con")).containsExactly("concurrency");
        assertThat(offered("set notify ")).containsExactly("none", "bell", "osc9", "osc777");
        assertThat(offered("set mode i2v_first_7")).containsExactly("i2v_first_720p");
        assertThat(offered("set duration ")).containsExactlyElementsOf(durationsOf("t2v_720p"));
        assertThat(offered("set nonsense ")).isEmpty();

        Files.createDirectories(dir.resolve("cwd/out"));
        Files.writeString(dir.resolve("cwd/o.mp4"), "x");
        assertThat(offered("set output-dir o")).containsExactly("out/");
    }

    @Test
    void aNegativeSettingValueIsAValueNotAnOption() {
        assertThat(offered("set seed -")).containsExactly("-1");
    }

    @Test
    void helpIsNotConfusedWithHiddenCommands() {
        assertThat(offered("d")).containsExactly("download");
    }

    // ---- how JLine shows the candidates ------------------------------------------------------------

    /** The values in the order JLine lists them: it sorts candidates by their natural order. */
    private List<String> listed(String line) {
        List<Candidate> sorted = new ArrayList<>(candidates(line));
        Collections.sort(sorted);
        return sorted.stream().map(Candidate::value).toList();
    }

    @Test
    void descriptionsHaveNoParenthesesOfTheirOwnSinceJLineWrapsThemInAPair() {
        String shown = "(" + descriptionOf("generate --duration ", "10") + ")";

        assertThat(shown).isEqualTo("(seconds, 241 frames)");
        assertThat(candidates("set poll-interval "))
                .extracting(Candidate::descr)
                .doesNotContain("seconds (default)");
        assertThat(descriptionOf("generate --template ", "robo_arm")).doesNotContain("(", ")");
        assertThat(descriptionOf("generate --", "--image")).doesNotContain("(", ")");
    }

    @Test
    void numbersAreListedInNumericOrder() {
        assertThat(listed("set concurrency ")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(listed("set poll-interval ")).containsExactly("2", "5", "10");
        assertThat(listed("generate --mode ti2v_pro --duration ")).containsExactlyElementsOf(durationsOf("ti2v_pro"));
        assertThat(listed("set seed -")).containsExactly("-1");
    }

    @Test
    void helpOffersTheCommandsWithoutPicocliFormatMarkers() {
        CommandLine tree = TestCommands.tree();
        tree.addSubcommand("help", new CommandLine.HelpCommand());
        completer = new ShellCompleter(
                tree, new CompletionSources(sessionMode::get, jobs::get, dir.resolve("home"), dir.resolve("cwd")));

        assertThat(candidates("help ")).extracting(Candidate::value).contains("status", "help");
        assertThat(candidates("help ")).extracting(Candidate::descr).noneMatch(d -> d != null && d.contains("%n"));
        assertThat(candidates("")).extracting(Candidate::descr).noneMatch(d -> d != null && d.contains("%n"));
    }

    @Test
    void everyJobWhoseIdStartsWithWhatIsTypedIsOfferedHoweverOld() {
        List<JobIdCandidate> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) many.add(new JobIdCandidate(String.format("%04x", 0xa000 + i), "job " + i));
        jobs.set(many);

        assertThat(offered("status a0c7")).containsExactly("a0c7");
        assertThat(candidates("status a00"))
                .extracting(Candidate::value)
                .hasSize(16)
                .allMatch(v -> v.startsWith("a00"));
        assertThat(offered("wait ")).hasSize(200);
    }
}
