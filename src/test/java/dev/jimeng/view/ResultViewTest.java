package dev.jimeng.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.store.JobState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultViewTest {
    private static final String LINK = "\u001b]8;;[^\u001b]*\u001b\\\\";

    private static JobSnapshot done() {
        return new JobSnapshot(
                "k3f9a2b1",
                new GenerationRequest("t2v_720p", "a red fox", 5, 24, "16:9", List.of(), -1L, null, null),
                JobState.DONE,
                "7000000000000000001",
                null,
                Instant.parse("2026-01-01T00:00:00Z"),
                Map.of(),
                Path.of("/videos/fox one.mp4"),
                0,
                -1,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void theSavePathIsALinkWhenAskedAndReadsTheSame() {
        String plain = ResultView.markdown(done());
        String linked = ResultView.markdown(done(), true);
        assertThat(plain).contains("- Save Path: /videos/fox one.mp4\n").doesNotContain("\u001b");
        assertThat(linked)
                .containsPattern("- Save Path: \u001b]8;;file://[A-Za-z0-9.-]*/videos/fox%20one\\.mp4\u001b\\\\"
                        + "/videos/fox one\\.mp4\u001b]8;;\u001b\\\\\n");
        assertThat(linked.replaceAll(LINK, "")).isEqualTo(plain);
    }

    @Test
    void theJsonOfAJobNamesItsGroupAndWhetherItWasPicked() throws Exception {
        var picked = dev.jimeng.json.Json.MAPPER.readTree(ResultView.json(
                done(),
                Instant.EPOCH,
                new dev.jimeng.config.Invocation(true, null),
                new JobGroups(Map.of("k3f9a2b1", "g7g7g7g7"), java.util.Set.of("k3f9a2b1"))));
        var alone = dev.jimeng.json.Json.MAPPER.readTree(
                ResultView.json(done(), Instant.EPOCH, new dev.jimeng.config.Invocation(true, null), JobGroups.NONE));

        assertThat(picked.path("group_id").asText()).isEqualTo("g7g7g7g7");
        assertThat(picked.path("picked").asBoolean()).isTrue();
        assertThat(alone.get("group_id").isNull()).isTrue();
        assertThat(alone.path("picked").asBoolean(true)).isFalse();
        assertThat(alone.path("job_id").asText()).isEqualTo("k3f9a2b1");
    }
}
