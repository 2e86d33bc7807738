package dev.jimeng.job.download;

import dev.jimeng.job.Mp4Signature;
import dev.jimeng.time.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@link Downloader#download} call: HTTP attempts into a {@link PartFile} until the whole body is
 * there, resuming with {@code Range} after each drop and backing off between attempts.
 */
final class Transfer {
    static final long PROGRESS_STEP = 64 * 1024;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");
    private static final Pattern UNSATISFIED_RANGE = Pattern.compile("bytes\\s+\\*/(\\d+)");
    private static final int ERROR_BODY_LIMIT = 4096;
    private static final long MIB = 1024 * 1024;

    private final ProxySelector proxies;
    private final Sleeper sleeper;
    private final DownloadPolicy policy;
    private final URI url;
    private final String where;
    private final PartFile part;
    private final ProgressListener progress;
    private final long maxBytes;
    private long allowed = Long.MAX_VALUE;
    private boolean diskIsTheLimit;
    private int attempts;
    private long reportedAt = -1;

    Transfer(
            ProxySelector proxies,
            Sleeper sleeper,
            DownloadPolicy policy,
            URI url,
            PartFile part,
            long maxBytes,
            ProgressListener progress) {
        this.proxies = proxies;
        this.sleeper = sleeper;
        this.policy = policy;
        this.url = url;
        this.where = Redaction.redact(url);
        this.part = part;
        this.progress = progress;
        this.maxBytes = maxBytes;
    }

    int attempts() {
        return attempts;
    }

    /** Tries until the body is complete; returns the announced total, or the size when none was announced. */
    long run() throws DownloadException, InterruptedException {
        while (true) {
            attempts++;
            try {
                return attempt();
            } catch (Retryable failure) {
                if (attempts >= policy.maxAttempts()) {
                    throw new DownloadFailedException(
                            "download of " + where + " failed after " + attempts + " attempts (last: "
                                    + failure.getMessage() + "); " + part.size() + " bytes kept in " + part.path()
                                    + " to resume",
                            true,
                            failure.getCause());
                }
                sleeper.sleep(waitAfter(failure));
            }
        }
    }

    private Duration waitAfter(Retryable failure) {
        Duration backoff = policy.backoffAfter(attempts);
        if (failure.retryAfter != null && failure.retryAfter.compareTo(backoff) > 0) {
            return failure.retryAfter.compareTo(policy.backoffCap()) > 0 ? policy.backoffCap() : failure.retryAfter;
        }
        return backoff;
    }

    private long attempt() throws Retryable, DownloadException, InterruptedException {
        if (part.size() >= Mp4Signature.HEAD_BYTES && !startsLikeMp4(part.head(Mp4Signature.HEAD_BYTES))) {
            part.restart(); // what an earlier run kept is not a video: never resume it
        }
        long offset = part.size();
        VideoConnection response = open(offset);
        boolean readToTheEnd = false;
        try {
            int status = response.status();
            if (status == 200 || status == 206) {
                refuseNonVideoType(response);
            }
            if (status == 200) {
                if (offset > 0) {
                    part.restart(); // the server ignored Range and sends the whole video again
                }
                long total = stream(response, checkAnnounced(response.contentLength()));
                readToTheEnd = true;
                return total;
            }
            if (status == 206) {
                long total = stream(response, checkAnnounced(totalOfPartial(response, offset)));
                readToTheEnd = true;
                return total;
            }
            if (status == 416) {
                return alreadyComplete(response, offset);
            }
            if (status == 403 || status == 404 || status == 410) {
                throw expired(status);
            }
            if (status == 429 || status >= 500) {
                throw new Retryable("HTTP " + status, retryAfter(response), null);
            }
            if (status >= 400) {
                if (response.errorText(ERROR_BODY_LIMIT)
                        .toLowerCase(Locale.ROOT)
                        .contains("expired")) {
                    throw expired(status);
                }
                throw new DownloadFailedException("download of " + where + " refused: HTTP " + status, false);
            }
            String hint = status >= 300 ? " (a redirect between http and https is not followed)" : "";
            throw new DownloadFailedException("download of " + where + " got unexpected HTTP " + status + hint, false);
        } finally {
            if (!readToTheEnd) {
                response.disconnect(); // a body left unread or cut short: its connection cannot be reused
            }
        }
    }

