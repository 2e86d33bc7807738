package dev.jimeng.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jimeng.mode.Capabilities;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputCheckTest {
    @TempDir
    Path dir;

    @Test
    void aFolderWithoutRoomForTheVideoIsRefusedWithBothSizes() {
        long needed =
                Capabilities.expectedVideoBytes(Capabilities.mode("t2v_1080p").orElseThrow(), 10);
        OutputCheck almostFull = new OutputCheck(p -> 3_000_000L);

        assertThatThrownBy(() -> almostFull.check(Destination.inDirectory(dir), needed))
                .isInstanceOf(UserError.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("3.0 MB free")
                .hasMessageContaining("25.0 MB")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> almostFull.check(Destination.file(dir.resolve("new/clip.mp4")), needed))
                .hasMessageContaining("free");
        new OutputCheck(p -> needed).check(Destination.inDirectory(dir), needed);
    }

    @Test
    void theEstimateIsGenerousForEveryModeAndLength() {
        for (var mode : Capabilities.modes()) {
            for (int seconds : mode.framesBySeconds().keySet()) {
                // H.264 at 1080p rarely passes 1 MB/s; 720p stays well under 0.5 MB/s
                long perSecond = mode.resolution().equals("720p") ? 500_000L : 1_000_000L;
                assertThat(Capabilities.expectedVideoBytes(mode, seconds)).isGreaterThan(perSecond * seconds);
            }
        }
    }

    @Test
    void aFolderThatDoesNotExistYetIsCheckedAndLeftUnmade() {
        Path later = dir.resolve("a/b/c");

        OutputCheck.system().check(Destination.inDirectory(later), 1);
        OutputCheck.system().check(Destination.file(later.resolve("clip.mp4")), 1);

        assertThat(dir.resolve("a")).doesNotExist();
    }

    @Test
    void aFileTargetThatExistsOrIsALinkToNothingIsRefused() throws Exception {
        Path taken = Files.writeString(dir.resolve("taken.mp4"), "x");
        Path dangling = Files.createSymbolicLink(dir.resolve("link.mp4"), dir.resolve("gone/x.mp4"));

        assertThatThrownBy(() -> OutputCheck.system().check(Destination.file(taken), 1))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> OutputCheck.system().check(Destination.file(dangling), 1))
                .hasMessageContaining("link")
                .hasMessageContaining("does not exist");
    }
}
