package dev.jimeng.cli;

import dev.jimeng.app.App;
import dev.jimeng.app.ExitCode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Every verb: finds the app through the root command, returns a named exit code. */
public abstract class BaseCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        return doCall().code();
    }

    protected abstract ExitCode doCall() throws Exception;

    protected App app() {
        return root().app();
    }

    protected JimengCommand root() {
        return (JimengCommand) spec.root().userObject();
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
