package dev.jimeng.app;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The OS keychain through its command-line tool, found on {@code PATH}: {@code secret-tool} (libsecret,
 * Linux) or {@code security} (macOS). A secret only ever travels on the tool's stdin or stdout, never
 * in its arguments (which other users can see in the process list). Entries are keyed by service
 * {@code jimeng} and the profile's name.
 */
final class Keychain {
    static final String SERVICE = "jimeng";
    private static final long TIMEOUT_SECONDS = 30;

    private final Path tool;

    private Keychain(Path tool) {
        this.tool = tool;
    }

    /** The keychain tool on {@code PATH} of {@code env} ({@code toolName} as CredentialsFile says), if any. */
    static Optional<Keychain> find(Map<String, String> env, String toolName) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir).resolve(toolName);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new Keychain(candidate));
            }
        }
        return Optional.empty();
    }

    boolean macOs() {
        return tool.getFileName().toString().equals("security");
    }

    String name() {
        return tool.getFileName().toString();
    }

    void store(String profile, String accessKey, String secret) throws IOException {
        if (macOs()) {
            // security -i reads commands on stdin: the secret stays out of the argument list
            run(List.of("-i"), "add-generic-password -U -s " + SERVICE + " -a " + profile + " -w " + secret + "\n");
        } else {
            run(
                    List.of(
                            "store",
                            "--label=jimeng (" + profile + ", " + accessKey + ")",
                            "service",
                            SERVICE,
                            "profile",
                            profile),
                    secret);
        }
    }

    Optional<String> lookup(String profile) throws IOException {
        String out = macOs()
                ? run(List.of("find-generic-password", "-s", SERVICE, "-a", profile, "-w"), null)
                : run(List.of("lookup", "service", SERVICE, "profile", profile), null);
        String secret = out.strip();
        return secret.isEmpty() ? Optional.empty() : Optional.of(secret);
    }

    void delete(String profile) throws IOException {
        if (macOs()) {
            run(List.of("delete-generic-password", "-s", SERVICE, "-a", profile), null);
        } else {
            run(List.of("clear", "service", SERVICE, "profile", profile), null);
        }
    }

    /** Runs the tool; returns its stdout, or fails naming the tool and its exit status (never the secret). */
    private String run(List<String> args, String stdin) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(tool.toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(name() + " did not answer in " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(name() + " was interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(name() + " " + args.getFirst() + " failed (exit status " + p.exitValue() + ")");
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