    private VideoConnection open(long offset) throws Retryable, InterruptedException {
        try {
            return VideoConnection.open(url, offset, proxies, policy.readTimeout());
        } catch (IOException e) {
            throwIfInterrupted();
            throw new Retryable(
                    "request failed (" + Redaction.describe(e, url) + ")", null, Redaction.safeCause(e, url));
        }
    }

    /** The full size from a 206's Content-Range; a range that does not start where the file ends starts over. */
    private long totalOfPartial(VideoConnection response, long offset) throws Retryable, DownloadFailedException {
        String header = headerOf(response, "Content-Range");
        Matcher range = CONTENT_RANGE.matcher(header.trim());
        if (!range.matches() || Long.parseLong(range.group(1)) != offset) {
            part.restart();
            throw new Retryable(
                    "asked for bytes from " + offset + " but got Content-Range '" + header + "'; starting over",
                    null,
                    null);
        }
        if (!range.group(3).equals("*")) {
            return Long.parseLong(range.group(3));
        }
        long length = response.contentLength();
        return length < 0 ? -1 : offset + length;
    }

    /** 416 to {@code bytes=<size>-}: the file is complete when the server's total equals its size. */
    private long alreadyComplete(VideoConnection response, long offset) throws Retryable, DownloadFailedException {
        String header = headerOf(response, "Content-Range");
        Matcher range = UNSATISFIED_RANGE.matcher(header.trim());
        if (offset > 0 && range.matches() && Long.parseLong(range.group(1)) == offset) {
            reportDone(offset);
            return offset;
        }
        part.restart();
        throw new Retryable("HTTP 416 for bytes from " + offset + "; starting over", null, null);
    }

    /**
     * Reads the body into the part file in this thread, refusing a body that does not start like an
     * MP4 or grows past what is allowed, and keeping every byte that arrived before a drop or stall.
     */
    private long stream(VideoConnection response, long total)
            throws Retryable, DownloadException, InterruptedException {
        try (InputStream body = response.body()) {
            receive(body, total);
        } catch (IOException dropped) {
            throwIfInterrupted(); // an interrupted virtual thread's socket is closed under the read
            String why = dropped instanceof SocketTimeoutException
                    ? "no data for " + policy.readTimeout().toMillis() + " ms"
                    : "connection dropped (" + Redaction.describe(dropped, url) + ")";
            throw new Retryable(
                    why + " at " + part.size() + " of " + describeTotal(total) + " bytes",
                    null,
                    Redaction.safeCause(dropped, url));
        }
        if (total >= 0 && part.size() < total) {
            throw new Retryable("body ended at " + part.size() + " of " + total + " bytes", null, null);
        }
        long size = part.size();
        reportDone(size);
        return total >= 0 ? total : size;
    }

    /** One buffer, filled by each read and written out whole; the first write holds at least the MP4 head. */
    private void receive(InputStream body, long total) throws IOException, DownloadException, InterruptedException {
        byte[] bytes = new byte[policy.bufferSize()];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int filled = 0;
        for (int read; (read = body.read(bytes, filled, bytes.length - filled)) >= 0; ) {
            filled += read;
            if (part.size() > 0 || filled >= Mp4Signature.HEAD_BYTES) {
                write(buffer.clear().limit(filled), total);
                filled = 0;
            }
        }
        write(buffer.clear().limit(filled), total);
    }

    private void write(ByteBuffer bytes, long total) throws DownloadException, InterruptedException {
        if (!bytes.hasRemaining()) {
            return;
        }
        checkBeforeWrite(bytes);
        part.append(bytes);
        report(total);
    }

    /** Before each write: the first bytes must look like an MP4, and the file may not grow past what is allowed. */
    private void checkBeforeWrite(ByteBuffer bytes) throws DownloadException {
        if (part.size() == 0 && bytes.remaining() >= Mp4Signature.HEAD_BYTES) {
            byte[] head = new byte[Math.min(bytes.remaining(), 24)];
            bytes.get(bytes.position(), head);
            if (!startsLikeMp4(head)) {
                throw notVideo(
                        "something that is not an MP4 (it starts with \"" + printable(head, head.length) + "\")");
            }
        }
        if (part.size() + bytes.remaining() > allowed) {
            throw tooBig("grew past");
        }
    }

