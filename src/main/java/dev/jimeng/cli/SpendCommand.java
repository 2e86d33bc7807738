package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.store.SpendRow;
import dev.jimeng.view.SpendView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The spend ledger from the journal: today, 7 days, this month and all, by mode. */
@Command(
        name = "spend",
        mixinStandardHelpOptions = true,
        description = "What jobs cost (estimated): today, last 7 days, this month, all time, by mode.",
        footer = {"", "Examples:", "  jimeng spend", "  jimeng spend --json"})
public final class SpendCommand extends BaseCommand {
    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    protected ExitCode doCall() {
        ZoneId zone = ZoneId.systemDefault();
        Instant now = jobs().clock().instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Map<String, List<SpendRow>> periods = new LinkedHashMap<>();
        periods.put("today", jobs().spend(today.atStartOfDay(zone).toInstant()));
        periods.put("7 days", jobs().spend(today.minusDays(6).atStartOfDay(zone).toInstant()));
        periods.put(
                "this month",
                jobs().spend(today.withDayOfMonth(1).atStartOfDay(zone).toInstant()));
        periods.put("all", jobs().spend(Instant.EPOCH));
        out().print(json ? SpendView.json(periods, jobs().sandbox()) : SpendView.text(periods, jobs().sandbox()));
        out().flush();
        return ExitCode.OK;
    }
}
