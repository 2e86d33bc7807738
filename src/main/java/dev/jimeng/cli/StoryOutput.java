package dev.jimeng.cli;

import dev.jimeng.app.JobService;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.story.Playlist;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

/** What a story run leaves next to its videos: the .m3u playlist and the reel page, both in shot order. */
final class StoryOutput {
    record Written(Path playlist, Path reel) {}

    private StoryOutput() {}

    static Written write(Path folder, String name, String group, List<StoryRun.Outcome> outcomes, JobService jobs)
            throws IOException {
        Files.createDirectories(folder);
        List<Playlist.Entry> entries = outcomes.stream()
                .map(o -> new Playlist.Entry(
                        o.shot().number(),
                        o.done() ? o.job().outputPath() : null,
                        o.job() == null || o.job().request().durationSeconds() == null
                                ? 0
                                : o.job().request().durationSeconds(),
                        o.shot().prompt()))
                .toList();
        Path playlist = folder.resolve(name + ".m3u");
        Path part = Files.createTempFile(folder, ".playlist-", ".part");
        try {
            Files.writeString(part, Playlist.m3u(folder, entries), StandardCharsets.UTF_8);
            Files.move(part, playlist, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
        // the reel: the gallery page of the story's jobs, one card per shot that has a job, in shot order
        List<JobSnapshot> shots = outcomes.stream()
                .map(StoryRun.Outcome::job)
                .filter(Objects::nonNull)
                .toList();
        Path reel = Pages.write(
                folder.resolve(name + "-reel.html"),
                "jimeng reel · " + name + " · group " + group,
                shots,
                Pages.Marks.of(jobs),
                jobs,
                true);
        return new Written(playlist, reel);
    }
}
