package dev.jimeng.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @name} wherever an image goes: the aliased file is sent, and the journal keeps its path. */
class ImageAliasesTest {
    @TempDir
    Path dir;

    private RequestValidator validator(Map<String, Path> aliases) {
        return new RequestValidator(dir.resolve("elsewhere"), () -> dev.jimeng.mode.Prices.DEFAULT, () -> aliases);
    }

    @Test
    void anAliasSendsItsFileAndIsJournaledAsThePath() {
        byte[] hero = TestImages.png(640, 360);
        byte[] end = TestImages.jpeg(1280, 720);
        Path heroFile = TestImages.write(dir, "hero.png", hero);
        Path endFile = TestImages.write(dir, "end.jpg", end);

        ValidatedRequest v = validator(Map.of("hero", heroFile, "end", endFile))
                .validate(Req.prompt("she turns")
                        .mode("i2v_first_tail_720p")
                        .image("@hero")
                        .image(" @end")
                        .build());

        assertThat(v.body().binaryDataBase64())
                .containsExactly(
                        Base64.getEncoder().encodeToString(hero),
                        Base64.getEncoder().encodeToString(end));
        assertThat(v.request().images()).containsExactly(heroFile.toString(), endFile.toString());
    }

    @Test
    void anUnknownAliasGetsTheClosestName() {
        Path heroFile = TestImages.write(dir, "hero.png", TestImages.png(64, 64));
        assertThatThrownBy(() -> validator(Map.of("hero", heroFile))
                        .validate(Req.prompt("x")
                                .mode("i2v_first_720p")
                                .image("@heor")
                                .build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("--image @heor is no asset; did you mean @hero? 'jimeng asset list' shows them");
        assertThatThrownBy(() -> validator(Map.of())
                        .validate(Req.prompt("x")
                                .mode("i2v_first_tail_720p")
                                .image(heroFile)
                                .image("@end")
                                .build()))
                .hasMessage("--tail-image @end is no asset; add one with 'jimeng asset add NAME FILE'")
                .extracting(e -> ((InvalidRequestException) e).field())
                .isEqualTo(InvalidRequestException.FIELD_TAIL_IMAGE);
    }

    @Test
    void anAliasWhoseFileHasGoneSaysSo() throws Exception {
        Path heroFile = TestImages.write(dir, "hero.png", TestImages.png(64, 64));
        Files.delete(heroFile);
        assertThatThrownBy(() -> validator(Map.of("hero", heroFile))
                        .validate(Req.prompt("x")
                                .mode("i2v_first_720p")
                                .image("@hero")
                                .build()))
                .hasMessage("--image @hero is " + heroFile + ", which is gone; point it at a file again with"
                        + " 'jimeng asset add hero FILE'");
    }

    @Test
    void aFileWhoseNameStartsWithAtIsReachedAsAPath() throws Exception {
        Path at = TestImages.write(
                Files.createDirectories(dir.resolve("elsewhere")), "@odd.png", TestImages.png(400, 400));
        ValidatedRequest v = validator(Map.of())
                .validate(Req.prompt("x")
                        .mode("i2v_first_720p")
                        .image("./@odd.png")
                        .build());
        assertThat(v.request().images()).containsExactly(at.toString());
    }

    @Test
    void aBatchFilesFolderLeavesAliasesForTheValidator() {
        assertThat(RequestValidator.resolveImage("@hero", dir)).isEqualTo("@hero");
    }
}
