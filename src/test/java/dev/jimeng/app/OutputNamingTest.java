package dev.jimeng.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputNamingTest {
    @TempDir
    Path dir;

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
