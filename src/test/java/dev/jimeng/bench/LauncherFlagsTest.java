package dev.jimeng.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The release's launchers start java as ./jimeng does: jreleaser.yml repeats the launcher's flags. */
class LauncherFlagsTest {
    @Test
    void theLauncherGivesJavaTheFlagsItsCommentExplains() {
        assertThat(LauncherFlags.always())
                .containsExactly("--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        assertThat(LauncherFlags.forThisJdk()).startsWith(LauncherFlags.always().toArray(String[]::new));
    }

    @Test
    void bothReleaseArchivesGiveJavaTheLaunchersFlags() throws Exception {
        List<List<String>> lists = jvmOptionLists(Files.readAllLines(Path.of("jreleaser.yml"), StandardCharsets.UTF_8));
        assertThat(lists).hasSize(2).allSatisfy(list -> assertThat(list).isEqualTo(LauncherFlags.always()));
    }

    @Test
    void theReleaseLauncherAddsWhatTheRepoLauncherAddsOnJdk25() throws Exception {
        String template = Files.readString(Path.of("src/jreleaser/launcher/bin/launcher.tpl"), StandardCharsets.UTF_8);
        String script = Files.readString(LauncherFlags.LAUNCHER, StandardCharsets.UTF_8);
        assertThat(script).contains("jvm_flags+=(-XX:UserThreadWaitAttemptsAtExit=0)");
        assertThat(template).contains("JVM_OPTS=\"$JVM_OPTS -XX:UserThreadWaitAttemptsAtExit=0\"");
    }

    /** Each {@code universal:} list under a {@code jvmOptions:} key, its {@code - item} lines in order. */
    private static List<List<String>> jvmOptionLists(List<String> yaml) {
        List<List<String>> lists = new ArrayList<>();
        for (int i = 0; i < yaml.size(); i++) {
            if (yaml.get(i).trim().startsWith("jvmOptions:")
                    && yaml.get(i + 1).trim().equals("universal:")) {
                List<String> items = new ArrayList<>();
                for (int j = i + 2; j < yaml.size() && yaml.get(j).trim().startsWith("- "); j++) {
                    items.add(yaml.get(j).trim().substring(2).trim());
                }
                lists.add(items);
            }
        }
        return lists;
    }
}
