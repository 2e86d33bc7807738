package dev.jimeng.job.download;

import dev.jimeng.job.Mp4Signature;
import dev.jimeng.time.Sleeper;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Downloads a video to a file without losing what has arrived: see the package description. Safe to
 * share between threads as long as each call has its own target.
 */
public final class Downloader {
    private final ProxySelector proxies;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DownloadPolicy policy;

    /**
     * Nothing is set up until the first download (no TLS context: {@code jobs} and {@code show} need
     * none).
     *
     * @param proxies picks the proxy for each video URL; null: the JDK's default selector
     */
    public Downloader(ProxySelector proxies, Clock clock, Sleeper sleeper, DownloadPolicy policy) {
        this.proxies = proxies;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Where the bytes of {@code target} collect until they are verified: {@code <target>.part}. */
    public static Path partFileOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /**
     * Downloads {@code url} to {@code target}, resuming {@code <target>.part} if an earlier call left
     * one (also when that call had another, now expired, URL for the same video).
     *
     * @throws DownloadUrlExpiredException the URL is dead: get a fresh one and call again
     * @throws DownloadFailedException retries ran out, the server refused, or the file could not be written
     * @throws DownloadVerificationException the bytes are not an MP4 of the announced length
     * @throws DownloadTargetExistsException {@code target} already exists; it is never overwritten
     */
    public DownloadResult download(URI url, Path target, ProgressListener progress)
            throws DownloadException, InterruptedException {
        return download(url, target, Long.MAX_VALUE, progress);
    }

    /**
     * Like {@link #download(URI, Path, ProgressListener)}, stopping for good when the video grows past
     * {@code maxBytes} or past the free disk space less the policy's reserve (the partial file is then
     * removed), and when the link serves something that is not an MP4.
     *
     * @throws DownloadNotVideoException the link served HTML, text or another non-video
     */
    public DownloadResult download(URI url, Path target, long maxBytes, ProgressListener progress)
            throws DownloadException, InterruptedException {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(progress, "progress");
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("not an http(s) URL: " + Redaction.redact(url));
        }
        Instant started = clock.instant();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new DownloadTargetExistsException(target + " already exists; not downloading over it", target);
        }
        Path part = partFileOf(target);
        long bytes;
        String problem;
        int attempts;
        try (PartFile file = PartFile.open(part)) {
            Transfer transfer = new Transfer(proxies, sleeper, policy, url, file, maxBytes, progress);
            long total = transfer.run();
            attempts = transfer.attempts();
            bytes = file.size();
            problem = verificationProblem(file, total);
            if (problem == null) {
                file.finish();
            }
        } catch (DownloadNotVideoException e) {
            deleteQuietly(part);
            throw e;
        } catch (DownloadFailedException e) {
            if (e.discardPart()) {
                deleteQuietly(part);
            }
            throw e;
        }
        if (problem != null) {
            Path rejected = setAside(part);
            throw new DownloadVerificationException(
                    "downloaded " + bytes + " bytes from " + Redaction.redact(url) + " but " + problem + "; kept as "
                            + rejected,
                    rejected);
        }
        moveIntoPlace(part, target);
        return new DownloadResult(target, bytes, attempts, Duration.between(started, clock.instant()));
    }

    private static String verificationProblem(PartFile file, long total) throws DownloadFailedException {
        if (total >= 0 && file.size() != total) {
            return "the server announced " + total + " bytes";
        }
        return Mp4Signature.problem(file.head(Mp4Signature.HEAD_BYTES), file.size());
    }

    private static void deleteQuietly(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // the next download starts it over anyway
        }
    }

    /** Moves rejected bytes out of the way so the next call starts from zero instead of resuming them. */
    private static Path setAside(Path part) throws DownloadFailedException {
        Path rejected = part.resolveSibling(part.getFileName() + ".rejected");
        try {
            return Files.move(part, rejected, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DownloadFailedException(
                    "cannot move the unverified " + part + " aside: " + e.getMessage(), false, e);
        }
    }

    private static void moveIntoPlace(Path part, Path target) throws DownloadException {
        // A file that appeared at the target while downloading is not ours to replace (and ATOMIC_MOVE
        // may replace silently on POSIX), so look first; the verified bytes stay in the .part.
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new DownloadTargetExistsException(
                    target + " appeared while downloading; not overwriting it, the verified video stays in " + part,
                    target);
        }
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DownloadFailedException(
                    "cannot rename " + part + " to " + target + ": " + e.getMessage(), false, e);
        }
    }
}
