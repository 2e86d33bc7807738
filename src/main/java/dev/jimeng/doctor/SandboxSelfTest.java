package dev.jimeng.doctor;

import dev.jimeng.app.App;
import dev.jimeng.app.Destination;
import dev.jimeng.app.Environment;
import dev.jimeng.app.ExitCode;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.store.JobState;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One 1-second job end to end (submit, poll, download, check) against a built-in sandbox in a
 * temporary folder of its own, so jimeng itself is proven apart from the account and the network.
 * Never billed; the folder is removed afterwards.
 */
final class SandboxSelfTest implements Check {
    static final Duration LIMIT = Duration.ofSeconds(60);
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    private final Clock clock;

    SandboxSelfTest(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<Finding> run() {
        Path dir;
        try {
            dir = Files.createTempDirectory("jimeng-doctor-");
        } catch (IOException e) {
            return List.of(problem("cannot make a temporary folder: " + e.getMessage()));
        }
        Instant started = clock.instant();
        try {
            JobSnapshot job = CompletableFuture.supplyAsync(() -> oneJob(dir)).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            String took = String.format(
                    java.util.Locale.ROOT,
                    "%.1f s",
                    Duration.between(started, clock.instant()).toMillis() / 1000.0);
            if (job.state() == JobState.DONE && job.outputPath() != null && Files.size(job.outputPath()) > 0) {
                return List.of(Finding.ok(
                        "self-test",
                        "a 1-second sandbox job went end to end in " + took + " (" + job.bytesDownloaded()
                                + " bytes, sandbox, not billed)"));
            }
            return List.of(problem("the sandbox job ended " + job.state().label() + ": " + job.errorMessage()));
        } catch (TimeoutException e) {
            return List.of(problem("the sandbox job did not finish within " + LIMIT.toSeconds() + " s"));
        } catch (ExecutionException | IOException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            return List.of(problem("the sandbox job failed: " + cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(Finding.warning("self-test", "interrupted", "run jimeng doctor again"));
        } finally {
            delete(dir);
        }
    }

    private static JobSnapshot oneJob(Path dir) {
        Environment env = new Environment(
                Map.of(
                        "JIMENG_HOME", dir.toString(),
                        "JIMENG_SANDBOX_QUEUE_SECONDS", "0.3",
                        "JIMENG_SANDBOX_GENERATE_SECONDS", "0.7"),
                dir,
                dir,
                new ByteArrayInputStream(new byte[0]),
                NOWHERE,
                NOWHERE,
                false,
                false,
                false);
        try (App app = App.create(env, true, false)) {
            var validated = app.jobs()
                    .validate(new GenerationRequest(
                            "t2v_720p", "jimeng doctor self-test", 5, null, null, null, null, null, null));
            String id = app.jobs().submit(validated, Destination.inDirectory(dir.resolve("videos")));
            return app.jobs().awaitTerminal(id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Finding problem(String summary) {
        return Finding.problem(
                "self-test",
                summary,
                "jimeng itself is not working here: run jimeng doctor --report and send the file with a bug report",
                ExitCode.INTERNAL);
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the system cleans it up
        }
    }
}
