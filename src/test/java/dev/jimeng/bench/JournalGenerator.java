package dev.jimeng.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jimeng.json.Json;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.store.JobStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fills a journal with a year of finished jobs, as years of use would leave it: mostly done, some failed
 * or canceled, three modes, prompts of a few dozen words, one every few minutes. The schema comes from
 * {@link JobStore#open} (all migrations); the rows are written in one transaction, as a template row the
 * real store wrote, so every column is one the store can read back.
 */
final class JournalGenerator {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final List<String> MODES = List.of("t2v_720p", "t2v_1080p", "ti2v_pro");
    private static final List<String> WORDS = List.of(
            "a",
            "paper",
            "boat",
            "lighthouse",
            "at",
            "dusk",
            "fox",
            "snow",
            "kite",
            "beach",
            "city",
            "rain",
            "neon",
            "slow",
            "camera",
            "pan",
            "over",
            "mountains",
            "river",
            "night",
            "sunrise",
            "forest",
            "cat",
            "window");

    private JournalGenerator() {}

    /** Writes {@code jobs} finished jobs, the newest {@code newestAt}, into the journal in {@code stateDir}. */
    static Path generate(Path stateDir, int jobs, Instant newestAt, long seed) throws Exception {
        Path file;
        String requestJson;
        try (JobStore store = JobStore.open(stateDir)) {
            file = store.file();
            GenerationRequest template = new GenerationRequest(
                    Capabilities.DEFAULT_MODE,
                    "template",
                    5,
                    24,
                    Capabilities.DEFAULT_ASPECT_RATIO,
                    List.of(),
                    1L,
                    null,
                    null);
            requestJson = requestJsonOf(store, template, newestAt);
        }
        SplittableRandom random = new SplittableRandom(seed);
        Duration span = Duration.ofDays(365);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            try (PreparedStatement job = c.prepareStatement(
                            "INSERT INTO jobs (id, created_at, updated_at, mode, prompt,"
                                    + " seed, request_json, req_key, state, state_times, task_id, request_id, error_code,"
                                    + " error_message, output_path, bytes, sha256, stop_reason, estimated_cost)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 'jimeng_vgfm_t2v_l20', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement transition =
                            c.prepareStatement("INSERT INTO transitions (job_id, state, at) VALUES (?, ?, ?)")) {
                for (int i = 0; i < jobs; i++) {
                    String id = id(i);
                    long created = newestAt.minus(
                                    span.multipliedBy(jobs - 1 - i).dividedBy(Math.max(1, jobs)))
                            .toEpochMilli();
                    String mode = MODES.get(random.nextInt(MODES.size()));
                    String prompt = prompt(random, i);
                    int roll = random.nextInt(100);
                    String state = roll < 90 ? "done" : roll < 95 ? "failed" : "canceled";
                    long inQueue = created + 1_000;
                    long seen = inQueue + 30_000 + random.nextInt(150_000);
                    long done = seen + 2_000;
                    ObjectNode request = (ObjectNode) Json.MAPPER.readTree(requestJson);
                    request.put("prompt", prompt);
                    request.put("mode", mode);
                    String times =
                            switch (state) {
                                case "done" ->
                                    "{\"queued\":%d,\"submitting\":%d,\"in_queue\":%d,\"downloading\":%d,\"done\":%d}"
                                            .formatted(created, created + 500, inQueue, seen, done);
                                case "failed" ->
                                    "{\"queued\":%d,\"submitting\":%d,\"in_queue\":%d,\"failed\":%d}"
                                            .formatted(created, created + 500, inQueue, seen);
                                default -> "{\"queued\":%d,\"canceled\":%d}".formatted(created, created + 800);
                            };
                    boolean accepted = !state.equals("canceled");
                    job.setString(1, id);
                    job.setLong(2, created);
                    job.setLong(3, done);
                    job.setString(4, mode);
                    job.setString(5, prompt);
                    job.setLong(6, i);
                    job.setString(7, Json.MAPPER.writeValueAsString(request));
                    job.setString(8, state);
                    job.setString(9, times);
                    job.setString(10, accepted ? "task" + i : null);
                    job.setString(11, accepted ? "req" + i : null);
                    job.setString(12, state.equals("failed") ? "50500" : null);
                    job.setString(13, state.equals("failed") ? "internal error at the server" : null);
                    job.setString(14, state.equals("done") ? "/videos/" + id + ".mp4" : null);
                    job.setLong(15, state.equals("done") ? 2_500_000 : -1);
                    job.setString(16, state.equals("done") ? "%064x".formatted(i) : null);
                    job.setString(17, state.equals("failed") ? "task_failed" : null);
                    job.setDouble(18, 1.4);
                    job.addBatch();
                    for (var entry : Json.MAPPER.readTree(times).properties()) {
                        transition.setString(1, id);
                        transition.setString(2, entry.getKey());
                        transition.setLong(3, entry.getValue().asLong());
                        transition.addBatch();
                    }
                    if (i % 5_000 == 4_999) {
                        job.executeBatch();
                        transition.executeBatch();
                    }
                }
                job.executeBatch();
                transition.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
        return file;
    }

    /** The request JSON the store writes for {@code request} (the template row is removed again). */
    private static String requestJsonOf(JobStore store, GenerationRequest request, Instant now) throws Exception {
        String id = store.create(request, null, now, "generator", now.plusSeconds(60))
                .id();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.file());
                Statement s = c.createStatement()) {
            String json;
            try (ResultSet rs = s.executeQuery("SELECT request_json FROM jobs WHERE id = '" + id + "'")) {
                rs.next();
                json = rs.getString(1);
            }
            s.executeUpdate("DELETE FROM transitions WHERE job_id = '" + id + "'");
            s.executeUpdate("DELETE FROM jobs WHERE id = '" + id + "'");
            return json;
        }
    }

    /** A distinct job id for each index: 8 base32 characters, as the store makes them. */
    static String id(int i) {
        long mixed = (i * 0x9E3779B97F4A7C15L) >>> 24; // spread the ids so prefixes look random
        char[] id = new char[8];
        for (int k = 0; k < 8; k++) {
            id[k] = ALPHABET.charAt((int) ((mixed >>> (5 * k)) & 31));
        }
        return new String(id);
    }

    private static String prompt(SplittableRandom random, int i) {
        StringBuilder prompt = new StringBuilder("job ").append(i).append(':');
        int words = 12 + random.nextInt(30);
        for (int w = 0; w < words; w++) {
            prompt.append(' ').append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return prompt.toString();
    }
}
