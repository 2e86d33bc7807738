package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Where {@code doctor --report FILE} writes its bundle, when FILE is a folder or cannot be made. */
class CliDoctorReportTest {
    @RegisterExtension
    static final CliSandbox sandbox = CliSandbox.perClass();

    @Test
    void aFolderGetsTheReportInsideItAndStaysAFolder() throws Exception {
        Path folder = Files.createDirectories(sandbox.cwd().resolve("reports"));

        CliRun run = sandbox.jimeng().run("doctor", "--report", "reports");

        assertThat(Files.isDirectory(folder)).as(run.toString()).isTrue();
        List<Path> written;
        try (Stream<Path> files = Files.list(folder)) {
            written = files.toList();
        }
        assertThat(written).singleElement().satisfies(p -> assertThat(
                        p.getFileName().toString())
                .startsWith("jimeng-report-")
                .endsWith(".txt"));
        assertThat(run.stderr()).contains("report written to " + written.getFirst());
    }

    @Test
    void aFileInAFolderThatIsNotThereIsToldAsTheMissingFolder() {
        CliRun run = sandbox.jimeng().run("doctor", "--report", "gone/report.txt");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderrLines().getLast())
                .isEqualTo("jimeng: cannot write the report " + sandbox.cwd().resolve("gone/report.txt")
                        + ": there is no folder " + sandbox.cwd().resolve("gone") + "; give another FILE");
        assertThat(run.stdout())
                .as("told before the checks, whose self-test makes a video")
                .isEmpty();
    }
}
