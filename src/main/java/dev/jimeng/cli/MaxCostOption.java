package dev.jimeng.cli;

import java.math.BigDecimal;
import picocli.CommandLine.Option;

/** {@code --max-cost CNY}: refuse to send anything whose estimated cost is above this. */
public final class MaxCostOption {
    @Option(
            names = "--max-cost",
            paramLabel = "CNY",
            description = "Send nothing if the estimated cost of what this command sends is above CNY.")
    BigDecimal maxCost;

    /** The cap, checked to be a sensible amount. */
    BigDecimal value() {
        if (maxCost != null && maxCost.signum() < 0) {
            throw new dev.jimeng.app.UserError(
                    dev.jimeng.app.ExitCode.BAD_INPUT,
                    "--max-cost must be an amount of CNY of at least 0, got " + maxCost);
        }
        return maxCost;
    }
}