    /** A Content-Type that no video has (text, HTML, JSON, XML) fails at once. */
    private void refuseNonVideoType(VideoConnection response) throws DownloadNotVideoException {
        String type =
                headerOf(response, "Content-Type").toLowerCase(Locale.ROOT).trim();
        String bare = type.contains(";") ? type.substring(0, type.indexOf(';')).trim() : type;
        if (bare.startsWith("text/") || bare.contains("html") || bare.contains("json") || bare.contains("xml")) {
            throw notVideo(bare.replaceAll("[^a-z0-9.+/-]", "?"));
        }
    }

    private DownloadNotVideoException notVideo(String what) {
        return new DownloadNotVideoException("the video link served " + what + ", not an MP4: likely an error or"
                + " sign-in page in place of the video (" + where + ")");
    }

    /**
     * Sets how far this attempt may write: the size limit, and the free disk space less the reserve;
     * an announced size beyond that fails before a byte is written.
     */
    private long checkAnnounced(long total) throws DownloadFailedException {
        long free = freeSpace();
        long byDisk = free == Long.MAX_VALUE ? Long.MAX_VALUE : part.size() + free - policy.diskReserveBytes();
        diskIsTheLimit = byDisk < maxBytes;
        allowed = Math.max(0, Math.min(maxBytes, byDisk));
        if (total > allowed) {
            throw tooBig("announces " + total + " bytes,");
        }
        return total;
    }

    private DownloadFailedException tooBig(String what) {
        String limit = diskIsTheLimit
                ? "what the free disk space allows (" + mib(allowed) + " while keeping "
                        + mib(policy.diskReserveBytes()) + " free)"
                : "the limit of " + mib(maxBytes) + " for this video";
        String done = part.size() == 0
                ? "nothing was written"
                : "stopped after " + part.size() + " bytes and removed the partial file";
        String fix = diskIsTheLimit ? ": free disk space and download again" : "";
        return DownloadFailedException.tooBig(
                "the video from " + where + " " + what + " larger than " + limit + "; " + done + fix);
    }

    private long freeSpace() {
        try {
            return Files.getFileStore(part.path().toAbsolutePath().getParent()).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE; // unknown: the write fails when the disk is full
        }
    }

    private static boolean startsLikeMp4(byte[] head) {
        return head.length >= Mp4Signature.HEAD_BYTES
                && head[4] == 'f'
                && head[5] == 't'
                && head[6] == 'y'
                && head[7] == 'p';
    }

    /** The first bytes as text a terminal shows safely: printable ASCII, the rest as dots. */
    private static String printable(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(length, 24); i++) {
            int b = bytes[i] & 0xff;
            out.append(b >= 0x20 && b < 0x7f && b != '"' ? (char) b : '.');
        }
        return out.toString();
    }

    private static String mib(long bytes) {
        return bytes % MIB == 0 ? bytes / MIB + " MiB" : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
    }

    private void report(long total) {
        if (Math.abs(part.size() - reportedAt) >= PROGRESS_STEP) {
            reportedAt = part.size();
            progress.onProgress(reportedAt, total);
        }
    }

    private void reportDone(long total) {
        if (reportedAt != part.size()) {
            reportedAt = part.size();
            progress.onProgress(reportedAt, total);
        }
    }

    private DownloadUrlExpiredException expired(int status) {
        String resume = part.size() > 0 ? ": the " + part.size() + " bytes in " + part.path() + " will be resumed" : "";
        return new DownloadUrlExpiredException(
                "the download URL " + where + " has expired or is gone (HTTP " + status
                        + "); fetch a fresh URL and download again" + resume,
                status);
    }

    private static Duration retryAfter(VideoConnection response) {
        String header = headerOf(response, "Retry-After").trim();
        if (!header.matches("\\d{1,6}")) {
            return null; // absent, or an HTTP date: the back-off decides
        }
        return Duration.ofSeconds(Long.parseLong(header));
    }

    private static String headerOf(VideoConnection response, String name) {
        String value = response.header(name);
        return value == null ? "" : value;
    }

    private static String describeTotal(long total) {
        return total < 0 ? "unknown" : Long.toString(total);
    }

    private static void throwIfInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("download interrupted");
        }
    }

    /** A failure worth another attempt after a back-off. Stackless: it never leaves this class. */
    private static final class Retryable extends Exception {
        private final transient Duration retryAfter;

        Retryable(String message, Duration retryAfter, Throwable cause) {
            super(message, cause, false, false);
            this.retryAfter = retryAfter;
        }
    }
}
