package dev.jimeng.app;

import dev.jimeng.config.Setting;
import dev.jimeng.config.Settings;
import dev.jimeng.store.SpendRow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The spending caps: {@code --max-cost} on a command, and the settings max-cost-per-job,
 * daily-budget and monthly-budget. A submit that would pass one is refused before anything is
 * journaled or sent. Spend is what the journal says was accepted or may still be billed, so a
 * restart cannot reset it. {@code --yes} skips questions, never caps.
 */
final class Budget {
    private final Settings settings;
    private final Function<Instant, List<SpendRow>> ledger;
    private final Clock clock;
    private final ZoneId zone;

    Budget(Settings settings, Function<Instant, List<SpendRow>> ledger, Clock clock, ZoneId zone) {
        this.settings = settings;
        this.ledger = ledger;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * @param total the estimated cost of everything this command sends
     * @param largest the most expensive single job among it
     * @param maxCost the command's --max-cost, or null
     * @throws UserError naming the cap, the amounts and how to raise it
     */
    void check(double total, double largest, BigDecimal maxCost) {
        if (maxCost != null && total > maxCost.doubleValue() + 1e-9) {
            throw refused(
                    String.format(
                            Locale.ROOT,
                            "this would cost ≈¥%.2f estimated, above --max-cost ¥%s",
                            total,
                            maxCost.toPlainString()),
                    "raise --max-cost");
        }
        settings.cap(Setting.MAX_COST_PER_JOB).ifPresent(cap -> {
            if (largest > cap.doubleValue() + 1e-9) {
                throw refused(
                        String.format(
                                Locale.ROOT,
                                "a job would cost ≈¥%.2f estimated, above max-cost-per-job ¥%s",
                                largest,
                                cap.toPlainString()),
                        raise(Setting.MAX_COST_PER_JOB));
            }
        });
        LocalDate today = LocalDate.now(clock.withZone(zone));
        period(Setting.DAILY_BUDGET, "today", today.atStartOfDay(zone).toInstant(), total);
        period(
                Setting.MONTHLY_BUDGET,
                "this month",
                today.withDayOfMonth(1).atStartOfDay(zone).toInstant(),
                total);
    }

    private void period(Setting budget, String when, Instant since, double adding) {
        settings.cap(budget).ifPresent(cap -> {
            double spent = spentSince(since);
            if (spent + adding > cap.doubleValue() + 1e-9) {
                throw refused(
                        String.format(
                                Locale.ROOT,
                                "≈¥%.2f estimated is spent or on its way %s; ≈¥%.2f more would pass %s ¥%s",
                                spent,
                                when,
                                adding,
                                budget.key(),
                                cap.toPlainString()),
                        raise(budget));
            }
        });
    }

    /** Accepted plus still possibly billed, in estimated CNY, of the jobs created since {@code since}. */
    double spentSince(Instant since) {
        return ledger.apply(since).stream()
                .mapToDouble(r -> r.billedCny() + r.pendingCny())
                .sum();
    }

    private String raise(Setting cap) {
        return "raise it with 'set " + cap.key() + " N --save' in the shell or " + cap.key() + "=N in "
                + settings.paths().configFile();
    }

    private static UserError refused(String what, String how) {
        return new UserError(ExitCode.BAD_INPUT, what + "; nothing was sent (" + how + ")");
    }
}
