package dev.jimeng.metadata;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.store.JobRecord;
import dev.jimeng.store.JobState;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Listens to the engine and writes each video's sidecar once its job is done. A sidecar that
 * cannot be written (a read-only folder, a full disk) costs the video nothing: the journal keeps
 * the same facts. A job is DONE before its video's SHA-256 is journaled (the hash is kept off the
 * critical path), so the sidecar is written again once the hash is known.
 */
public final class SidecarWriter implements Consumer<JobSnapshot> {
    private final Function<String, Optional<JobRecord>> journal;
    private final boolean sandbox;
    private final String profile;
    private final String version;
    /** Per job, the SHA-256 its sidecar was written with ("" while the hash is not known yet). */
    private final Map<String, String> written = new ConcurrentHashMap<>();

    public SidecarWriter(
            Function<String, Optional<JobRecord>> journal, boolean sandbox, String profile, String version) {
        this.journal = journal;
        this.sandbox = sandbox;
        this.profile = profile;
        this.version = version;
    }

    @Override
    public void accept(JobSnapshot snapshot) {
        if (snapshot.state() != JobState.DONE || snapshot.outputPath() == null) {
            return;
        }
        journal.apply(snapshot.id()).filter(j -> j.outputPath() != null).ifPresent(job -> {
            String sha256 = job.sha256() == null ? "" : job.sha256();
            if (sha256.equals(written.put(job.id(), sha256))) {
                return;
            }
            try {
                VideoSidecar.write(job, sandbox, profile, version);
            } catch (IOException | RuntimeException e) {
                // best effort, see above
            }
        });
    }
}
