package dev.jimeng.cli;

import picocli.CommandLine.Option;

/** {@code --dry-run}: check everything and show what would be sent, sending nothing. */
public final class DryRunOption {
    @Option(
            names = "--dry-run",
            description = "Check everything and print what would be sent and its estimated cost; send nothing.")
    boolean dryRun;
}
