package dev.jimeng.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What generate and submit share about sending one job: where it goes, a quote, a cap, the guard. */
public final class SendOptions {
    @Option(
            names = {"-o", "--output"},
            paramLabel = "PATH",
            description = "Save the video here (a file, or a folder to put it in). Default: the output directory.")
    String output; // as typed: a trailing '/' says "a folder"

    @Mixin
    DryRunOption dryRun;

    @Mixin
    MaxCostOption maxCost;

    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask before sending the same video as a job of the last 24 hours.")
    boolean yes;
}
