package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.cli.complete.CompletionScript;
import dev.jimeng.cli.complete.CompletionTree;
import dev.jimeng.cli.complete.Descriptions;
import dev.jimeng.cli.complete.ValueKinds;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints a login shell's completion script, generated from the command tree and the shell's value table. */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = "Print the TAB completion script for bash, zsh, fish or PowerShell.",
        footer = {
            "",
            "Examples:",
            "  jimeng completion bash > ~/.local/share/bash-completion/completions/jimeng",
            "  jimeng completion zsh > ~/.zfunc/_jimeng      # with fpath+=(~/.zfunc)",
            "  jimeng completion fish > ~/.config/fish/completions/jimeng.fish"
        })
public final class CompletionCommand extends BaseCommand {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "SHELL",
            description = "One of: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Shells.class)
    String shell;

    /** Asked by the scripts at every TAB where a job id goes: one "id<TAB>state · prompt" line per job. */
    @Option(names = "--job-ids", hidden = true)
    boolean jobIds;

    /** Asked by the scripts at every TAB where a template name goes: one "name<TAB>variables" line each. */
    @Option(names = "--template-names", hidden = true)
    boolean templateNames;

    @Override
    protected ExitCode doCall() {
        if (templateNames) {
            for (dev.jimeng.request.PromptTemplate t : app().templates().all()) {
                out().println(t.name() + "\t" + TerminalText.oneLine(TemplateCommand.variables(t)));
            }
            return ExitCode.OK;
        }
        if (jobIds) {
            for (JobSnapshot job : jobs().jobs()) {
                out().println(job.id() + "\t" + job.state().label() + " · "
                        + Descriptions.shorten(
                                TerminalText.oneLine(job.request().prompt())));
            }
            return ExitCode.OK;
        }
        CompletionScript script = java.util.Arrays.stream(CompletionScript.values())
                .filter(s -> s.toString().equalsIgnoreCase(shell == null ? "" : shell.strip()))
                .findFirst()
                .orElseThrow(() -> new UserError(
                        ExitCode.BAD_INPUT,
                        (shell == null ? "name a shell" : "no completion for '" + TerminalText.safe(shell) + "'")
                                + ": jimeng completion SHELL, SHELL one of " + Shells.LIST));
        out().print(script.script(tree()));
        out().flush();
        return ExitCode.OK;
    }

    /** The shells, as picocli lists and completes them. */
    static final class Shells implements Iterable<String> {
        static final String LIST = String.join(", ", new Shells());

        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(CompletionScript.values())
                    .map(CompletionScript::toString)
                    .iterator();
        }
    }

    private CompletionTree tree() {
        // the running tree holds stand-ins for the commands this run does not name (CommandTree)
        return CompletionTree.of(CommandTree.model(), ValueKinds.standard());
    }
}
