package dev.jimeng.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.jimeng.json.Json;
import dev.jimeng.request.GenerationRequest;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How a {@link JobRecord} lies in a row of the {@code jobs} table: the columns to select, a row read
 * back into a record, and the JSON of the request and of the state times.
 */
final class JobRows {
    /** Every column {@link #read} needs, for {@code SELECT}. */
    static final String COLUMNS = "id, created_at, updated_at, mode, prompt, seed, request_json, req_key,"
            + " state, state_times, task_id, request_id, stop_reason, error_code, error_message, output_path, bytes,"
            + " sha256, submit_attempts, download_attempts, retry_of, lease_owner, lease_expires_at, estimated_cost";

    private static final TypeReference<Map<String, Long>> TIMES = new TypeReference<>() {};

    private JobRows() {}

    /** Runs a {@code SELECT} of {@link #COLUMNS} and reads every row it returns. */
    static List<JobRecord> readAll(PreparedStatement ps) throws SQLException {
        List<JobRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    private static JobRecord read(ResultSet rs) throws SQLException {
        Map<JobState, Instant> times = new EnumMap<>(JobState.class);
        fromJson(rs.getString("state_times"), TIMES)
                .forEach((label, ms) -> times.put(JobState.fromLabel(label), Instant.ofEpochMilli(ms)));
        String output = rs.getString("output_path");
        long leaseExpires = rs.getLong("lease_expires_at");
        boolean noLease = rs.wasNull();
        long seed = rs.getLong("seed");
        boolean noSeed = rs.wasNull();
        double cost = rs.getDouble("estimated_cost");
        boolean noCost = rs.wasNull();
        return new JobRecord(
                rs.getString("id"),
                fromJson(rs.getString("request_json"), new TypeReference<GenerationRequest>() {}),
                rs.getString("mode"),
                rs.getString("prompt"),
                noSeed ? null : seed,
                rs.getString("req_key"),
                JobState.fromLabel(rs.getString("state")),
                rs.getString("task_id"),
                rs.getString("request_id"),
                StopReason.fromLabel(rs.getString("stop_reason")),
                rs.getString("error_code"),
                rs.getString("error_message"),
                output == null ? null : Path.of(output),
                rs.getLong("bytes"),
                rs.getString("sha256"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                times,
                rs.getInt("submit_attempts"),
                rs.getInt("download_attempts"),
                rs.getString("retry_of"),
                rs.getString("lease_owner"),
                noLease ? null : Instant.ofEpochMilli(leaseExpires),
                noCost ? null : cost);
    }

    /** Binds a nullable number: null as SQL NULL. */
    static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    static String toJson(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write job data as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T fromJson(String json, TypeReference<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable job data in the journal: " + e.getOriginalMessage(), e);
        }
    }
}
