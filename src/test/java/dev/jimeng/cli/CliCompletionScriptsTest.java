package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jimeng.mode.Capabilities;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jimeng completion SHELL}: the scripts, loaded into the real shells, offer what jimeng's shell offers. */
class CliCompletionScriptsTest {
    @TempDir
    Path dir;

    private String script(String shell) {
        CliRun run = CliHarness.bare(dir, dir.resolve("home")).run("completion", shell);
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return run.stdout();
    }

    @Test
    void bashRegistersTheFunctionAndCompletesTheEightModesAfterASpace() throws Exception {
        Path file = dir.resolve("jimeng.bash");
        Files.writeString(file, script("bash"));

        assertThat(bash(file, "complete -p jimeng")).containsExactly("complete -F _jimeng jimeng");
        assertThat(complete(file, "jimeng generate --mode "))
                .containsExactlyInAnyOrderElementsOf(Capabilities.modeNames());
        assertThat(complete(file, "jimeng --sandbox g --mode=t2v_")).containsExactlyInAnyOrder("t2v_720p", "t2v_1080p");
        assertThat(complete(file, "jimeng submit --duration ")).containsExactly("5", "10");
        assertThat(complete(file, "jimeng generate --aspect-ratio 16:")).containsExactly("9"); // bash keeps "16:"
        assertThat(complete(file, "jimeng stat")).containsExactly("status");
        assertThat(complete(file, "jimeng sta")).containsExactlyInAnyOrder("status", "star");
        assertThat(complete(file, "jimeng completion ")).containsExactly("bash", "zsh", "fish", "powershell");
        assertThat(complete(file, "jimeng generate --dr")).containsExactly("--dry-run");
    }

    @Test
    void bashAsksJimengForJobIdsWhereAJobIdGoes() throws Exception {
        Path file = dir.resolve("jimeng.bash");
        Files.writeString(file, script("bash"));
        Path fake = dir.resolve("bin/jimeng");
        Files.createDirectories(fake.getParent());
        Files.writeString(
                fake,
                "#!/bin/sh\n[ \"$1 $2\" = 'completion --job-ids' ] && printf 'k3f9a2b1\\tdone · a fox\\nk3aa0001\\tqueued · a cat\\n'\n");
        fake.toFile().setExecutable(true);

        assertThat(complete(file, fake + " wait k3f")).containsExactly("k3f9a2b1");
        assertThat(complete(file, fake + " show ")).containsExactly("k3f9a2b1", "k3aa0001");
    }

    @Test
    void bashAsksJimengForTemplateNamesAfterDashT() throws Exception {
        Path file = dir.resolve("jimeng.bash");
        Files.writeString(file, script("bash"));
        Path fake = dir.resolve("bin/jimeng");
        Files.createDirectories(fake.getParent());
        Files.writeString(
                fake,
                "#!/bin/sh\n[ \"$1 $2\" = 'completion --template-names' ] && printf 'ad\\tproduct\\nturn\\twho\\n'\n");
        fake.toFile().setExecutable(true);

        assertThat(complete(file, fake + " generate -t ")).containsExactly("ad", "turn");
        assertThat(complete(file, fake + " submit --prompt-template t")).containsExactly("turn");
        assertThat(script("zsh")).contains("completion --template-names");
        assertThat(script("fish")).contains("-a '(__jimeng_templates)'");
    }

    @Test
    void templateNamesListsTheSavedTemplatesWithTheirVariables() {
        CliHarness cli = CliHarness.bare(dir, dir.resolve("home"));
        assertThat(cli.run("template", "save", "ad", "a {{product}} on {{surface=marble}}")
                        .exitCode())
                .isZero();
        assertThat(cli.run("completion", "--template-names").stdout()).isEqualTo("ad\tproduct, surface=marble\n");
    }

    @Test
    void jobIdsListsTheJournalsJobsOneALine() {
        CliHarness cli = CliHarness.bare(dir, dir.resolve("home"));
        assertThat(cli.run("completion", "--job-ids").stdout()).isEmpty();
    }

    @Test
    void zshLoadsTheScriptAndKnowsEveryModeWithItsDescription() throws Exception {
        assumeTrue(onPath("zsh"), "zsh is not installed");
        Path file = dir.resolve("_jimeng");
        Files.writeString(file, script("zsh"));
        List<String> out = run(
                List.of(
                        "zsh",
                        "-f",
                        "-c",
                        "autoload -U compinit && compinit -u -D && source " + file
                                + " && print -r -- ${_comps[jimeng]} && _describe() { print -l -- ${(P)${@[-1]}}; }"
                                + " && _jimeng_value_mode"),
                dir);
        assertThat(out.getFirst()).isEqualTo("_jimeng");
        assertThat(out.subList(1, out.size())).hasSize(8).anySatisfy(l -> assertThat(l)
                .startsWith("t2v_1080p:1080P"));
    }

    @Test
    void fishAndPowerShellNameEveryModeAndSettingFreeCommand() {
        String fish = script("fish");
        String powershell = script("powershell");
        for (String mode : Capabilities.modeNames()) {
            assertThat(fish).contains("'" + mode + "'");
            assertThat(powershell).contains("'" + mode + "'");
        }
        assertThat(fish).contains("complete -c jimeng -n __fish_use_subcommand -a 'generate'");
        assertThat(powershell).contains("Register-ArgumentCompleter -Native -CommandName jimeng");
        assertThat(fish).doesNotContain("-a 'set'"); // shell-only commands are not offered outside it
        assertThat(powershell).doesNotContain("'set' = @(");
    }

    @Test
    void anUnknownShellIsOneLineAndExit2() {
        CliRun run = CliHarness.bare(dir, dir.resolve("home")).run("completion", "tcsh");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.onlyErrorLine()).contains("tcsh").contains("bash, zsh, fish, powershell");
    }

    private List<String> complete(Path script, String line) throws Exception {
        return bash(
                script,
                "COMP_LINE=" + quote(line) + "; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<<\"$COMP_LINE\";"
                        + " _jimeng; printf '%s\\n' \"${COMPREPLY[@]}\"");
    }

    private List<String> bash(Path script, String command) throws Exception {
        return run(List.of("bash", "--norc", "--noprofile", "-c", "source " + script + " && " + command), dir).stream()
                .filter(l -> !l.isEmpty())
                .toList();
    }

    private static List<String> run(List<String> command, Path cwd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(cwd.toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return Arrays.asList(out.split("\n"));
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
