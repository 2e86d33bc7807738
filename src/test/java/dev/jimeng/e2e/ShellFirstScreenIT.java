package dev.jimeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell's first screen against an endpoint that is not the built-in sandbox: a {@code jimeng
 * sandbox} server in a process of its own stands in for the real API, reached through api-url and a
 * key pair as a user's account would be. The first line names the masked account and the endpoint,
 * says jobs are billed and never that this is the sandbox, and shows how to go on.
 */
class ShellFirstScreenIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final String PROMPT = "jimeng t2v_720p>";
    private static final Pattern EXPORT = Pattern.compile("^\\s*export (\\w+)=(\\S+)$");

    @TempDir
    Path dir;

    @Test
    void theFirstLineNamesTheAccountAndEndpointAndSaysJobsAreBilled() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String jar = JimengProcess.jar().toAbsolutePath().toString();
        Process server = new ProcessBuilder(java, "-jar", jar, "sandbox")
                .redirectErrorStream(true)
                .start();
        try {
            Map<String, String> account = exports(server);
            String url = account.get("JIMENG_VIDEO_API_URL");
            String key = account.get("VOLC_ACCESSKEY");
            assertThat(url).startsWith("http://127.0.0.1:");

            Map<String, String> env = new HashMap<>(account);
            env.put("JIMENG_HOME", dir.resolve("home").toString());
            env.put("JIMENG_OUTPUT_DIR", dir.resolve("videos").toString());
            env.put("LANG", "C.UTF-8");
            Path classes = dir.resolve("classes.log");
            try (Tmux tmux = new Tmux(
                    160,
                    20,
                    env,
                    "sh",
                    "-c",
                    "TERM=xterm-256color '" + java + "' --enable-native-access=ALL-UNNAMED -Xlog:class+load:file='"
                            + classes + "' -jar '" + jar + "'; echo \"jimeng exited $?\"; sleep 120")) {
                String screen = tmux.await("the first prompt", s -> s.contains(PROMPT), START);
                List<String> rows = screen.lines().toList();
                int prompt = rows.indexOf(rows.stream()
                        .filter(r -> r.startsWith(PROMPT))
                        .findFirst()
                        .orElseThrow());
                assertThat(prompt).as(screen).isPositive();
                String first = rows.get(prompt - 1);
                assertThat(first)
                        .as(screen)
                        .startsWith("jimeng ")
                        .contains(" shell · account " + key.substring(0, 4) + "…" + key.substring(key.length() - 4)
                                + " at " + url + ", billed")
                        .endsWith("type help or press TAB")
                        .doesNotContain("sandbox", "not billed", "nothing is billed", key);
                assertThat(screen).doesNotContain(account.get("VOLC_SECRETKEY"), "Exception");

                tmux.type("exit");
                tmux.keys("Enter");
                tmux.awaitText("jimeng exited 0", START);
                // JLine's FFM binding makes a stub per C function at every start (0.1 s): JNI is used
                assertThat(Files.readString(classes))
                        .as("classes the shell loaded")
                        .contains("org.jline.terminal.impl.PosixSysTerminal ")
                        .doesNotContain("jdk.internal.foreign.abi.DowncallStub")
                        // an http endpoint's client sets up no TLS: the JDK's CA certificates stay unread
                        .doesNotContain("sun.security.x509.X509CertImpl ")
                        // xterm-256color's capabilities are JLine's own copy: it runs no infocmp for them
                        .doesNotContain("org.jline.utils.ExecHelper ");
            }
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The variables the sandbox prints for "point jimeng at it" (api-url and its key pair). */
    private static Map<String, String> exports(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Map<String, String>> read = CompletableFuture.supplyAsync(() -> {
            Map<String, String> vars = new HashMap<>();
            try {
                String line;
                while (vars.size() < 3 && (line = out.readLine()) != null) {
                    Matcher m = EXPORT.matcher(line);
                    if (m.matches()) {
                        vars.put(m.group(1), m.group(2));
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return vars;
        });
        Map<String, String> vars = read.get(START.toSeconds(), TimeUnit.SECONDS);
        assertThat(vars).containsKeys("JIMENG_VIDEO_API_URL", "VOLC_ACCESSKEY", "VOLC_SECRETKEY");
        return vars;
    }
}
