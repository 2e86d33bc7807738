package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.gallery.GalleryPage;
import dev.jimeng.gallery.StarSidecar;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.text.TerminalText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** An offline HTML page of the journal's jobs, next to the videos. */
@Command(
        name = "gallery",
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  jimeng gallery --open", "  jimeng gallery --search fox --status done"},
        description = "Write gallery.html next to the videos: every job as a card that plays on hover,"
                + " with its command, a star and a filter. Reads stars saved from the page back first.")
public final class GalleryCommand extends BaseCommand {
    static final String FILE_NAME = "gallery.html";

    @Mixin
    JobFilterOptions filter;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N jobs (default 1000).")
    int limit;

    @Option(names = "--open", description = "Open the page in the default browser.")
    boolean open;

    @Option(
            names = "--group",
            paramLabel = "G",
            description = "Only the set made as group G: its contact sheet, group-G.html.")
    String group;

    @Override
    protected ExitCode doCall() throws IOException {
        requireAtLeastOne("--limit", limit);
        Path folder = app().outputDirectory();
        importStars(folder.resolve(GalleryPage.STARS_FILE));
        Path page;
        int count;
        if (group != null) {
            var members = Pages.groupMembers(jobs(), group);
            page = Pages.contactSheet(folder, members, jobs());
            count = members.size();
        } else {
            var jobs = jobs().list(filter.query(limit));
            page = Pages.write(
                    folder.resolve(FILE_NAME),
                    jobs().sandbox() ? "jimeng gallery (sandbox)" : "jimeng gallery",
                    jobs,
                    Pages.Marks.of(jobs()),
                    jobs(),
                    false);
            count = jobs.size();
        }
        out().println("wrote " + TerminalText.safe(page.toString()) + " (" + dev.jimeng.text.Words.count(count, "job")
                + ")");
        if (open) {
            Pages.open(page, err());
        }
        return ExitCode.OK;
    }

    /** Stars saved from the page into the journal; the file is removed once they are in. */
    private void importStars(Path sidecar) throws IOException {
        if (!Files.isRegularFile(sidecar)) {
            return;
        }
        Map<String, Boolean> stars;
        try {
            stars = StarSidecar.read(sidecar);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.BAD_INPUT, TerminalText.safe(e.getMessage()));
        }
        int applied = 0;
        int unknown = 0;
        for (var star : stars.entrySet()) {
            JobSnapshot job = exactly(star.getKey());
            if (job == null) {
                unknown++;
                continue;
            }
            jobs().star(job.id(), star.getValue());
            applied++;
        }
        Files.delete(sidecar);
        tell("read " + applied + " stars from " + GalleryPage.STARS_FILE + " into the journal"
                + (unknown > 0 ? " (" + unknown + " unknown job ids skipped)" : "") + "; the file is removed");
    }

    private JobSnapshot exactly(String id) {
        try {
            return jobs().find(id).filter(j -> j.id().equals(id)).orElse(null);
        } catch (IllegalArgumentException e) {
            return null; // not an id at all
        }
    }
}
