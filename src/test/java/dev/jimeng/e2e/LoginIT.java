package dev.jimeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jimeng login} in a real pseudo-terminal (tmux): the access key id is echoed as typed, the
 * secret is not, and the keys are checked against a sandbox and stored 0600.
 */
class LoginIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STEP = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void theSecretIsReadWithoutEchoAndStored0600() throws Exception {
        Path home = dir.resolve("home");
        try (SandboxServer server = SandboxServer.start(SandboxConfig.builder().build());
                Tmux tmux = jimeng(home, server.baseUrl())) {
            String accessKey = server.credentials().accessKeyId();
            String secret = server.credentials().secretAccessKey();

            tmux.await("the access key question", s -> s.contains("Access key ID:"), START);
            tmux.type(accessKey);
            tmux.keys("Enter");
            tmux.await("the secret question", s -> s.contains("Secret access key (not shown):"), STEP);
            tmux.type(secret);
            tmux.keys("Enter");
            String screen = tmux.await("the end", s -> s.contains("jimeng exited"), STEP);

            assertThat(screen).contains(accessKey, "logged in: profile default, keys checked", "jimeng exited 0");
            assertThat(screen).doesNotContain(secret);
            Path credentials = home.resolve("credentials.toml");
            assertThat(Files.getPosixFilePermissions(credentials))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(credentials)).contains(secret);
        }
    }

    private static Tmux jimeng(Path home, String apiUrl) throws Exception {
        String jar = System.getProperty("jimeng.jar", "target/jimeng.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        String command = "'" + java + "' --enable-native-access=ALL-UNNAMED -jar '" + jar
                + "' login; echo \"jimeng exited $?\"; sleep 120";
        return new Tmux(
                120,
                40,
                Map.of(
                        "JIMENG_HOME",
                        home.toString(),
                        "JIMENG_VIDEO_API_URL",
                        apiUrl,
                        "TERM",
                        "xterm-256color",
                        "LANG",
                        "C.UTF-8"),
                "sh",
                "-c",
                command);
    }
}
