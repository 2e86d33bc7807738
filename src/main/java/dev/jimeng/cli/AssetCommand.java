package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.request.ImageAliases;
import dev.jimeng.text.TerminalText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jimeng asset add|list|rm}: {@code @name} for an image file, usable wherever an image goes. */
@Command(
        name = "asset",
        mixinStandardHelpOptions = true,
        description = "Name image files once and use them as @NAME wherever an image goes (--image, batch files).",
        footer = {
            "",
            "Examples:",
            "  jimeng asset add hero ./hero.png",
            "  jimeng generate \"she turns to the camera\" -m i2v_first_720p -i @hero",
            "  jimeng asset list"
        },
        subcommands = {AssetCommand.AddCommand.class, AssetCommand.ListCommand.class, AssetCommand.RemoveCommand.class})
final class AssetCommand extends BaseCommand {
    @Override
    protected ExitCode doCall() {
        spec.commandLine().usage(out());
        return ExitCode.OK;
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Name a JPEG or PNG file (an existing name is pointed at the new file).",
            footer = {"", "Examples:", "  jimeng asset add hero ./hero.png", "  jimeng asset add logo ~/brand/logo.jpg"
            })
    static final class AddCommand extends BaseCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "Letters, digits, _ and -; used as @NAME.")
        String name;

        @Parameters(index = "1", paramLabel = "FILE", description = "A local JPEG or PNG image.")
        String file;

        @Override
        protected ExitCode doCall() {
            String bare = ImageAliases.bareName(name);
            Path image = app().assets().add(bare, file);
            out().println("@" + bare + " = " + TerminalText.safe(image.toString()));
            return ExitCode.OK;
        }
    }

    @Command(
            name = "list",
            aliases = "ls",
            mixinStandardHelpOptions = true,
            description = "Every asset and its file; a file that has gone is marked.",
            footer = {"", "Examples:", "  jimeng asset list"})
    static final class ListCommand extends BaseCommand {
        @Override
        protected ExitCode doCall() {
            Map<String, Path> all = app().assets().all();
            if (all.isEmpty()) {
                out().println("no assets yet; add one with 'jimeng asset add NAME FILE'");
                return ExitCode.OK;
            }
            int width = all.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
            all.forEach((name, file) -> out().println(TerminalText.pad("@" + name, width) + "  "
                    + TerminalText.safe(file.toString())
                    + (Files.isRegularFile(file) ? "" : "  (gone: 'jimeng asset add " + name + " FILE')")));
            return ExitCode.OK;
        }
    }

    @Command(
            name = "rm",
            aliases = "remove",
            mixinStandardHelpOptions = true,
            description = "Forget an asset's name (the file stays; jobs made with it keep its path).",
            footer = {"", "Examples:", "  jimeng asset rm hero"})
    static final class RemoveCommand extends BaseCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        protected ExitCode doCall() {
            app().assets().remove(name);
            out().println("removed @" + TerminalText.safe(ImageAliases.bareName(name)));
            return ExitCode.OK;
        }
    }
}
