package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.request.PromptMatrix;
import dev.jimeng.request.Variants;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Option;

/** How generate makes a set of jobs from one request: several seeds, and the prompt's {a|b} choices. */
public final class VariantOptions {
    @Option(
            names = "--variants",
            paramLabel = "N",
            description = "Make N videos of the request, each with a different (recorded) random seed.")
    Integer variants;

    @Option(names = "--seeds", paramLabel = "S,S,…", split = ",", description = "Make one video per seed given.")
    List<Long> seeds;

    /** True when --variants or --seeds chooses the seeds (then a template's saved seed gives way). */
    boolean choosesSeeds() {
        return variants != null || seeds != null;
    }

    /**
     * The set the user asked for (one request when no option or {@code {a|b}} asks for more).
     *
     * @param random where --variants takes its seeds
     */
    List<GenerationRequest> expand(GenerationRequest request, RandomGenerator random) {
        boolean explicitSeed = request.seed() != null;
        if (variants != null && seeds != null) {
            throw new UserError(ExitCode.BAD_INPUT, "--variants and --seeds both choose seeds: give one of them");
        }
        if ((variants != null || seeds != null) && explicitSeed) {
            throw new UserError(
                    ExitCode.BAD_INPUT, "--seed and --variants/--seeds both choose seeds: give one of them");
        }
        if (variants != null && (variants < 1 || variants > PromptMatrix.MAX_PROMPTS)) {
            throw new UserError(
                    ExitCode.BAD_INPUT, "--variants must be 1 to " + PromptMatrix.MAX_PROMPTS + ", got " + variants);
        }
        List<Long> chosen = seeds != null ? given() : variants != null ? randomSeeds(variants, random) : List.of();
        try {
            return Variants.of(request, chosen);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.BAD_INPUT, e.getMessage());
        }
    }

    private List<Long> given() {
        Set<Long> distinct = new LinkedHashSet<>(seeds);
        for (long seed : distinct) {
            if (seed < 0 || !Capabilities.isValidSeed(seed)) {
                throw new UserError(
                        ExitCode.BAD_INPUT,
                        "--seeds " + seed + " is out of range: the API takes 0 to " + Capabilities.SEED_MAX);
            }
        }
        return List.copyOf(distinct);
    }

    /** {@code n} different seeds in the API's range: each video of the set is a different one. */
    static List<Long> randomSeeds(int n, RandomGenerator random) {
        Set<Long> seeds = new LinkedHashSet<>();
        while (seeds.size() < n) {
            seeds.add(random.nextLong(Capabilities.SEED_MAX + 1));
        }
        return new ArrayList<>(seeds);
    }
}
