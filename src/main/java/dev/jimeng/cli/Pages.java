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
import java.util.Set;
import java.util.function.Function;

/** Writes a gallery page (the gallery, a contact sheet) and opens it in a browser. */
final class Pages {
    private Pages() {}

    /** Writes the page whole or not at all (a browser never sees half a page); returns its path. */
    static Path write(
            Path file, String title, List<JobSnapshot> jobs, Set<String> starred, Clock clock, boolean sandbox)
            throws IOException {
        return write(file, title, jobs, starred, job -> null, clock, sandbox);
    }

    static Path write(
            Path file,
            String title,
            List<JobSnapshot> jobs,
            Set<String> starred,
            Function<JobSnapshot, String> groupOf,
            Clock clock,
            boolean sandbox)
            throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        List<GalleryCard> cards = jobs.stream()
                .map(j ->
                        GalleryCard.of(j, starred.contains(j.id()), groupOf.apply(j), folder, clock.getZone(), sandbox))
                .toList();
        String html = GalleryPage.render(title, file.getFileName().toString(), cards, clock.instant());
        Path part = Files.createTempFile(folder, ".gallery-", ".part");
        try {
            Files.writeString(part, html, StandardCharsets.UTF_8);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
        return file;
    }

    /** Hands the page to the desktop's opener; says so in one line when there is none. */
    static void open(Path page, PrintWriter err) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("mac")
                ? List.of("open", page.toString())
                : os.contains("win")
                        ? List.of("rundll32", "url.dll,FileProtocolHandler", page.toString())
                        : List.of("xdg-open", page.toString());
        try {
            new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            err.println("jimeng: cannot open a browser (" + command.getFirst() + " not found): open "
                    + TerminalText.safe(page.toUri().toString()) + " yourself");
        }
    }
}
