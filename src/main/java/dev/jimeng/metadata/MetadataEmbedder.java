package dev.jimeng.metadata;

import dev.jimeng.job.VideoFinisher;
import dev.jimeng.json.Json;
import dev.jimeng.store.JobRecord;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes each verified video's metadata into the MP4 before its job is done (the setting {@code
 * embed-metadata}), so the journal's size and SHA-256 are those of the file with it. The copy
 * inside is the sidecar's document as it stands then: it cannot hold the file's own size and
 * SHA-256, nor the time the job was done; the sidecar has them.
 */
public final class MetadataEmbedder implements VideoFinisher {
    private final boolean sandbox;
    private final String profile;
    private final String version;

    public MetadataEmbedder(boolean sandbox, String profile, String version) {
        this.sandbox = sandbox;
        this.profile = profile;
        this.version = version;
    }

    @Override
    public boolean finish(JobRecord job, Path video) throws IOException {
        String json = Json.MAPPER.writeValueAsString(VideoSidecar.document(job, sandbox, profile, version));
        EmbeddedMetadata.write(video, json);
        return true;
    }
}
