package dev.jimeng;

import dev.jimeng.app.Environment;
import dev.jimeng.cli.Cli;
import dev.jimeng.shell.Shell;

public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Environment env = Environment.system();
        int code = Cli.run(args, env, root -> new Shell(env, root).run(), dev.jimeng.cli.InterruptSignal.SYSTEM);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
