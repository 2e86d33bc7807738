package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.text.Spelling;
import dev.jimeng.text.TerminalText;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jimeng help [COMMAND | TOPIC]}: a command's usage, or a topic written from jimeng's own tables. */
@Command(
        name = "help",
        helpCommand = true,
        description = "Show a command's usage, or a topic: ${COMPLETION-CANDIDATES}.",
        footer = {"", "Examples:", "  jimeng help generate", "  jimeng help modes", "  jimeng help errors"})
public class HelpCommand extends BaseCommand {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "COMMAND|TOPIC",
            completionCandidates = Topics.class,
            description = "A command, or one of the topics.")
    String subject;

    @Override
    protected ExitCode doCall() {
        CommandLine root = spec.root().commandLine();
        if (subject == null) {
            overview(root);
            out().println();
            out().println("Topics (help TOPIC):");
            for (HelpTopics t : HelpTopics.values()) {
                out().println("  " + TerminalText.pad(t.topic(), 12) + t.summary());
            }
            return ExitCode.OK;
        }
        var topic = HelpTopics.byName(subject);
        if (topic.isPresent()) {
            out().print(topic.get().text());
            return ExitCode.OK;
        }
        CommandLine command = root.getSubcommands().get(subject);
        if (command != null) {
            command.usage(out());
            return ExitCode.OK;
        }
        List<String> known = new ArrayList<>(root.getSubcommands().keySet());
        new Topics().forEach(known::add);
        String close = Spelling.closest(subject, known)
                .map(c -> "; did you mean '" + c + "'?")
                .orElse("");
        throw new UserError(
                ExitCode.BAD_INPUT,
                "no command or topic '" + TerminalText.safe(subject) + "'" + close + " (topics: " + HelpTopics.names()
                        + ")");
    }

    /** What {@code help} alone shows before the topics: the usage of the whole command line. */
    protected void overview(CommandLine root) {
        root.usage(out());
    }

    /** The topic names, for completion and the description. */
    public static final class Topics implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(HelpTopics.values())
                    .map(HelpTopics::topic)
                    .iterator();
        }
    }
}
