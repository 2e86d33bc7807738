package dev.jimeng.metadata;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.store.JobRecord;
import dev.jimeng.store.JobState;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Listens to the engine and writes each video's sidecar once its job is done. A sidecar that
 * cannot be written (a read-only folder, a full disk) costs the video nothing: the journal keeps
 * the same facts.
 */
public final class SidecarWriter implements Consumer<JobSnapshot> {
    private final Function<String, Optional<JobRecord>> journal;
    private final boolean sandbox;
    private final String version;
    private final Set<String> written = ConcurrentHashMap.newKeySet();

    public SidecarWriter(Function<String, Optional<JobRecord>> journal, boolean sandbox, String version) {
        this.journal = journal;
        this.sandbox = sandbox;
        this.version = version;
    }

    @Override
    public void accept(JobSnapshot snapshot) {
        if (snapshot.state() != JobState.DONE || snapshot.outputPath() == null || !written.add(snapshot.id())) {
            return;
        }
        journal.apply(snapshot.id()).filter(j -> j.outputPath() != null).ifPresent(job -> {
            try {
                VideoSidecar.write(job, sandbox, version);
            } catch (IOException | RuntimeException e) {
                // best effort, see above
            }
        });
    }
}
