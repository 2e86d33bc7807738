package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.Templates;
import dev.jimeng.app.UserError;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.request.PromptTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code -t NAME --var KEY=VALUE}: the prompt from a saved template. Not {@code --template} (the seed
 * script's camera movement) nor {@code -v} ({@code --verbose}).
 */
public final class PromptTemplateOptions {
    @Option(
            names = {"-t", "--prompt-template"},
            paramLabel = "NAME",
            description = "Take the prompt (and options) from this saved template ('jimeng template list').")
    String name;

    @Option(names = "--var", paramLabel = "KEY=VALUE", description = "A value for the template's {{KEY}}; repeatable.")
    Map<String, String> variables = new LinkedHashMap<>();

    /**
     * {@code typed} with the template's prompt rendered and its options filled in; {@code typed} itself
     * when no template is named.
     */
    GenerationRequest apply(GenerationRequest typed, java.util.function.Supplier<Templates> templates) {
        return apply(typed, templates, false);
    }

    /** As above; {@code seedsChosen}: --variants or --seeds choose the seeds, so a saved seed is left out. */
    GenerationRequest apply(
            GenerationRequest typed, java.util.function.Supplier<Templates> templates, boolean seedsChosen) {
        if (name == null) {
            if (!variables.isEmpty()) {
                throw new UserError(
                        ExitCode.BAD_INPUT, "--var fills a template's {{variables}}: name the template with -t NAME");
            }
            return typed;
        }
        if (typed.prompt() != null) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "a PROMPT and -t " + name + " both give the prompt: give one of them (--var fills the template)");
        }
        PromptTemplate template = templates.get().require(name);
        if (seedsChosen) {
            template = template.withoutSeed();
        }
        return template.apply(typed, variables);
    }
}
