package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxMain;
import dev.jimeng.sandbox.SandboxServer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the local Jimeng-compatible server until interrupted. */
@Command(
        name = "sandbox",
        mixinStandardHelpOptions = true,
        description = "Run a local Jimeng-compatible API server (no account, nothing billed) until Ctrl-C.",
        footer = {
            "",
            "Examples:",
            "  jimeng sandbox --port 8765",
            "  jimeng sandbox --generate-seconds 30 --concurrency 1"
        })
public final class SandboxCommand extends BaseCommand {
    @Option(
            names = {"-p", "--port"},
            paramLabel = "N",
            defaultValue = "0",
            description = "Port on 127.0.0.1 (0: any free port).")
    int port;

    @Option(names = "--queue-seconds", paramLabel = "S", description = "Time a task spends in_queue (default 1).")
    Double queueSeconds;

    @Option(names = "--generate-seconds", paramLabel = "S", description = "Time a task spends generating (default 2).")
    Double generateSeconds;

    @Option(names = "--concurrency", paramLabel = "N", description = "Tasks running at once before 50430 (default 2).")
    Integer concurrency;

    @Option(names = "--qps", paramLabel = "N", description = "Requests per second before 50429.")
    Integer qps;

    @Override
    protected ExitCode doCall() throws Exception {
        SandboxConfig.Builder config = SandboxConfig.builder().port(port);
        if (queueSeconds != null) {
            config.queueDuration(seconds(queueSeconds));
        }
        if (generateSeconds != null) {
            config.generateDuration(seconds(generateSeconds));
        }
        if (concurrency != null) {
            config.concurrencyLimit(concurrency);
        }
        if (qps != null) {
            config.qpsLimit(qps);
        }
        try (SandboxServer server = SandboxServer.start(config.build())) {
            out().println(SandboxMain.describe(server));
            out().flush();
            new CountDownLatch(1).await(); // until Ctrl-C
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    private static Duration seconds(double value) {
        if (value < 0) {
            throw new UserError(ExitCode.BAD_INPUT, "sandbox timings must be 0 or more seconds, got " + value);
        }
        return Duration.ofMillis(Math.round(value * 1000));
    }
}
