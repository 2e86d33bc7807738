package dev.jimeng.job;

import dev.jimeng.store.JobRecord;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Work on a verified video in place before its job is done, such as writing the job's metadata
 * into it. What it leaves is the file the journal records: its size is taken and its SHA-256
 * computed after this ran. A finisher that fails must leave the file as it was; the job is done all
 * the same, since the video itself is good.
 */
@FunctionalInterface
public interface VideoFinisher {
    /** Leaves every video as downloaded. */
    VideoFinisher NONE = (job, video) -> false;

    /**
     * Finishes {@code video}, the verified download of {@code job}; returns true when it changed the file.
     */
    boolean finish(JobRecord job, Path video) throws IOException;
}
