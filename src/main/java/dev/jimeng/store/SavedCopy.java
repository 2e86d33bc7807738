package dev.jimeng.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A copy of a done job's video saved by a later download (a fresh link, another folder). The job's
 * own record keeps its first file and history; each copy is one of these beside it.
 */
public record SavedCopy(Path path, long bytes, Instant savedAt) {}
