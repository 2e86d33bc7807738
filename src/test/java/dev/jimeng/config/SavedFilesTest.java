package dev.jimeng.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** templates.toml and assets.toml: real files in a real config folder. */
class SavedFilesTest {
    @TempDir
    Path home;

    private JimengPaths paths() {
        return JimengPaths.resolve(Map.of("JIMENG_HOME", home.toString()), home, home);
    }

    @Test
    void templatesRoundTripWithTheirOptionsAndReplaceWhole() throws Exception {
        TemplateFile file = new TemplateFile(paths());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("prompt", "a \"{{product}}\" on {{surface=marble}}\n");
        fields.put("mode", "t2v_1080p");
        fields.put("duration", 10);
        file.put("product-shot", fields);
        file.put("b_2", Map.of("prompt", "x", "seed", 7L));

        assertThat(file.read()).containsOnlyKeys("b_2", "product-shot");
        assertThat(file.read().get("product-shot"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "prompt", "a \"{{product}}\" on {{surface=marble}}\n", "mode", "t2v_1080p", "duration", "10"));
        assertThat(Files.readString(file.path())).contains("template.product-shot.duration = 10");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())))
                .isEqualTo("rw-------");

        file.put("product-shot", Map.of("prompt", "just this"));
        assertThat(file.read().get("product-shot")).containsExactlyEntriesOf(Map.of("prompt", "just this"));
        assertThat(file.remove("product-shot")).isTrue();
        assertThat(file.remove("product-shot")).isFalse();
        assertThat(file.read()).containsOnlyKeys("b_2");
        assertThat(file.remove("b_2")).isTrue();
        assertThat(file.read())
                .as("the last one removed: an empty file, not one no reader takes")
                .isEmpty();
    }

    @Test
    void assetsRoundTripAsAbsolutePaths() throws Exception {
        AssetFile file = new AssetFile(paths());
        assertThat(file.read()).isEmpty();
        file.put("hero", home.resolve("img/../hero.png"));
        file.put("Logo-2", Path.of("/tmp/logo.png"));
        assertThat(file.read())
                .containsExactlyEntriesOf(new java.util.TreeMap<>(
                        Map.of("Logo-2", Path.of("/tmp/logo.png"), "hero", home.resolve("hero.png"))));
        assertThat(file.remove("hero")).isTrue();
        assertThat(file.remove("hero")).isFalse();
        assertThat(file.read()).containsOnlyKeys("Logo-2");
        assertThat(file.remove("Logo-2")).isTrue();
        assertThat(file.read()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../x", "a/b", "a.b", "-rf", "@hero", "has space", "x\u0007", "ünï"})
    void namesThatAreNotPlainWordsAreRefused(String name) {
        assertThatThrownBy(() -> new AssetFile(paths()).put(name, Path.of("/tmp/a.png")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("use letters, digits, _ and -")
                .hasMessageNotContaining("\u0007");
        assertThatThrownBy(() -> new TemplateFile(paths()).put(name, Map.of("prompt", "x")))
                .isInstanceOf(InvalidSettingException.class);
        assertThat(Files.exists(home.resolve(AssetFile.FILE_NAME))).isFalse();
    }

    @Test
    void hostileHandEditedNamesAreSkippedNotUsed() throws Exception {
        Files.writeString(home.resolve(AssetFile.FILE_NAME), "\"../x\" = \"/a.png\"\nok = \"/b.png\"\n");
        assertThat(new AssetFile(paths()).read()).containsOnlyKeys("ok");
    }
}
