package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jimeng.cli.complete.CompletionScript;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the build writes for the archives: the four completion scripts and a man page man renders cleanly. */
class DocsTest {
    @TempDir
    Path target;

    @Test
    void writesTheScriptsAndAManPageThatRendersWithoutWarnings() throws Exception {
        Docs.main(new String[] {target.toString()});

        for (CompletionScript script : CompletionScript.values()) {
            assertThat(target.resolve("completions").resolve(script.fileName())).isNotEmptyFile();
        }
        Path page = target.resolve("man/jimeng.1");
        String roff = Files.readString(page);
        assertThat(roff).startsWith(".TH JIMENG 1").contains(".SS generate, g", ".SH EXIT STATUS", "JIMENG_OUTPUT_DIR");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/man")), "man is not installed");
        Process man = new ProcessBuilder("man", "--warnings", "-l", page.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(false)
                .start();
        man.getOutputStream().close();
        String warnings = new String(man.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(man.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(man.exitValue()).isZero();
        assertThat(warnings).isEmpty();
    }
}
