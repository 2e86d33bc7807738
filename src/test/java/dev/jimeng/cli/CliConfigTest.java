package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.config.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jimeng config ...} through the real command line: every setting is layered default <
 * config.toml < [profile.NAME] < environment < --setting, and {@code config list} names the source;
 * bad values and unknown keys are refused with the file, key, value and the fix; config.properties is
 * migrated once.
 */
class CliConfigTest {
    @TempDir
    Path cwd;

    @TempDir
    Path home;

    private CliHarness cli() {
        return CliHarness.bare(cwd, home).with("COLUMNS", "400");
    }

    private Path config() {
        return home.resolve("config.toml");
    }

    /** Two valid values of every setting, A and B, each different from the other where there are two. */
    private Map<Setting, List<String>> samples() {
        Map<Setting, List<String>> v = new LinkedHashMap<>();
        for (Setting s : Setting.values()) {
            v.put(
                    s,
                    switch (s) {
                        case MODE -> List.of("t2v_1080p", "ti2v_pro");
                        case DURATION -> List.of("10", "5");
                        case FPS -> List.of("24", "24");
                        case ASPECT_RATIO -> List.of("1:1", "9:16");
                        case OUTPUT_DIR ->
                            List.of(
                                    cwd.resolve("a").toString(),
                                    cwd.resolve("b").toString());
                        case SEED -> List.of("7", "8");
                        case CONCURRENCY -> List.of("3", "4");
                        case POLL_INTERVAL, RETRY_BACKOFF -> List.of("2", "3");
                        case NOTIFY -> List.of("bell", "osc9");
                        case EMBED_METADATA -> List.of("true", "false");
                        case MAX_COST_PER_JOB, DAILY_BUDGET, MONTHLY_BUDGET -> List.of("5", "6");
                        case PRICE_720P, PRICE_1080P, PRICE_PRO -> List.of("0.3", "0.4");
                        case API_URL -> List.of("http://127.0.0.1:1", "http://127.0.0.1:2");
                        case API_TIMEOUT, MAX_POLL_ATTEMPTS, JOURNAL_RETRY_SECONDS -> List.of("10", "20");
                        case SANDBOX_QUEUE_SECONDS, SANDBOX_GENERATE_SECONDS -> List.of("0", "3");
                    });
        }
        return v;
    }

