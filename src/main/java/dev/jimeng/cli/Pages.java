package dev.jimeng.cli;

import dev.jimeng.gallery.GalleryCard;
import dev.jimeng.gallery.GalleryPage;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.text.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Writes a gallery page (the gallery, a contact sheet) and opens it in a browser. */
final class Pages {
    /** What the user marked: starred ids, job id to group id, picked ids. */
    record Marks(Set<String> starred, Map<String, String> groups, Set<String> picked) {
        static Marks of(dev.jimeng.app.JobService jobs) {
            return new Marks(jobs.starred(), jobs.groups(), jobs.picked());
        }
    }

    private Pages() {}

    /**
     * Writes the page whole or not at all (a browser never sees half a page); returns its path.
     *
     * @param marks the user's marks of the jobs: stars, groups and picks
     * @param service the jobs' service: its clock dates the cards, its invocation starts their remake lines
     * @param reel a story's jobs in shot order, whose videos play one after another
     */
    static Path write(
            Path file,
            String title,
            List<JobSnapshot> jobs,
            Marks marks,
            dev.jimeng.app.JobService service,
            boolean reel)
            throws IOException {
        Clock clock = service.clock();
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        List<GalleryCard> cards = jobs.stream()
                .map(j -> GalleryCard.of(
                        j,
                        marks.starred().contains(j.id()),
                        marks.groups().get(j.id()),
                        marks.picked().contains(j.id()),
                        folder,
                        clock.getZone(),
                        service.invocation()))
                .toList();
        String html = GalleryPage.render(title, file.getFileName().toString(), cards, clock.instant(), reel);
        Path part = Files.createTempFile(folder, ".gallery-", ".part");
        try {
            Files.writeString(part, html, StandardCharsets.UTF_8);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
        return file;
    }

    /** A group's jobs, oldest first, or a one-line error when there is no such group. */
    static List<JobSnapshot> groupMembers(dev.jimeng.app.JobService jobs, String group) {
        List<JobSnapshot> members = jobs.members(group.strip().toLowerCase(Locale.ROOT));
        if (members.isEmpty()) {
            throw new dev.jimeng.app.UserError(
                    dev.jimeng.app.ExitCode.BAD_INPUT,
                    "no group '" + TerminalText.safe(group)
                            + "': 'jobs' shows each job's group, as do a set's contact sheet name (group-ID.html)"
                            + " and what pick says");
        }
        return members;
    }

    /** The contact sheet of a set made as one: the gallery page of its jobs only, group-G.html. */
    static Path contactSheet(Path folder, List<JobSnapshot> members, dev.jimeng.app.JobService jobs)
            throws IOException {
        Marks marks = Marks.of(jobs);
        String group = marks.groups().get(members.getFirst().id());
        return write(
                folder.resolve("group-" + group + ".html"),
                "jimeng contact sheet · group " + group,
                members,
                marks,
                jobs,
                false);
    }

    /** Hands the page to the desktop's opener; says so in one line when there is none. */
    static void open(Path page, PrintWriter err) {
        String missing = DesktopOpener.open(page);
        if (missing != null) {
            Tell.line(err, "cannot open a browser (" + missing + " not found): open " + page.toUri() + " yourself");
        }
    }
}
