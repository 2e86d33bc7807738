package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.request.PromptTemplate;
import dev.jimeng.text.TerminalText;
import dev.jimeng.view.JobGuide;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code jimeng template save|list|show|rm}: prompts with {{variables}} kept under a name. */
@Command(
        name = "template",
        mixinStandardHelpOptions = true,
        description = "Save, list, show and remove prompt templates with {{variables}} (generate -t NAME).",
        footer = {
            "",
            "{{name}} is a required variable, {{name=default}} has a default ({{name=}}: empty).",
            "",
            "Examples:",
            "  jimeng template save ad \"a {{product}} on {{surface=marble}}\" -d 10",
            "  jimeng generate -t ad --var product=watch --var surface=sand",
            "  jimeng template show ad"
        },
        subcommands = {
            TemplateCommand.SaveCommand.class,
            TemplateCommand.ListCommand.class,
            TemplateCommand.ShowCommand.class,
            TemplateCommand.RemoveCommand.class
        })
final class TemplateCommand extends BaseCommand {
    @Override
    protected ExitCode doCall() {
        spec.commandLine().usage(out());
        return ExitCode.OK;
    }

    /** "product, surface=marble, mood=" */
    static String variables(PromptTemplate template) {
        return template.variables().stream()
                .map(v -> v.required() ? v.name() : v.name() + "=" + v.defaultValue())
                .collect(Collectors.joining(", "));
    }

    @Command(
            name = "save",
            mixinStandardHelpOptions = true,
            description = "Save a prompt template, with the generate options it should carry.",
            footer = {
                "",
                "Options typed with generate -t win over the template's own.",
                "",
                "Examples:",
                "  jimeng template save ad \"a {{product}} on {{surface=marble}}\" -m t2v_1080p",
                "  jimeng template save turn \"{{who}} turns around\" -m i2v_first_720p -i @hero",
                "  jimeng template save ad \"a {{product}} in {{place}}\""
            })
    static final class SaveCommand extends BaseCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "Letters, digits, _ and -.")
        String name;

        @Parameters(
                index = "1",
                paramLabel = "PROMPT",
                description = "The prompt, with {{variable}} and {{variable=default}} where values go.")
        String prompt;

        @Mixin
        VideoOptions video;

        @Mixin
        ImageOptions images;

        @Override
        protected ExitCode doCall() {
            GenerationRequest options = video.request(prompt, images.images());
            PromptTemplate saved = app().templates().save(name, options);
            String vars = variables(saved);
            out().println("saved template " + name + (vars.isEmpty() ? "" : " (" + TerminalText.safe(vars) + ")")
                    + "; use it with '" + usage(this, saved) + "'");
            return ExitCode.OK;
        }
    }

    @Command(
            name = "list",
            aliases = "ls",
            mixinStandardHelpOptions = true,
            description = "Every saved template: name, variables (with defaults) and prompt.",
            footer = {"", "Examples:", "  jimeng template list"})
    static final class ListCommand extends BaseCommand {
        @Override
        protected ExitCode doCall() {
            List<PromptTemplate> all = app().templates().all();
            if (all.isEmpty()) {
                out().println("no templates yet; save one with 'jimeng template save NAME \"PROMPT\"'");
                return ExitCode.OK;
            }
            int width = all.stream().mapToInt(t -> t.name().length()).max().orElse(0);
            for (PromptTemplate t : all) {
                String vars = TerminalText.oneLine(variables(t));
                out().println(TerminalText.fit(
                        TerminalText.pad(t.name(), width) + "  " + (vars.isEmpty() ? "" : "[" + vars + "]  ")
                                + TerminalText.oneLine(t.text()),
                        terminalColumns()));
            }
            return ExitCode.OK;
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "One template: prompt, variables, options and how to use it.",
            footer = {"", "Examples:", "  jimeng template show ad"})
    static final class ShowCommand extends BaseCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        protected ExitCode doCall() {
            PromptTemplate t = app().templates().require(name);
            line("template", t.name());
            line("prompt", t.text());
            line(
                    "variables",
                    t.variables().isEmpty()
                            ? "none"
                            : t.variables().stream()
                                    .map(v -> v.required()
                                            ? v.name() + " (required)"
                                            : v.name() + " = " + v.defaultValue())
                                    .collect(Collectors.joining(", ")));
            String options = JobGuide.options(t.options()).strip();
            line("options", options.isEmpty() ? "none (generate's defaults)" : options);
            line("file", app().templates().path().toString());
            out().println();
            out().println("  " + TerminalText.safe(usage(this, t)));
            return ExitCode.OK;
        }

        private void line(String label, String value) {
            out().printf("  %-10s %s%n", label, TerminalText.oneLine(value));
        }
    }

    @Command(
            name = "rm",
            aliases = "remove",
            mixinStandardHelpOptions = true,
            description = "Remove a saved template (jobs made with it keep their prompts).",
            footer = {"", "Examples:", "  jimeng template rm ad"})
    static final class RemoveCommand extends BaseCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        protected ExitCode doCall() {
            app().templates().remove(name);
            out().println("removed template " + TerminalText.safe(name));
            return ExitCode.OK;
        }
    }

    /** {@code jimeng generate -t ad --var product=…}: the required variables to fill. */
    static String usage(BaseCommand command, PromptTemplate t) {
        StringBuilder line = new StringBuilder(command.jobs().invocation().jimeng() + " generate -t " + t.name());
        t.variables().stream()
                .filter(PromptTemplate.Variable::required)
                .forEach(v -> line.append(" --var ").append(v.name()).append("=…"));
        return line.toString();
    }
}
