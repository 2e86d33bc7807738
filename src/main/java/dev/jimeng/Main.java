package dev.jimeng;

import dev.jimeng.app.Environment;
import dev.jimeng.cli.Cli;
import dev.jimeng.shell.Shell;

public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Environment env = Environment.system();
        int code;
        // the shell's terminal starts opening now, while picocli parses the arguments
        boolean shellAhead = Cli.mayStartShell(args) && env.stdinIsTerminal() && env.stdoutIsTerminal();
        try (Shell.TerminalAhead ahead = shellAhead ? Shell.TerminalAhead.open() : null) {
            code = Cli.run(args, env, root -> new Shell(env, root, ahead).run(), dev.jimeng.cli.InterruptSignal.SYSTEM);
        }
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
