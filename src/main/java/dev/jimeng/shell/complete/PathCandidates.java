package dev.jimeng.shell.complete;

import dev.jimeng.cli.complete.ValueKind;
import dev.jimeng.config.JimengPaths;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.jline.reader.Candidate;

/**
 * Local paths for a partly typed path: the folder part as typed ({@code ~/}, relative or absolute) is
 * kept, the last part is matched against the folder's entries. Folders are offered without a trailing
 * space so the user can go on typing; files only if {@code fileFilter} accepts them. Hidden entries are
 * offered only when the typed name starts with a dot.
 */
final class PathCandidates {

    private final Path home;
    private final Path cwd;

    PathCandidates(Path home, Path cwd) {
        this.home = home;
        this.cwd = cwd;
    }

    /**
     * @param wordPrefix text that stays in front of the path in the same word ({@code --image=}) or ""
     */
    List<Candidate> complete(String typed, String wordPrefix, Predicate<Path> fileFilter) {
        if (typed.equals("~")) {
            return List.of(folder(wordPrefix + "~/", "~/"));
        }
        int slash = typed.lastIndexOf('/');
        String folderPart = typed.substring(0, slash + 1);
        String namePart = typed.substring(slash + 1);
        Path folder = folderOf(folderPart);
        List<Candidate> candidates = new ArrayList<>();
        if (!Files.isDirectory(folder)) return candidates;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(namePart)) continue;
                if (name.startsWith(".") && !namePart.startsWith(".")) continue;
                if (Files.isDirectory(entry)) {
                    candidates.add(folder(wordPrefix + folderPart + name + "/", name + "/"));
                } else if (fileFilter.test(entry)) {
                    candidates.add(
                            new Candidate(wordPrefix + folderPart + name, name, "files", null, null, null, true));
                }
            }
        } catch (IOException | SecurityException e) {
            return List.of(); // an unreadable folder offers nothing, like a shell does
        }
        candidates.sort(java.util.Comparator.comparing(Candidate::value));
        return candidates;
    }

    private Path folderOf(String folderPart) {
        if (folderPart.isEmpty()) return cwd;
        return JimengPaths.expand(folderPart, home, cwd); // an absolute folderPart replaces cwd
    }

    private static Candidate folder(String value, String display) {
        return new Candidate(value, display, "folders", null, null, null, false);
    }

    /** The files of {@code kind} ({@link ValueKind#fileExtensions}, any case); none for a folder. */
    static Predicate<Path> filesOf(ValueKind kind) {
        List<String> endings = kind.fileExtensions().stream().map(e -> "." + e).toList();
        return p -> {
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            for (String e : endings) if (name.endsWith(e)) return true;
            return false;
        };
    }
}
