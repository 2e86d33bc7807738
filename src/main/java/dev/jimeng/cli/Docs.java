package dev.jimeng.cli;

import dev.jimeng.cli.complete.CompletionScript;
import dev.jimeng.cli.complete.CompletionTree;
import dev.jimeng.cli.complete.ValueKinds;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine;

/**
 * Run by the build ({@code prepare-package}): writes the completion scripts to {@code
 * TARGET/completions/} and the man page to {@code TARGET/man/jimeng.1}, for the release archives.
 */
public final class Docs {
    private Docs() {}

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "target");
        CommandLine tree = Cli.commandLine(
                new JimengCommand(c -> null, c -> 0),
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        CompletionTree completion = CompletionTree.of(tree.getCommandSpec(), ValueKinds.standard());
        Path completions = Files.createDirectories(target.resolve("completions"));
        for (CompletionScript script : CompletionScript.values()) {
            Files.writeString(completions.resolve(script.fileName()), script.script(completion));
        }
        Path man = Files.createDirectories(target.resolve("man"));
        Files.writeString(
                man.resolve("jimeng.1"),
                ManPage.of(
                        tree,
                        dev.jimeng.config.JimengVersion.shortVersion(),
                        LocalDate.now().toString()));
    }
}
