package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.api.ErrorCatalog;
import dev.jimeng.app.ExitCode;
import dev.jimeng.config.Setting;
import dev.jimeng.mode.Capabilities;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code jimeng help TOPIC} is written from jimeng's tables; every command's --help ends with examples that parse. */
class CliHelpTest {
    @TempDir
    Path dir;

    private CliRun help(String... args) {
        return CliHarness.bare(dir, dir.resolve("home")).run(args);
    }

    @Test
    void topicsListEveryEntryOfTheirTable() {
        String modes = help("help", "modes").stdout();
        Capabilities.modeNames().forEach(m -> assertThat(modes).contains(m));
        String settings = help("help", "settings").stdout();
        Setting.keys().forEach(k -> assertThat(settings).contains(k));
        String codes = help("help", "exit-codes").stdout();
        Arrays.stream(ExitCode.values()).forEach(c -> assertThat(codes).containsPattern("(?m)^" + c.code() + " "));
        String errors = help("help", "errors").stdout();
        ErrorCatalog.all().forEach(e -> assertThat(errors).contains(e.code()).contains(e.hint()));
        assertThat(help("help", "money").stdout()).contains("¥0.28/s").contains("sandbox, not billed");
        assertThat(help("help", "seed").stdout()).contains("4/5/6/8/10 s").contains("24/25/30");
    }

    @Test
    void readmesErrorTableSaysWhatTheCatalogueSays() throws Exception {
        String readme = java.nio.file.Files.readString(Path.of("README.md"));
        ErrorCatalog.all().forEach(e -> assertThat(readme)
                .as("README row of %s", e.code())
                .contains("| `" + e.code() + "`" + (e.gateway() ? " (gateway " + e.gatewayNumber() + ")" : "") + " | "
                        + e.httpStatus() + " | "
                        + ExitCode.of(e.category()).code() + " | " + e.meaning() + " | " + e.hint() + " |"));
    }

    @Test
    void helpAloneListsTheTopicsAndACommandGivesItsUsage() {
        assertThat(help("help").stdout()).contains("Topics (help TOPIC):").contains("exit-codes");
        assertThat(help("help", "download").stdout()).startsWith("Usage: jimeng download");
    }

    @Test
    void anUnknownSubjectIsOneLineWithTheClosestAndExit2() {
        CliRun run = help("help", "modez");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.onlyErrorLine()).contains("did you mean 'modes'?");
    }

    @Test
    void everyCommandsHelpEndsWithTwoOrThreeExamplesThatParse() {
        CommandLine tree = Cli.commandLine(
                new JimengCommand(c -> null, c -> 0),
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        for (var e : tree.getSubcommands().entrySet()) {
            if (!e.getKey().equals(e.getValue().getCommandName())) {
                continue;
            }
            String usage = e.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF);
            List<String> examples = usage.substring(usage.lastIndexOf("Examples:") + 1)
                    .lines()
                    .skip(1)
                    .filter(l -> !l.isBlank())
                    .toList();
            assertThat(usage).as(e.getKey()).contains("Examples:");
            assertThat(examples).as(e.getKey()).hasSizeBetween(1, 3).allMatch(l -> l.startsWith("  jimeng "));
            for (String example : examples) {
                String command = example.strip().replaceFirst("\\s+#.*", "").replaceFirst(" > .*", "");
                List<String> words = words(command);
                CommandLine fresh = Cli.commandLine(
                        new JimengCommand(c -> null, c -> 0),
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(new StringWriter()));
                fresh.parseArgs(words.subList(1, words.size()).toArray(String[]::new)); // throws if it does not parse
            }
        }
    }

    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return words;
    }
}
