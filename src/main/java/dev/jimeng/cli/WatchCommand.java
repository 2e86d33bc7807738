package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import picocli.CommandLine.Command;

/** The live panel of all jobs; plain status lines where no capable terminal exists. */
@Command(name = "watch", mixinStandardHelpOptions = true, description = "Open the live panel of all jobs (q to leave).")
public final class WatchCommand extends BaseCommand {
    @Override
    protected ExitCode doCall() throws Exception {
        return app().watch(root().shell(), out());
    }
}
