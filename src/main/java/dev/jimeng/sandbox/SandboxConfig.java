package dev.jimeng.sandbox;

import dev.jimeng.mode.Capabilities;
import dev.jimeng.sign.Credentials;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Everything the sandbox can be told at start. Faults here are only the starting values: tests
 * change them at run time through {@link SandboxServer#faults()}.
 *
 * @param port port to bind on 127.0.0.1; 0 picks a free one
 * @param credentials the only key pair the sandbox accepts
 * @param clock the sandbox's clock: signatures, task states, limits and URL expiry read it
 * @param queueDuration how long a task stays {@code in_queue}
 * @param generateDuration how long a task then stays {@code generating}
 * @param taskLifetime after this a task answers {@code expired}
 * @param videoUrlLifetime how long a {@code video_url} works
 * @param maxClockSkew how far X-Date may be from the sandbox clock
 * @param concurrencyLimit most tasks not yet done at once (more: 50430)
 * @param qpsLimit most API calls in any one second (more: 50429)
 * @param rejectWord a prompt containing it fails input review (50412); null or blank: none
 * @param outputReviewFailureWord a prompt containing it makes the task end done with 50516
 * @param getResultFailureRate fraction of GetResult calls answered with HTTP 500 / 50500
 * @param faultSeed seed of the random numbers deciding injected failures
 * @param dropNextRequests the next N requests get their connection closed without an answer
 * @param truncateNextDownloads the next N video downloads stop after {@code truncateAfterBytes}
 * @param truncateAfterBytes where a truncated download stops
 * @param failNextSubmitCode when not null, the next submit fails with this business code
 * @param cacheDir where encoded MP4s are kept between runs
 * @param distinctFrames how many different frames are encoded; the video loops over them
 * @param prepareVideosOnSubmit start encoding a task's video when it is submitted (else at the
 *     first download)
 * @param taskJournal a file where accepted tasks are kept, so a sandbox restarted on it still
 *     knows them (jimeng's built-in sandbox uses one in JIMENG_HOME); null: memory only
 * @param refusedReqKeys req_keys answered with the gateway's AccessDenied (403), as the real API
 *     answers a service tier the account has not activated
 * @param dateSkew how far the {@code Date} header of every answer is from the sandbox clock (a
 *     server whose clock is off, for clock-skew checks); zero: none
 */
public record SandboxConfig(
        int port,
        Credentials credentials,
        Clock clock,
        Duration queueDuration,
        Duration generateDuration,
        Duration taskLifetime,
        Duration videoUrlLifetime,
        Duration maxClockSkew,
        int concurrencyLimit,
        int qpsLimit,
        String rejectWord,
        String outputReviewFailureWord,
        double getResultFailureRate,
        long faultSeed,
        int dropNextRequests,
        int truncateNextDownloads,
        long truncateAfterBytes,
        Integer failNextSubmitCode,
        Path cacheDir,
        int distinctFrames,
        boolean prepareVideosOnSubmit,
        Path taskJournal,
        java.util.Set<String> refusedReqKeys,
        Duration dateSkew) {

    public SandboxConfig {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(queueDuration, "queueDuration");
        Objects.requireNonNull(generateDuration, "generateDuration");
        Objects.requireNonNull(taskLifetime, "taskLifetime");
        Objects.requireNonNull(videoUrlLifetime, "videoUrlLifetime");
        Objects.requireNonNull(maxClockSkew, "maxClockSkew");
        Objects.requireNonNull(cacheDir, "cacheDir");
        refusedReqKeys = java.util.Set.copyOf(refusedReqKeys);
        Objects.requireNonNull(dateSkew, "dateSkew");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (concurrencyLimit < 1 || qpsLimit < 1 || distinctFrames < 1) {
            throw new IllegalArgumentException("limits and distinctFrames must be at least 1");
        }
        if (getResultFailureRate < 0 || getResultFailureRate > 1) {
            throw new IllegalArgumentException("getResultFailureRate must be within 0..1");
        }
    }

    /** Defaults: ephemeral port, a fresh key pair, system clock, a 3-second job. */
    public static SandboxConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Path defaultCacheDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "jimeng-sandbox-cache");
    }

    /** A new random key pair in the shape of Volcengine's (AKLT…); not valid anywhere else. */
    public static Credentials generateCredentials() {
        SecureRandom random = new SecureRandom();
        byte[] id = new byte[12];
        byte[] secret = new byte[30];
        random.nextBytes(id);
        random.nextBytes(secret);
        return new Credentials(
                "AKLTsandbox" + HexFormat.of().formatHex(id),
                Base64.getEncoder().encodeToString(secret));
    }

    /** Fluent construction with the defaults above; every setter returns the builder. */
    public static final class Builder {
        private int port = 0;
        private Credentials credentials;
        private Clock clock = Clock.systemUTC();
        private Duration queueDuration = Duration.ofSeconds(1);
        private Duration generateDuration = Duration.ofSeconds(2);
        private Duration taskLifetime = Capabilities.TASK_LIFETIME;
        private Duration videoUrlLifetime = Capabilities.VIDEO_URL_LIFETIME;
        private Duration maxClockSkew = Duration.ofMinutes(15);
        private int concurrencyLimit = 2;
        private int qpsLimit = 10;
        private String rejectWord = "forbidden";
        private String outputReviewFailureWord = "unreviewable";
        private double getResultFailureRate = 0;
        private long faultSeed = 42;
        private int dropNextRequests = 0;
        private int truncateNextDownloads = 0;
        private long truncateAfterBytes = 0;
        private Integer failNextSubmitCode;
        private Path cacheDir = defaultCacheDir();
        private int distinctFrames = 8;
        private boolean prepareVideosOnSubmit = true;
        private Path taskJournal;
        private java.util.Set<String> refusedReqKeys = java.util.Set.of();
        private Duration dateSkew = Duration.ZERO;

        private Builder() {}

        private Builder(SandboxConfig c) {
            port = c.port;
            credentials = c.credentials;
            clock = c.clock;
            queueDuration = c.queueDuration;
            generateDuration = c.generateDuration;
            taskLifetime = c.taskLifetime;
            videoUrlLifetime = c.videoUrlLifetime;
            maxClockSkew = c.maxClockSkew;
            concurrencyLimit = c.concurrencyLimit;
            qpsLimit = c.qpsLimit;
            rejectWord = c.rejectWord;
            outputReviewFailureWord = c.outputReviewFailureWord;
            getResultFailureRate = c.getResultFailureRate;
            faultSeed = c.faultSeed;
            dropNextRequests = c.dropNextRequests;
            truncateNextDownloads = c.truncateNextDownloads;
            truncateAfterBytes = c.truncateAfterBytes;
            failNextSubmitCode = c.failNextSubmitCode;
            cacheDir = c.cacheDir;
            distinctFrames = c.distinctFrames;
            prepareVideosOnSubmit = c.prepareVideosOnSubmit;
            taskJournal = c.taskJournal;
            refusedReqKeys = c.refusedReqKeys;
            dateSkew = c.dateSkew;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder credentials(Credentials value) {
            credentials = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder queueDuration(Duration value) {
            queueDuration = value;
            return this;
        }

        public Builder generateDuration(Duration value) {
            generateDuration = value;
            return this;
        }

        public Builder taskLifetime(Duration value) {
            taskLifetime = value;
            return this;
        }

        public Builder videoUrlLifetime(Duration value) {
            videoUrlLifetime = value;
            return this;
        }

        public Builder maxClockSkew(Duration value) {
            maxClockSkew = value;
            return this;
        }

        public Builder concurrencyLimit(int value) {
            concurrencyLimit = value;
            return this;
        }

        public Builder qpsLimit(int value) {
            qpsLimit = value;
            return this;
        }

        public Builder rejectWord(String value) {
            rejectWord = value;
            return this;
        }

        public Builder outputReviewFailureWord(String value) {
            outputReviewFailureWord = value;
            return this;
        }

        public Builder getResultFailureRate(double value) {
            getResultFailureRate = value;
            return this;
        }

        public Builder faultSeed(long value) {
            faultSeed = value;
            return this;
        }

        public Builder dropNextRequests(int value) {
            dropNextRequests = value;
            return this;
        }

        public Builder truncateNextDownloads(int count, long afterBytes) {
            truncateNextDownloads = count;
            truncateAfterBytes = afterBytes;
            return this;
        }

        public Builder failNextSubmitCode(Integer value) {
            failNextSubmitCode = value;
            return this;
        }

        public Builder cacheDir(Path value) {
            cacheDir = value;
            return this;
        }

        public Builder distinctFrames(int value) {
            distinctFrames = value;
            return this;
        }

        public Builder prepareVideosOnSubmit(boolean value) {
            prepareVideosOnSubmit = value;
            return this;
        }

        public Builder taskJournal(Path value) {
            taskJournal = value;
            return this;
        }

        /** Calls with any of these req_keys are answered AccessDenied: a tier not activated. */
        public Builder refuseReqKeys(String... reqKeys) {
            refusedReqKeys = java.util.Set.of(reqKeys);
            return this;
        }

        /** The {@code Date} header of every answer runs this far from the sandbox clock. */
        public Builder dateSkew(Duration value) {
            dateSkew = value;
            return this;
        }

        public SandboxConfig build() {
            return new SandboxConfig(
                    port,
                    credentials == null ? generateCredentials() : credentials,
                    clock,
                    queueDuration,
                    generateDuration,
                    taskLifetime,
                    videoUrlLifetime,
                    maxClockSkew,
                    concurrencyLimit,
                    qpsLimit,
                    rejectWord,
                    outputReviewFailureWord,
                    getResultFailureRate,
                    faultSeed,
                    dropNextRequests,
                    truncateNextDownloads,
                    truncateAfterBytes,
                    failNextSubmitCode,
                    cacheDir,
                    distinctFrames,
                    prepareVideosOnSubmit,
                    taskJournal,
                    refusedReqKeys,
                    dateSkew);
        }
    }
}
