package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stars in the journal, the gallery file they show in, and a bad star sidecar. */
class CliStarTest {
    @RegisterExtension
    static final CliSandbox sandbox = CliSandbox.perClass();

    @Test
    void aStarIsKeptInTheJournalAndShownByTheGallery() throws Exception {
        Path videos = sandbox.cwd().resolve("videos");
        CliHarness jimeng = sandbox.cli().with("JIMENG_OUTPUT_DIR", videos.toString());
        CliRun made = jimeng.run("submit", "a <b>bold</b> fox", "--seed", "5");
        Matcher id = Pattern.compile("job (\\w{8}) submitted").matcher(made.stdout() + made.stderr());
        assertThat(id.find()).as(made.toString()).isTrue();
        String job = id.group(1);

        assertThat(jimeng.run("star", job).stdout()).isEqualTo(job + " starred\n");
        CliRun gallery = jimeng.run("gallery");
        assertThat(gallery.exitCode()).as(gallery.toString()).isZero();
        String html = Files.readString(videos.resolve("gallery.html"));
        assertThat(html).contains("a &lt;b&gt;bold&lt;/b&gt; fox").contains("aria-pressed=\"true\"");

        assertThat(jimeng.run("star", job, "--off").stdout()).isEqualTo(job + " unstarred\n");
        jimeng.run("gallery");
        assertThat(Files.readString(videos.resolve("gallery.html"))).doesNotContain("aria-pressed=\"true\"");

        CliRun unknown = jimeng.run("star", "zzzzzzzz");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.onlyErrorLine()).contains("no job 'zzzzzzzz'");

        Files.writeString(videos.resolve("gallery-stars.json"), "{\"stars\": {\"" + job + "\": \"yes\"}}");
        CliRun bad = jimeng.run("gallery");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.onlyErrorLine()).contains("gallery-stars.json: the star of " + job + " is not true or false");
    }
}