    /** {@code config list} as key -> [value, origin]. */
    private static Map<String, List<String>> listed(CliRun run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : run.stdout().lines().toList()) {
            String[] cells = line.strip().split(" {2,}", 3);
            rows.put(cells[0], List.of(cells[1], cells.length > 2 ? cells[2].strip() : ""));
        }
        return rows;
    }

    @Test
    void eachLayerOverridesTheOneBelowForEverySettingAndListNamesTheSource() throws Exception {
        Map<Setting, List<String>> v = samples();
        Map<String, List<String>> defaults = listed(cli().run("config", "list"));
        for (Setting s : Setting.values()) {
            assertThat(defaults.get(s.key())).as(s.key()).element(1).isEqualTo("default");
        }

        StringBuilder toml = new StringBuilder();
        v.forEach((s, values) ->
                toml.append(s.key()).append(" = \"").append(values.get(0)).append("\"\n"));
        toml.append("[profile.work]\n");
        v.forEach((s, values) ->
                toml.append(s.key()).append(" = \"").append(values.get(1)).append("\"\n"));
        Files.writeString(config(), toml);

        Map<String, List<String>> file = listed(cli().run("config", "list"));
        Map<String, List<String>> profile = listed(cli().run("--profile", "work", "config", "list"));
        CliHarness withEnv = cli();
        v.forEach((s, values) -> s.environmentVariable().ifPresent(var -> withEnv.with(var, values.get(0))));
        Map<String, List<String>> env = listed(withEnv.run("--profile", "work", "config", "list"));
        List<String> args = new java.util.ArrayList<>(List.of("--profile", "work"));
        v.forEach((s, values) -> args.addAll(List.of("--setting", s.key() + "=" + values.get(1))));
        args.addAll(List.of("config", "list"));
        Map<String, List<String>> flags = listed(withEnv.run(args.toArray(String[]::new)));

        for (Setting s : Setting.values()) {
            String a = v.get(s).get(0);
            String b = v.get(s).get(1);
            assertThat(file.get(s.key())).as(s.key()).containsExactly(a, "config file " + config());
            assertThat(profile.get(s.key()))
                    .as(s.key())
                    .containsExactly(b, "config file " + config() + " [profile.work]");
            if (s.environmentVariable().isPresent()) {
                assertThat(env.get(s.key()))
                        .as(s.key())
                        .containsExactly(
                                a, "environment " + s.environmentVariable().get());
            } else {
                assertThat(env.get(s.key())).as(s.key()).isEqualTo(profile.get(s.key()));
            }
            assertThat(flags.get(s.key())).as(s.key()).containsExactly(b, "command line --setting");
        }
        assertThat(profile.get("profile")).containsExactly("work", "command line --profile");
        assertThat(cli().with("JIMENG_PROFILE", "work")
                        .run("config", "get", "concurrency")
                        .stdout())
                .isEqualTo("4\n");
    }

    @Test
    void aBadValueInAProfileTableNamesFileTableKeyValueAndValidValues() throws Exception {
        Files.writeString(config(), "[profile.work]\nconcurrency = 0\n");

        CliRun run = cli().run("--profile", "work", "jobs");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.onlyErrorLine())
                .contains(config().toString(), "[profile.work]", "concurrency", "'0'", "1 to 10");
    }

    @Test
    void configSetRefusesABadValueAndChangesNothing() throws Exception {
        Files.writeString(config(), "duration = 10\n");

        CliRun run = cli().run("config", "set", "duration", "7");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.onlyErrorLine()).contains("duration", "'7'", "5, 10");
        assertThat(Files.readString(config())).isEqualTo("duration = 10\n");
    }

    @Test
    void unknownKeysAreRejectedWithTheClosestValidKey() throws Exception {
        CliRun get = cli().run("config", "get", "concurency");
        CliRun set = cli().run("config", "set", "poll_intervall", "5");
        assertThat(get.exitCode()).isEqualTo(2);
        assertThat(get.onlyErrorLine()).contains("unknown setting 'concurency'; did you mean concurrency?");
        assertThat(set.onlyErrorLine()).contains("did you mean poll-interval?");
        assertThat(config()).doesNotExist();

        Files.writeString(config(), "durration = 10\n");
        CliRun run = cli().run("jobs");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.onlyErrorLine()).contains(config().toString(), "'durration'", "did you mean duration?");
    }

    @Test
    void aTopLevelProfileKeyPointsToDefaultProfile() throws Exception {
        Files.writeString(config(), "profile = \"work\"\n");

        CliRun run = cli().run("jobs");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.onlyErrorLine()).contains("default-profile = \"NAME\"", "jimeng profile use NAME");
    }

    @Test
    void setUnsetAndPathChangeOnlyTheKeyGiven() throws Exception {
        Files.writeString(config(), "mode = \"t2v_1080p\"\n\n[profile.work]\nconcurrency = 1\n");

        CliRun set = cli().run("config", "set", "duration", "10");
        CliRun setWork = cli().run("--profile", "work", "config", "set", "daily-budget", "3.5");

        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(setWork.exitCode()).as(setWork.toString()).isZero();
        assertThat(cli().run("config", "get", "duration").stdout()).isEqualTo("10\n");
        assertThat(cli().run("config", "get", "mode").stdout()).isEqualTo("t2v_1080p\n");
        assertThat(cli().run("--profile", "work", "config", "get", "daily-budget")
                        .stdout())
                .isEqualTo("3.5\n");
        assertThat(cli().run("--profile", "work", "config", "get", "concurrency")
                        .stdout())
                .isEqualTo("1\n");
        assertThat(cli().run("config", "get", "daily-budget").stdout()).isEqualTo("none\n");

        CliRun unset = cli().run("config", "unset", "mode");
        assertThat(unset.stdout()).contains("removed mode", "t2v_720p", "default");
        assertThat(cli().run("config", "get", "duration").stdout()).isEqualTo("10\n");
        assertThat(cli().run("config", "path").stdout()).isEqualTo(config() + "\n");
        assertThat(Files.getPosixFilePermissions(config()))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void setSaysWhenAHigherLayerStillWins() {
        CliRun run = cli().with("JIMENG_CONCURRENCY", "5").run("config", "set", "concurrency", "3");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).contains("environment JIMENG_CONCURRENCY still sets concurrency (5)");
    }

    @Test
    void configPropertiesIsMigratedOnceWithANotice() throws Exception {
        Files.writeString(home.resolve("config.properties"), "duration=10\nconcurrency=3\n");

        CliRun first = cli().run("jobs");
        CliRun second = cli().run("jobs");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stderrLines())
                .singleElement()
                .asString()
                .contains("config.properties", "config.toml", "config.properties.migrated");
        assertThat(second.stderr()).isEmpty();
        assertThat(home.resolve("config.properties")).doesNotExist();
        assertThat(home.resolve("config.properties.migrated")).exists();
        assertThat(cli().run("config", "get", "duration").stdout()).isEqualTo("10\n");
        assertThat(listed(cli().run("config", "list")).get("concurrency"))
                .containsExactly("3", "config file " + config());
    }

    @Test
    void aMigratedBadValueIsReportedAgainstConfigToml() throws Exception {
        Files.writeString(home.resolve("config.properties"), "duration=10s\n");

        CliRun run = cli().run("jobs");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderrLines().getLast()).contains(config().toString(), "duration", "10s", "5, 10");
    }

    @Test
    void editSavesAValidFileAndRefusesABadOneLeavingTheFileAsItWas() throws Exception {
        Files.writeString(config(), "duration = 10\n");
        Path bad = cwd.resolve("bad.toml");
        Files.writeString(bad, "duration = \"7\"\n");
        Path good = cwd.resolve("good.toml");
        Files.writeString(good, "duration = 5\nmode = \"ti2v_pro\"\n");

        CliRun refused = cli().with("EDITOR", editor(bad).toString()).run("config", "edit");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stderr()).contains("duration", "'7'", "5, 10", "was not changed");
        assertThat(Files.readString(config())).isEqualTo("duration = 10\n");

        CliRun saved = cli().with("VISUAL", editor(good).toString()).run("config", "edit");
        assertThat(saved.exitCode()).as(saved.toString()).isZero();
        assertThat(cli().run("config", "get", "mode").stdout()).isEqualTo("ti2v_pro\n");
    }

    /** A stand-in for $EDITOR: a real program that writes {@code content} into the file it is given. */
    private Path editor(Path content) throws Exception {
        Path script = cwd.resolve("editor-" + content.getFileName() + ".sh");
        Files.writeString(script, "#!/bin/sh\ncat '" + content + "' > \"$1\"\n");
        script.toFile().setExecutable(true);
        return script;
    }
}
