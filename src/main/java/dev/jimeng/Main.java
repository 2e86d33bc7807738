package dev.jimeng;

import dev.jimeng.app.Environment;
import dev.jimeng.cli.Cli;

public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = Cli.run(args, Environment.system());
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
