package dev.jimeng.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputNamingTest {
    @TempDir
    Path dir;

    @Test
    void slugLeavesOutTerminalEscapeSequencesWhole() {
        // text pasted from a coloured terminal: the sequences' letters and digits are not words
        assertThat(OutputNaming.slug("a \u001b[1;31mred\u001b[0m fox")).isEqualTo("a-red-fox");
        assertThat(OutputNaming.slug("\u001b]8;;https://x.example/\u0007link\u001b]8;;\u001b\\ text"))
                .isEqualTo("link-text");
        assertThat(OutputNaming.slug("a \u009b31mred fox")).isEqualTo("a-red-fox");
        assertThat(OutputNaming.slug("cut off \u001b[31")).isEqualTo("cut-off");
    }

    @Test
    void slugKeepsLettersOfAnyScriptAndCollapsesTheRest() {
        assertThat(OutputNaming.slug("A Golden Retriever,  running!")).isEqualTo("a-golden-retriever-running");
        assertThat(OutputNaming.slug("千军万马 奔腾")).isEqualTo("千军万马-奔腾");
        assertThat(OutputNaming.slug("  ...  ")).isEmpty();
        assertThat(OutputNaming.slug("x".repeat(100))).hasSize(48);
    }

    @Test
    void defaultNameNeverOverwritesAnExistingVideoOrDownload() throws Exception {
        Path first = OutputNaming.uniquePath(dir, "123", "a cat");
        assertThat(first.getFileName().toString()).isEqualTo("123-a-cat.mp4");
        Files.writeString(first, "x");
        Path second = OutputNaming.uniquePath(dir, "123", "a cat");
        assertThat(second.getFileName().toString()).isEqualTo("123-a-cat-2.mp4");
        Files.writeString(dir.resolve("123-a-cat-2.mp4.part"), "x");
        assertThat(OutputNaming.uniquePath(dir, "123", "a cat").getFileName().toString())
                .isEqualTo("123-a-cat-3.mp4");
    }

    /** Task ids a hostile or broken server might answer. */
    static final List<String> HOSTILE_TASK_IDS = List.of(
            "../../x",
            "../../../../../../tmp/evil",
            "a/b/c",
            "/etc/passwd",
            "\\..\\..\\win",
            "C:\\Windows\\x",
            "..",
            ".",
            "",
            "id\u0000nul",
            "line1\nline2\r",
            "\u001b]0;pwned\u0007\u001b[2J\u001b[31mred",
            "x".repeat(500),
            "9".repeat(19) + "/" + "../".repeat(100),
            "тест-任务-☃",
            "-rf");

    @Test
    void hostileTaskIdsBecomeOneSafeFileNameInsideTheFolder() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        for (String id : HOSTILE_TASK_IDS) {
            Path path = OutputNaming.uniquePath(out, id, "a cat");
            String name = path.getFileName().toString();
            assertThat(path.getParent()).as(id).isEqualTo(out);
            assertThat(path.normalize()).as(id).isEqualTo(path);
            assertThat(name).as(id).matches("[A-Za-z0-9_][A-Za-z0-9_-]*-a-cat\\.mp4");
            assertThat(name.length()).as(id).isLessThanOrEqualTo(OutputNaming.TASK_ID_MAX + 12);
        }
        try (var listing = Files.list(dir)) {
            assertThat(listing).as("no folders made on the way").containsExactly(out);
        }
        try (var listing = Files.list(out)) {
            assertThat(listing).isEmpty();
        }
        assertThat(OutputNaming.safeTaskId("7392616336519610409")).isEqualTo("7392616336519610409");
        assertThat(OutputNaming.safeTaskId("../../x")).isEqualTo("x");
        assertThat(OutputNaming.safeTaskId("a/b")).isEqualTo("a-b");
        assertThat(OutputNaming.safeTaskId("")).isEqualTo("task");
        assertThat(OutputNaming.safeTaskId("-rf")).isEqualTo("rf");
    }

    @Test
    void anExistingOutputFileIsRefusedBeforeAnythingIsSent() throws Exception {
        Files.writeString(dir.resolve("taken.mp4"), "x");
        assertThatThrownBy(() -> OutputTarget.resolve(Path.of("taken.mp4"), dir, dir))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> OutputTarget.resolve(Path.of("clip.mov"), dir, dir))
                .hasMessageContaining(".mp4");
        assertThat(OutputTarget.resolve(Path.of("clip.mp4"), dir, dir).file()).isEqualTo(dir.resolve("clip.mp4"));
        assertThat(OutputTarget.resolve(Path.of("."), dir, dir).directory()).isEqualTo(dir);
    }

    @Test
    void aSecondCopyOfAnExistingVideoGetsTheNextNumber() throws Exception {
        Files.writeString(dir.resolve("clip.mp4"), "x");
        assertThat(OutputNaming.uniqueSibling(dir.resolve("clip.mp4"))).isEqualTo(dir.resolve("clip-2.mp4"));
        Files.writeString(dir.resolve("clip-2.mp4"), "x");
        assertThat(OutputNaming.uniqueSibling(dir.resolve("clip-2.mp4"))).isEqualTo(dir.resolve("clip-3.mp4"));
    }
}
