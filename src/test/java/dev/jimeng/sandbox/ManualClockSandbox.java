package dev.jimeng.sandbox;

import dev.jimeng.time.ManualClock;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension, registered on an instance field: for each test a sandbox on a {@link
 * ManualClock} of its own, configured by {@link TestCache#config} (the shared video cache), and a
 * signing {@link SandboxClient} for it. Started before each test or by the test itself; closed
 * after each test.
 */
final class ManualClockSandbox implements BeforeEachCallback, AfterEachCallback {
    private final boolean startBeforeEach;
    private final ManualClock clock = new ManualClock();
    private SandboxServer server;
    private SandboxClient client;

    private ManualClockSandbox(boolean startBeforeEach) {
        this.startBeforeEach = startBeforeEach;
    }

    /** Started before each test with {@link TestCache#config}'s settings. */
    static ManualClockSandbox startedBeforeEachTest() {
        return new ManualClockSandbox(true);
    }

    /** Started by each test, with settings of its own: see {@link #start(UnaryOperator)}. */
    static ManualClockSandbox startedByEachTest() {
        return new ManualClockSandbox(false);
    }

    /** Starts the sandbox with {@link TestCache#config}'s settings. */
    void start() throws IOException {
        start(config -> config);
    }

    /** Starts the sandbox with {@link TestCache#config}'s settings as {@code settings} changes them. */
    void start(UnaryOperator<SandboxConfig.Builder> settings) throws IOException {
        server = SandboxServer.start(settings.apply(TestCache.config(clock)).build());
        client = new SandboxClient(server, clock);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (startBeforeEach) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    ManualClock clock() {
        return clock;
    }

    SandboxServer server() {
        return server;
    }

    SandboxClient client() {
        return client;
    }
}
