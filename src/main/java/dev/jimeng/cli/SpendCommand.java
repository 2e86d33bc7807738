package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.store.SpendRow;
import dev.jimeng.view.SpendView;
import java.time.ZoneId;
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
        Map<String, List<SpendRow>> periods = jobs().spendPeriods(ZoneId.systemDefault());
        out().print(json ? SpendView.json(periods, jobs().sandbox()) : SpendView.text(periods, jobs().sandbox()));
        out().flush();
        return ExitCode.OK;
    }
}
