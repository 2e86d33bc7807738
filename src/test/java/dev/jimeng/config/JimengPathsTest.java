package dev.jimeng.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JimengPathsTest {
    private static final Path HOME = Path.of("/home/ada");
    private static final Path CWD = Path.of("/work/film");

    @Test
    void jimengHomeHoldsConfigAndState() {
        JimengPaths p =
                JimengPaths.resolve(Map.of("JIMENG_HOME", "/data/jm", "XDG_CONFIG_HOME", "/xdg/config"), HOME, CWD);

        assertThat(p.configDir()).isEqualTo(Path.of("/data/jm"));
        assertThat(p.stateDir()).isEqualTo(Path.of("/data/jm"));
        assertThat(p.configFile()).isEqualTo(Path.of("/data/jm/config.toml"));
        assertThat(p.jobsDatabase()).isEqualTo(Path.of("/data/jm/jobs.db"));
        assertThat(p.historyFile()).isEqualTo(Path.of("/data/jm/history"));
    }

    @Test
    void jimengHomeMayStartWithTildeOrBeRelative() {
        assertThat(JimengPaths.resolve(Map.of("JIMENG_HOME", "~/jm"), HOME, CWD).configDir())
                .isEqualTo(Path.of("/home/ada/jm"));
        assertThat(JimengPaths.resolve(Map.of("JIMENG_HOME", "state"), HOME, CWD)
                        .stateDir())
                .isEqualTo(Path.of("/work/film/state"));
    }

    @Test
    void withoutJimengHomeTheXdgDefaultsUnderTheUserHomeApply() {
        JimengPaths p = JimengPaths.resolve(Map.of(), HOME, CWD);

        assertThat(p.configDir()).isEqualTo(Path.of("/home/ada/.config/jimeng"));
        assertThat(p.stateDir()).isEqualTo(Path.of("/home/ada/.local/state/jimeng"));
        assertThat(p.jobsDatabase()).isEqualTo(Path.of("/home/ada/.local/state/jimeng/jobs.db"));
    }

    @Test
    void xdgVariablesMoveConfigAndStateSeparately() {
        JimengPaths p = JimengPaths.resolve(
                Map.of("XDG_CONFIG_HOME", "/xdg/config", "XDG_STATE_HOME", "/xdg/state"), HOME, CWD);

        assertThat(p.configFile()).isEqualTo(Path.of("/xdg/config/jimeng/config.toml"));
        assertThat(p.historyFile()).isEqualTo(Path.of("/xdg/state/jimeng/history"));
    }

    @Test
    void relativeOrBlankXdgVariablesAreIgnoredAsTheSpecSays() {
        JimengPaths p = JimengPaths.resolve(
                Map.of("XDG_CONFIG_HOME", "relative/config", "XDG_STATE_HOME", " ", "JIMENG_HOME", ""), HOME, CWD);

        assertThat(p.configDir()).isEqualTo(Path.of("/home/ada/.config/jimeng"));
        assertThat(p.stateDir()).isEqualTo(Path.of("/home/ada/.local/state/jimeng"));
    }

    @Test
    void videosGoToGeneratedVideosInTheWorkingDirectoryByDefault() {
        assertThat(JimengPaths.resolve(Map.of(), HOME, CWD).defaultOutputDir())
                .isEqualTo(Path.of("/work/film/generated_videos"));
    }

    @Test
    void userPathsExpandTildeAndResolveAgainstTheWorkingDirectory() {
        JimengPaths p = JimengPaths.resolve(Map.of(), HOME, CWD);

        assertThat(p.userPath("~")).isEqualTo(HOME);
        assertThat(p.userPath("~/clips")).isEqualTo(Path.of("/home/ada/clips"));
        assertThat(p.userPath("../out")).isEqualTo(Path.of("/work/out"));
        assertThat(p.userPath("/abs")).isEqualTo(Path.of("/abs"));
    }

    @Test
    void theHomeIsHomeWhenItIsAnAbsolutePathElseJavasUserHome() {
        Path java = Path.of("/home/from-passwd");

        assertThat(JimengPaths.userHomeOf(Map.of("HOME", "/tmp/ci/home/"), java))
                .isEqualTo(Path.of("/tmp/ci/home"));
        assertThat(JimengPaths.userHomeOf(Map.of("HOME", "relative/home"), java))
                .isEqualTo(java);
        assertThat(JimengPaths.userHomeOf(Map.of("HOME", "  "), java)).isEqualTo(java);
        assertThat(JimengPaths.userHomeOf(Map.of(), java)).isEqualTo(java);
    }
}
