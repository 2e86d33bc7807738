package dev.jimeng.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.app.App;
import dev.jimeng.app.Environment;
import dev.jimeng.cli.Cli;
import dev.jimeng.cli.JimengCommand;
import dev.jimeng.request.GenerationRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The shell's TAB on jimeng's real command tree with a real app: template names after {@code -t}, the
 * named template's variables after {@code --var}, {@code @assets} wherever an image goes, read from the
 * real templates.toml and assets.toml at each TAB.
 */
class ShellSavedNamesCompletionTest {
    @TempDir
    Path home;

    private App app;
    private Completer completer;
    private DumbTerminal terminal;
    private LineReader reader;

    @BeforeEach
    void setUp() throws IOException {
        Environment env = new Environment(
                Map.of("JIMENG_HOME", home.toString()),
                home,
                home,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()),
                false,
                false,
                false);
        app = App.create(env, true, false);
        JimengCommand root = new JimengCommand(r -> app, r -> 0);
        PrintWriter sink = new PrintWriter(new StringWriter());
        CommandLine commands = Cli.commandLine(root, sink, sink);
        completer = ShellCompletion.create(commands, app);
        terminal = new DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream());
        reader = LineReaderBuilder.builder().terminal(terminal).build();

        app.templates()
                .save(
                        "turn",
                        new GenerationRequest(
                                null, "{{who}} turns, {{mood=calm}}", null, null, null, null, null, null, null));
        app.templates()
                .save("ad", new GenerationRequest(null, "a {{product}}", null, null, null, null, null, null, null));
        Path png = home.resolve("hero.png");
        ImageIO.write(
                new java.awt.image.BufferedImage(400, 400, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png",
                png.toFile());
        app.assets().add("hero", png.toString());
        app.assets().add("helmet", png.toString());
    }

    @AfterEach
    void tearDown() throws IOException {
        terminal.close();
        app.close();
    }

    private List<Candidate> candidates(String line) {
        ParsedLine parsed = new DefaultParser().parse(line, line.length(), ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(reader, parsed, candidates);
        String typed = parsed.word().substring(0, parsed.wordCursor());
        return candidates.stream().filter(c -> c.value().startsWith(typed)).toList();
    }

    private List<String> offered(String line) {
        return candidates(line).stream().map(Candidate::value).toList();
    }

    @Test
    void templateNamesCompleteAfterDashT() {
        assertThat(offered("generate -t ")).containsExactlyInAnyOrder("ad", "turn");
        assertThat(offered("generate --prompt-template t")).containsExactly("turn");
        assertThat(offered("submit -t=")).containsExactlyInAnyOrder("-t=ad", "-t=turn");
        assertThat(candidates("generate -t tu").getFirst().descr()).isEqualTo("who mood=calm");
        assertThat(offered("template show ")).contains("ad", "turn");
        assertThat(offered("template rm a")).containsExactly("ad");
    }

    @Test
    void variablesOfTheNamedTemplateCompleteAfterVarWithoutASpace() {
        List<Candidate> vars = candidates("generate -t turn --var ");
        assertThat(vars).extracting(Candidate::value).containsExactly("who=", "mood=");
        assertThat(vars).allSatisfy(c -> assertThat(c.complete()).isFalse());
        assertThat(vars.get(1).descr()).isEqualTo("default: calm");
        assertThat(offered("generate -t turn --var who=she --var ")).containsExactly("mood=");
        assertThat(offered("generate -t turn --var who=")).isEmpty();
        assertThat(offered("generate --var ")).isEmpty(); // no template named yet
        assertThat(offered("generate -t nope --var ")).isEmpty();
    }

    @Test
    void assetsCompleteWhereAnImageGoesAndAfterAssetRm() throws IOException {
        assertThat(offered("generate -i @he")).containsExactly("@helmet", "@hero");
        assertThat(offered("generate --tail-image=@her")).containsExactly("--tail-image=@hero");
        assertThat(offered("template save x y -i @")).contains("@hero");
        assertThat(offered("generate -i ")).contains("@hero", "hero.png");
        assertThat(offered("generate -i h")).containsExactly("hero.png");
        assertThat(offered("asset rm ")).contains("helmet", "hero").doesNotContain("@hero");
        assertThat(offered("asset rm he")).containsExactly("helmet", "hero");
        assertThat(offered("show ")).doesNotContain("helmet"); // jobs' show keeps job ids
        Files.writeString(home.resolve("assets.toml"), "not toml [");
        assertThat(offered("generate -i @")).isEmpty(); // a broken file breaks nothing
    }
}
