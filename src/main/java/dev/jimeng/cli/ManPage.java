package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.config.Setting;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** jimeng(1) in roff, written from the command tree, the exit codes and the settings catalogue. */
public final class ManPage {
    private ManPage() {}

    public static String of(CommandLine root, String version, String date) {
        CommandSpec spec = root.getCommandSpec();
        StringBuilder b = new StringBuilder();
        b.append(".TH JIMENG 1 \"")
                .append(text(date))
                .append("\" \"jimeng ")
                .append(text(version))
                .append("\" \"User Commands\"\n");
        b.append(".ad l\n.nh\n"); // ragged right, no hyphenation: long JSON examples cannot be justified
        b.append(".SH NAME\njimeng \\- ")
                .append(text(first(spec.usageMessage().description())))
                .append('\n');
        b.append(".SH SYNOPSIS\n.B jimeng\n[\\fIOPTIONS\\fR] [\\fICOMMAND\\fR [\\fIARGS\\fR]]\n");
        b.append(".SH DESCRIPTION\n")
                .append(text(String.join(" ", spec.usageMessage().footer()).strip()))
                .append('\n');
        b.append(".SH OPTIONS\n");
        options(b, spec);
        b.append(".SH COMMANDS\n");
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (!e.getKey().equals(sub.name())) {
                continue;
            }
            b.append(".SS ").append(text(sub.name()));
            for (String alias : sub.aliases()) {
                b.append(", ").append(text(alias));
            }
            b.append('\n');
            String synopsis = new CommandLine.Help(sub, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                    .synopsis(0)
                    .strip()
                    .replaceAll("\\s+", " ");
            b.append(".B ").append(text(synopsis)).append("\n.PP\n");
            b.append(text(String.join(" ", sub.usageMessage().description()))).append('\n');
            options(b, sub);
            String[] footer = sub.usageMessage().footer();
            boolean examples = false;
            for (String line : footer) {
                if (line.strip().equals("Examples:")) {
                    examples = true;
                    b.append(".PP\nExamples:\n.RS\n.nf\n");
                } else if (examples && !line.isBlank()) {
                    b.append(text(line.strip())).append('\n');
                }
            }
            if (examples) {
                b.append(".fi\n.RE\n");
            }
        }
        b.append(".SH EXIT STATUS\n");
        for (ExitCode c : ExitCode.values()) {
            b.append(".TP\n.B ")
                    .append(c.code())
                    .append('\n')
                    .append(text(c.meaning()))
                    .append('\n');
        }
        b.append(".SH ENVIRONMENT\n");
        b.append(".TP\n.B VOLC_ACCESSKEY, VOLC_SECRETKEY\nVolcengine credentials (not needed with \\-\\-sandbox).\n");
        for (Setting s : Setting.values()) {
            s.environmentVariable().ifPresent(v -> b.append(".TP\n.B ")
                    .append(text(v))
                    .append('\n')
                    .append(text(s.description()))
                    .append('\n'));
        }
        b.append(".SH SEE ALSO\n");
        b.append("jimeng help TOPIC, for topics: ")
                .append(text(HelpTopics.names()))
                .append(".\n");
        return b.toString();
    }

    private static void options(StringBuilder b, CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            b.append(".TP\n.B ").append(text(String.join(", ", o.names())));
            if (o.arity().max() > 0) {
                b.append(" \\fI").append(text(o.paramLabel())).append("\\fR");
            }
            b.append('\n')
                    .append(text(String.join(" ", o.description()).replace("%n", " ")))
                    .append('\n');
        }
    }

    private static String first(String[] lines) {
        return lines.length == 0 ? "" : lines[0];
    }

    /** Text made inert for roff: backslashes and hyphens escaped, no line starting with a control character. */
    static String text(String s) {
        String t = s.replace("\\", "\\e")
                .replace("-", "\\-")
                .replace(",", ",\\:")
                .replace("%n", " ")
                .replace("%%", "%");
        return t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t;
    }
}
