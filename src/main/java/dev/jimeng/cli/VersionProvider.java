package dev.jimeng.cli;

import dev.jimeng.config.JimengVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code jimeng --version}: jimeng's version, commit and build date, and the Java it runs on. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"jimeng " + JimengVersion.fullVersion(), "Java " + Runtime.version()};
    }
}
