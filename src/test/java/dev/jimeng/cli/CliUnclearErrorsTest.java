package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.api.ApiException;
import dev.jimeng.api.ErrorCatalog;
import dev.jimeng.app.ExitCode;
import dev.jimeng.store.JobStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * What used to be exit 1 "internal error" with no advice: each is now one line that names the
 * problem and the fix, with its own exit code, and nothing is sent.
 */
@Timeout(60)
class CliUnclearErrorsTest {
    @RegisterExtension
    static final CliSandbox sandbox = CliSandbox.perClass();

    @Test
    void aDamagedJournalIsNamedKeptAndMovedAsideToStartAfresh() throws Exception {
        Path journal = sandbox.home().resolve(JobStore.FILE_NAME);
        byte[] garbage = "this is not a database, just some garbage over jobs.db "
                .repeat(100)
                .getBytes();
        Files.write(journal, garbage);
        int submits = sandbox.server().submitCount();

        CliRun run = sandbox.cli().run("generate", "a cat");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.JOURNAL_DAMAGED.code());
        String line = run.onlyErrorLine();
        assertThat(line)
                .contains(journal.toString())
                .contains("damaged")
                .contains("mv " + journal + " " + journal + ".damaged")
                .contains("nothing was sent")
                .doesNotContain("internal error");
        assertThat(Files.readAllBytes(journal))
                .as("the damaged file is kept as it was")
                .isEqualTo(garbage);
        assertThat(sandbox.server().submitCount()).isEqualTo(submits);

        // the advice works: moved aside, a fresh journal starts and the old file is still there
        Files.move(journal, journal.resolveSibling(JobStore.FILE_NAME + ".damaged"));
        CliRun fresh = sandbox.cli().run("jobs");
        assertThat(fresh.exitCode()).as(fresh.toString()).isZero();
        assertThat(journal.resolveSibling(JobStore.FILE_NAME + ".damaged")).exists();
    }

    @Test
    void aJimengHomeThatCannotBeWrittenIsNamedWithTheFix() throws Exception {
        Path notAFolder = Files.writeString(sandbox.home().resolve("a-file"), "not a folder");
        int submits = sandbox.server().submitCount();

        CliRun run = sandbox.cli()
                .with("JIMENG_HOME", notAFolder.resolve("jimeng").toString())
                .run("generate", "a cat");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.NO_ROOM.code());
        assertThat(run.onlyErrorLine())
                .contains("cannot be written")
                .contains("JIMENG_HOME")
                .contains("nothing was sent")
                .doesNotContain("internal error");
        assertThat(sandbox.server().submitCount()).isEqualTo(submits);
    }

    @Test
    void aBatchOnStdinThatIsNotUtf8IsRefusedWithTheFix() {
        byte[] gbk = "一只猫在雪中奔跑\n".getBytes(Charset.forName("GBK"));
        int submits = sandbox.server().submitCount();

        CliRun run = sandbox.cli().piping(gbk).run("batch", "-", "--yes");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(run.onlyErrorLine()).contains("not UTF-8").contains("nothing was submitted");
        assertThat(sandbox.server().submitCount()).isEqualTo(submits);
    }

    @Test
    void aBatchFileThatIsNotUtf8IsRefusedWithTheFix() throws Exception {
        Files.write(sandbox.cwd().resolve("jobs.txt"), "一只猫在雪中奔跑\n".getBytes(Charset.forName("GBK")));

        CliRun run = sandbox.cli().run("batch", "jobs.txt", "--yes");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(run.onlyErrorLine()).contains("jobs.txt is not UTF-8").contains("nothing was submitted");
    }

    @Test
    void runningOutOfMemoryIsItsOwnExitCodeAndNeverCheckTheNetwork() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(CommandLine.Model.CommandSpec.create());
        cl.setErr(new PrintWriter(err));

        int code = new ErrorHandler(() -> false, ex -> {})
                .handleExecutionException(new ApiException(ErrorCatalog.outOfMemory(false)), cl, null);

        assertThat(code).isEqualTo(ExitCode.OUT_OF_MEMORY.code());
        assertThat(err.toString()).contains("out of memory").doesNotContain("check the network");
    }
}
