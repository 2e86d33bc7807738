package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.config.PrivateFiles;
import dev.jimeng.doctor.Doctor;
import dev.jimeng.doctor.DoctorReport;
import dev.jimeng.doctor.SupportBundle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jimeng doctor}: every check of the environment, one line each with its fix; --report bundles it. */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  jimeng doctor", "  jimeng doctor --json", "  jimeng doctor --report support.txt"},
        description = {
            "Check Java, the terminal, credentials and file permissions, the endpoint (reachability, latency,"
                    + " proxy, clock), each service tier, the journal, the output folder, and run one sandbox job"
                    + " (never billed). Exits 0 when nothing is a problem.",
            "With --sandbox, the built-in sandbox is the endpoint."
        })
public final class DoctorCommand extends BaseCommand {
    private static final DateTimeFormatter REPORT_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Option(
            names = "--report",
            arity = "0..1",
            fallbackValue = "",
            paramLabel = "FILE",
            description = "Also write a redacted bundle for a bug report (settings and their sources, this output,"
                    + " the last 200 log lines, versions) to FILE (default: jimeng-report-DATE.txt here).")
    String report;

    @Override
    protected ExitCode doCall() {
        Path bundle = report == null ? null : reportFile(); // a bad FILE is told before the checks run
        DoctorReport result = new Doctor(app()).run();
        out().print(json ? result.json() : result.text());
        out().flush();
        if (bundle != null) {
            Path file = writeBundle(bundle, result);
            tell("report written to " + file + " (redacted: no keys, signatures or URL tokens)");
            err().flush();
        }
        return result.exitCode();
    }

    /** Where the bundle goes: FILE, or a dated name in FILE when it is a folder (or here). */
    private Path reportFile() {
        String name =
                "jimeng-report-" + REPORT_NAME.format(app().clock().instant().atZone(ZoneId.systemDefault())) + ".txt";
        Path given = report.isBlank()
                ? app().env().workingDirectory()
                : app().paths().userPath(report);
        // a folder gets the report inside it; deleting it to write a file in its place would lose it
        Path file = Files.isDirectory(given) ? given.resolve(name) : given;
        Path folder = file.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "cannot write the report " + file + ": there is no folder " + folder + "; give another FILE");
        }
        return file;
    }

    private Path writeBundle(Path file, DoctorReport result) {
        List<String> versions = List.of(new VersionProvider().getVersion());
        try {
            Files.deleteIfExists(file);
            PrivateFiles.createFile(file);
            Files.writeString(file, SupportBundle.text(app(), versions, result), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "cannot write the report " + file + ": " + e.getMessage() + "; give another FILE");
        }
    }
}
