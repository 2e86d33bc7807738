package dev.jimeng.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jimeng.json.Json;
import dev.jimeng.store.SpendRow;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The spend ledger as a table per period, or one JSON document. Every amount is an estimate. */
public final class SpendView {
    private SpendView() {}

    public static String text(Map<String, List<SpendRow>> periods, boolean sandbox) {
        StringBuilder s = new StringBuilder();
        if (sandbox) {
            s.append("sandbox, not billed: these jobs cost nothing\n");
        }
        s.append(String.format(
                Locale.ROOT,
                "%-11s %-22s %6s %12s %8s %12s%n",
                "PERIOD",
                "MODE",
                "BILLED",
                "ESTIMATED",
                "PENDING",
                "ESTIMATED"));
        periods.forEach((period, rows) -> {
            for (SpendRow r : rows) {
                s.append(String.format(
                        Locale.ROOT,
                        "%-11s %-22s %6d %12s %8d %12s%n",
                        period,
                        r.mode(),
                        r.billedJobs(),
                        yuan(r.billedCny(), sandbox),
                        r.pendingJobs(),
                        yuan(r.pendingCny(), sandbox)));
            }
            s.append(String.format(
                    Locale.ROOT,
                    "%-11s %-22s %6d %12s %8d %12s%n",
                    period,
                    "total",
                    rows.stream().mapToInt(SpendRow::billedJobs).sum(),
                    yuan(billed(rows), sandbox),
                    rows.stream().mapToInt(SpendRow::pendingJobs).sum(),
                    yuan(pending(rows), sandbox)));
        });
        s.append("billed: accepted by the server; pending: queued, being sent or of unknown outcome."
                + " Prices are estimates (price-* settings).\n");
        return s.toString();
    }

    public static String json(Map<String, List<SpendRow>> periods, boolean sandbox) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("currency", "CNY");
        root.put("estimated", true);
        root.put("sandbox", sandbox);
        ObjectNode all = root.putObject("periods");
        periods.forEach((period, rows) -> {
            ObjectNode p = all.putObject(period.replace(' ', '_'));
            p.put("billed_jobs", rows.stream().mapToInt(SpendRow::billedJobs).sum());
            p.put("billed_cny", sandbox ? 0 : round(billed(rows)));
            p.put("pending_jobs", rows.stream().mapToInt(SpendRow::pendingJobs).sum());
            p.put("pending_cny", sandbox ? 0 : round(pending(rows)));
            ObjectNode byMode = p.putObject("by_mode");
            for (SpendRow r : rows) {
                ObjectNode m = byMode.putObject(r.mode());
                m.put("billed_jobs", r.billedJobs());
                m.put("billed_cny", sandbox ? 0 : round(r.billedCny()));
                m.put("pending_jobs", r.pendingJobs());
                m.put("pending_cny", sandbox ? 0 : round(r.pendingCny()));
            }
        });
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double billed(List<SpendRow> rows) {
        return rows.stream().mapToDouble(SpendRow::billedCny).sum();
    }

    private static double pending(List<SpendRow> rows) {
        return rows.stream().mapToDouble(SpendRow::pendingCny).sum();
    }

    private static String yuan(double cny, boolean sandbox) {
        return sandbox ? "-" : String.format(Locale.ROOT, "≈¥%.2f", cny);
    }

    private static double round(double cny) {
        return Math.round(cny * 100) / 100.0;
    }
}
