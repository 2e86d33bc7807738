package dev.jimeng.gallery;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.view.Billing;
import dev.jimeng.view.JobGuide;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What one card of the page shows about a job, as plain (unescaped) text.
 *
 * @param video the video's address relative to the page, or null when no file is on disk
 * @param command the {@code jimeng generate …} line that makes the same request again
 * @param group the set (made as one) the job belongs to, or null
 * @param picked true when the user picked it as its set's winner
 */
public record GalleryCard(
        String id,
        String prompt,
        String mode,
        String duration,
        String seed,
        String cost,
        String state,
        String date,
        String video,
        String command,
        boolean starred,
        String group,
        boolean picked) {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * The card of {@code job} on a page written into {@code pageDirectory}; {@code invocation} reaches the
     * job (its remake line starts with it).
     */
    public static GalleryCard of(
            JobSnapshot job,
            boolean starred,
            String group,
            boolean picked,
            Path pageDirectory,
            ZoneId zone,
            dev.jimeng.config.Invocation invocation) {
        GenerationRequest r = job.request();
        return new GalleryCard(
                job.id(),
                r.prompt() == null ? "" : r.prompt(),
                r.mode() == null ? "" : r.mode(),
                r.durationSeconds() == null ? "" : r.durationSeconds() + " s",
                r.randomSeed() ? "random" : r.seed().toString(),
                job.estimatedCostCny() == null ? "unknown" : Billing.cost(job.estimatedCostCny(), invocation.sandbox()),
                job.state().label(),
                DATE.format(job.createdAt().atZone(zone)),
                videoAddress(job.outputPath(), pageDirectory),
                JobGuide.remake(r, invocation),
                starred,
                group,
                picked);
    }

    /** A relative, percent-encoded address when the video is under the page's folder, else a file URI. */
    static String videoAddress(Path video, Path pageDirectory) {
        if (video == null || !Files.isRegularFile(video)) {
            return null;
        }
        Path absolute = video.toAbsolutePath().normalize();
        Path base = pageDirectory.toAbsolutePath().normalize();
        if (!absolute.startsWith(base)) {
            return absolute.toUri().toASCIIString();
        }
        String relative = base.relativize(absolute).toString().replace(java.io.File.separatorChar, '/');
        try {
            // "./" keeps a name with a colon from reading as a scheme
            return "./" + new URI(null, null, relative, null).toASCIIString();
        } catch (URISyntaxException e) {
            return absolute.toUri().toASCIIString();
        }
    }
}
