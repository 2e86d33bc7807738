package dev.jimeng.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.TestFolders;
import dev.jimeng.sandbox.LoggedRequest;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The sandbox as CLI tests use it: a task is done 0.3 s after its submit, limits are out of the
 * way, and videos come from the default cache (each size is encoded once per machine).
 *
 * <p>As a JUnit extension it also sets up what each test runs the CLI in: registered with
 * {@link #perClass()} on a static field, one sandbox serves the whole class; with {@link
 * #perTest()} on an instance field, each test gets a sandbox of its own. Either way each test gets
 * an empty working directory and JIMENG_HOME of its own (deleted after it, sandbox closed first),
 * the sandbox's submit count when it started, and {@link #jimeng() a harness} pointed at all three.
 */
final class CliSandbox implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    static final String SUBMIT = "CVSync2AsyncSubmitTask";

    private final boolean perClass;
    private final UnaryOperator<SandboxConfig.Builder> settings;
    private SandboxServer server;
    private Path cwd;
    private Path home;
    private CliHarness jimeng;
    private int submitsBefore;

    private CliSandbox(boolean perClass, UnaryOperator<SandboxConfig.Builder> settings) {
        this.perClass = perClass;
        this.settings = settings;
    }

    /** One sandbox for all the tests of a class: register it on a static field. */
    static CliSandbox perClass() {
        return new CliSandbox(true, config -> config);
    }

    /** A sandbox of its own for each test: register it on an instance field. */
    static CliSandbox perTest() {
        return new CliSandbox(false, config -> config);
    }

    /** As {@link #perTest()}, with the sandbox's settings changed by {@code settings}. */
    static CliSandbox perTest(UnaryOperator<SandboxConfig.Builder> settings) {
        return new CliSandbox(false, settings);
    }

    static SandboxServer start() {
        return start(config -> config);
    }

    private static SandboxServer start(UnaryOperator<SandboxConfig.Builder> settings) {
        try {
            return SandboxServer.start(settings.apply(SandboxConfig.builder()
                            .queueDuration(Duration.ofMillis(100))
                            .generateDuration(Duration.ofMillis(200))
                            .qpsLimit(1000)
                            .concurrencyLimit(100))
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The submits the sandbox received, oldest first. */
    static List<LoggedRequest> submits(SandboxServer server) {
        return server.requests().stream().filter(r -> r.target().equals(SUBMIT)).toList();
    }

    /** The (redacted) bodies of the submits the sandbox received, oldest first. */
    static List<JsonNode> submitBodies(SandboxServer server) {
        return server.requests().stream()
                .filter(r -> r.target().equals(SUBMIT))
                .map(LoggedRequest::body)
                .toList();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (perClass) {
            server = start(settings);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (!perClass) {
            server = start(settings);
        } else if (server == null) {
            throw new IllegalStateException("register CliSandbox.perClass() on a static field");
        }
        cwd = Files.createTempDirectory("jimeng-cwd");
        home = Files.createTempDirectory("jimeng-home");
        jimeng = cli();
        submitsBefore = server.submitCount();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (!perClass) {
                server.close();
            }
        } finally {
            TestFolders.deleteTree(cwd);
            TestFolders.deleteTree(home);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (perClass && server != null) {
            server.close();
        }
    }

    SandboxServer server() {
        return server;
    }

    /** The running test's working directory, empty when it started. */
    Path cwd() {
        return cwd;
    }

    /** The running test's JIMENG_HOME, empty when it started. */
    Path home() {
        return home;
    }

    /** The harness of the running test, made before it: what the test sets on it stays for the test. */
    CliHarness jimeng() {
        return jimeng;
    }

    /** A new harness, with nothing set on it yet, against the sandbox from {@link #cwd()} and {@link #home()}. */
    CliHarness cli() {
        return CliHarness.against(server, cwd, home);
    }

    /** How many submits the sandbox had received when the running test started. */
    int submitsBefore() {
        return submitsBefore;
    }
}
