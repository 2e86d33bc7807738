package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import dev.jimeng.sign.Credentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jimeng login} over a pipe: the keys are checked with one harmless call and stored 0600 (or
 * the secret in the keychain); wrong keys store nothing; the secret is written nowhere else; STS
 * session tokens are sent, signed, and checked by the sandbox.
 */
class CliLoginTest {
    @RegisterExtension
    final CliSandbox sandbox = CliSandbox.perTest();

    @TempDir
    Path keychainDir;

    /** No keys in the environment: only the sandbox's URL. */
    private CliHarness cli() {
        return CliHarness.bare(sandbox.cwd(), sandbox.home())
                .with("JIMENG_VIDEO_API_URL", sandbox.server().baseUrl())
                .with("JIMENG_VIDEO_POLL_INTERVAL", "0.1");
    }

    private CliRun login(CliHarness cli, String accessKey, String secret, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.add(0, "login");
        return cli.piping((accessKey + "\n" + secret + "\n").getBytes(StandardCharsets.UTF_8))
                .run(all.toArray(String[]::new));
    }

    private String secret() {
        return sandbox.server().credentials().secretAccessKey();
    }

    private String accessKey() {
        return sandbox.server().credentials().accessKeyId();
    }

    @Test
    void loginOverAPipeChecksTheKeysStoresThem0600AndTheSecretIsWrittenNowhereElse() throws Exception {
        CliRun login = login(cli(), accessKey(), secret());

        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(login.stdout()).contains("logged in: profile default, keys checked");
        Path credentials = sandbox.home().resolve("credentials.toml");
        assertThat(Files.getPosixFilePermissions(credentials)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(credentials)).contains(accessKey(), secret());
        assertThat(sandbox.server().getResultCount()).as("one check").isEqualTo(1);

        CliRun generate = cli().run("--verbose", "generate", "a heron");
        CliRun list = cli().with("COLUMNS", "300").run("config", "list");

        assertThat(generate.exitCode()).as(generate.toString()).isZero();
        assertThat(list.stdout()).contains("credentials file " + credentials).contains("(set)");
        for (CliRun run : List.of(login, generate, list)) {
            assertThat(run.stdout() + run.stderr()).doesNotContain(secret());
        }
        assertThat(filesUnder(sandbox.home()))
                .as("only the credentials file holds the secret")
                .filteredOn(f -> !f.equals(credentials))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(read(f)).doesNotContain(secret()));
    }

    @Test
    void aWrongSecretIsRefusedAndNothingIsStored() {
        // its first character changed: a random Base64 secret starts with 'x' one time in 64
        String wrong = (secret().startsWith("x") ? "y" : "x") + secret().substring(1);
        CliRun login = login(cli(), accessKey(), wrong);

        assertThat(login.exitCode()).isEqualTo(4);
        assertThat(login.onlyErrorLine()).contains("SignatureDoesNotMatch", "nothing was stored");
        assertThat(sandbox.home().resolve("credentials.toml")).doesNotExist();
    }

    @Test
    void anUnknownAccessKeyIsRefused() {
        CliRun login = login(cli(), "AKLTnobody", secret());

        assertThat(login.exitCode()).isEqualTo(4);
        assertThat(login.onlyErrorLine()).contains("InvalidAccessKey", "nothing was stored");
    }

    @Test
    void loginCreatesAProfileAndLogoutForgetsIt() throws Exception {
        CliRun login = login(cli(), accessKey(), secret(), "--profile", "work");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(login.stdout()).contains("profile work");
        assertThat(cli().run("--profile", "work", "generate", "a heron").exitCode())
                .isZero();
        assertThat(cli().run("generate", "a heron").onlyErrorLine())
                .as("the default profile has no keys")
                .contains("VOLC_ACCESSKEY is not set", "jimeng login");

        CliRun logout = cli().run("--profile", "work", "logout");

        assertThat(logout.exitCode()).as(logout.toString()).isZero();
        assertThat(Files.readString(sandbox.home().resolve("credentials.toml"))).doesNotContain(secret(), accessKey());
    }

    @Test
    void aCredentialsFileOthersCanReadIsWarnedAbout() throws Exception {
        Path credentials = sandbox.home().resolve("credentials.toml");
        Files.writeString(credentials, "access-key = \"" + accessKey() + "\"\nsecret-key = \"" + secret() + "\"\n");
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-r--r--"));

        CliRun run = cli().run("generate", "a heron");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderr()).contains("warning: " + credentials, "others may read it", "chmod 600");

        CliRun login = login(cli(), accessKey(), secret());
        assertThat(login.stderr()).contains("was readable by others; it is now 0600");
        assertThat(Files.getPosixFilePermissions(credentials)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void anUnknownKeyInTheCredentialsFileIsNamedWithTheClosestOne() throws Exception {
        Path credentials = sandbox.home().resolve("credentials.toml");
        Files.writeString(credentials, "access-key = \"" + accessKey() + "\"\nsecret-kee = \"x\"\n");
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));

        CliRun run = cli().run("generate", "a heron");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.onlyErrorLine())
                .contains("credentials file " + credentials, "unknown key 'secret-kee'; did you mean secret-key?")
                .doesNotContain("\"x\"");
        assertThat(sandbox.server().submitCount()).isZero();
    }

    @Test
    void volcengineVariableNamesAreAliases() {
        CliRun run = cli().with("VOLCENGINE_ACCESS_KEY", accessKey())
                .with("VOLCENGINE_SECRET_KEY", secret())
                .run("generate", "a heron");

        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void withKeychainTheSecretGoesToTheKeychainToolOnStdinAndLogoutClearsIt() throws Exception {
        Path bin = fakeSecretTool();
        CliHarness cli = cli().with("PATH", bin.toString());

        CliRun login = login(cli, accessKey(), secret(), "--keychain");

        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(login.stdout()).contains("the secret in the keychain (secret-tool)");
        assertThat(Files.readString(keychainDir.resolve("stored"))).isEqualTo(secret());
        assertThat(Files.readString(keychainDir.resolve("args")))
                .startsWith("store --label=jimeng (default, " + accessKey() + ") service jimeng profile default")
                .doesNotContain(secret());
        String stored = Files.readString(sandbox.home().resolve("credentials.toml"));
        assertThat(stored).contains(accessKey(), "keychain = true").doesNotContain(secret());

        CliRun generate = cli.run("generate", "a heron");
        assertThat(generate.exitCode()).as(generate.toString()).isZero();
        assertThat(Files.readString(keychainDir.resolve("args"))).contains("lookup service jimeng profile default");
        assertThat(filesUnder(sandbox.home()))
                .allSatisfy(f -> assertThat(read(f)).doesNotContain(secret()));

        assertThat(cli.run("logout").exitCode()).isZero();
        assertThat(Files.readString(keychainDir.resolve("args"))).contains("clear service jimeng profile default");
        assertThat(keychainDir.resolve("stored")).doesNotExist();
    }

    @Test
    void keychainWithoutTheToolIsRefusedAndNothingIsStored() {
        CliRun login = login(cli().with("PATH", keychainDir.toString()), accessKey(), secret(), "--keychain");

        assertThat(login.exitCode()).isEqualTo(2);
        assertThat(login.onlyErrorLine()).contains("secret-tool is not on PATH");
        assertThat(sandbox.home().resolve("credentials.toml")).doesNotExist();
    }

    @Test
    void anStsSessionTokenIsSentSignedAndCheckedBySandbox() throws Exception {
        String token = "STS-token-" + "a".repeat(40);
        try (SandboxServer sts = SandboxServer.start(SandboxConfig.builder()
                .credentials(new Credentials("AKTPtemporary0001", "temporarySecret00000000000000000000000", token))
                .queueDuration(Duration.ofMillis(100))
                .generateDuration(Duration.ofMillis(200))
                .build())) {
            CliHarness cli = CliHarness.bare(sandbox.cwd(), sandbox.home())
                    .with("JIMENG_VIDEO_API_URL", sts.baseUrl())
                    .with("JIMENG_VIDEO_POLL_INTERVAL", "0.1")
                    .with("VOLC_ACCESSKEY", "AKTPtemporary0001")
                    .with("VOLC_SECRETKEY", "temporarySecret00000000000000000000000");

            CliRun accepted = cli.with("VOLC_SESSION_TOKEN", token).run("generate", "a heron");
            CliRun wrong = cli.with("VOLC_SESSION_TOKEN", token + "x").run("generate", "a heron", "--yes");
            CliRun without = cli.without("VOLC_SESSION_TOKEN").run("generate", "a heron", "--yes");

            assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
            assertThat(wrong.exitCode()).isEqualTo(4);
            assertThat(wrong.onlyErrorLine()).contains("InvalidAccessKey").doesNotContain(token);
            assertThat(without.exitCode()).isEqualTo(4);
            assertThat(without.onlyErrorLine()).contains("InvalidAccessKey");
            assertThat(sts.requests())
                    .filteredOn(r -> r.target().equals(CliSandbox.SUBMIT))
                    .extracting(dev.jimeng.sandbox.LoggedRequest::gatewayError)
                    .containsExactly(null, "InvalidAccessKey", "InvalidAccessKey");

            // the same three as a profile's session-token key instead of the environment
            Files.writeString(
                    sandbox.home().resolve("credentials.toml"),
                    "[profile.sts]\naccess-key = \"AKTPtemporary0001\"\n"
                            + "secret-key = \"temporarySecret00000000000000000000000\"\nsession_token = \"" + token
                            + "\"\n");
            CliRun stored = CliHarness.bare(sandbox.cwd(), sandbox.home())
                    .with("JIMENG_VIDEO_API_URL", sts.baseUrl())
                    .with("JIMENG_VIDEO_POLL_INTERVAL", "0.1")
                    .run("--profile", "sts", "generate", "a crane");
            assertThat(stored.exitCode()).as(stored.toString()).isZero();
            assertThat(filesUnder(sandbox.home()))
                    .filteredOn(f -> !f.getFileName().toString().equals("credentials.toml"))
                    .allSatisfy(f -> assertThat(read(f)).doesNotContain(token));
        }
    }

    /** A stand-in for libsecret's secret-tool: a real program recording its arguments and stdin. */
    private Path fakeSecretTool() throws IOException {
        Path bin = keychainDir.resolve("bin");
        Files.createDirectories(bin);
        Path tool = bin.resolve("secret-tool");
        String dir = keychainDir.toString();
        Files.writeString(
                tool,
                """
                #!/bin/sh
                echo "$@" >> '%1$s/args'
                case "$1" in
                  store) cat > '%1$s/stored' ;;
                  lookup) [ -f '%1$s/stored' ] && cat '%1$s/stored' ;;
                  clear) rm -f '%1$s/stored' ;;
                esac
                """
                        .formatted(dir));
        tool.toFile().setExecutable(true);
        return bin;
    }

    private static List<Path> filesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
