package dev.jimeng.request;

import java.util.ArrayList;
import java.util.List;

/** One request made into a set: every prompt of its matrix, each with every seed given. */
public final class Variants {
    private Variants() {}

    /**
     * The set, prompts varying slowest; with no seeds, each prompt keeps {@code base}'s own seed.
     *
     * @throws IllegalArgumentException when the set is larger than {@link PromptMatrix#MAX_PROMPTS}
     */
    public static List<GenerationRequest> of(GenerationRequest base, List<Long> seeds) {
        List<String> prompts =
                base.prompt() == null ? java.util.Collections.singletonList(null) : PromptMatrix.expand(base.prompt());
        List<Long> eachSeed = seeds.isEmpty() ? java.util.Collections.singletonList(base.seed()) : seeds;
        if ((long) prompts.size() * eachSeed.size() > PromptMatrix.MAX_PROMPTS) {
            throw new IllegalArgumentException(prompts.size() + " prompts × " + eachSeed.size()
                    + " seeds make more than " + PromptMatrix.MAX_PROMPTS + " jobs: use fewer");
        }
        List<GenerationRequest> set = new ArrayList<>();
        for (String prompt : prompts) {
            for (Long seed : eachSeed) {
                set.add(new GenerationRequest(
                        base.mode(),
                        prompt,
                        base.durationSeconds(),
                        base.fps(),
                        base.aspectRatio(),
                        base.images(),
                        seed,
                        base.template(),
                        base.cameraStrength(),
                        base.promptTemplate()));
            }
        }
        return set;
    }
}
