package dev.jimeng.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.config.Invocation;
import dev.jimeng.request.GenerationRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobGuideTest {
    private static GenerationRequest withSeed(Long seed) {
        return new GenerationRequest("t2v_720p", "a red fox", 5, 24, "16:9", List.of(), seed, null, null);
    }

    @Test
    void aRemakeOfAVideoWithARandomSeedAsksForANewRandomOneWithoutNamingASeed() {
        // -1 reads as a seed to reproduce; it means "the server picks", as leaving it out does
        assertThat(JobGuide.remake(withSeed(-1L), Invocation.REAL))
                .isEqualTo("jimeng generate 'a red fox' -m t2v_720p -d 5 --fps 24 -a 16:9");
        assertThat(JobGuide.remake(withSeed(null), Invocation.REAL)).doesNotContain("--seed");
    }

    @Test
    void aRemakeOfAVideoWithAChosenSeedKeepsIt() {
        assertThat(JobGuide.remake(withSeed(42L), new Invocation(true, null)))
                .isEqualTo("jimeng --sandbox generate 'a red fox' -m t2v_720p -d 5 --fps 24 -a 16:9 --seed 42");
    }

    @Test
    void aLineForAnotherProfileThanABareJimengPicksNamesIt() {
        assertThat(JobGuide.remake(withSeed(42L), new Invocation(true, "work")))
                .startsWith("jimeng --sandbox --profile work generate 'a red fox'");
    }
}
