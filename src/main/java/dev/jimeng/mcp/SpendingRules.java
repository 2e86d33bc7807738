package dev.jimeng.mcp;

import dev.jimeng.app.App;
import dev.jimeng.config.Setting;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.request.ValidatedRequest;
import dev.jimeng.text.Durations;
import dev.jimeng.view.Billing;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agents' own money rules, on top of the CLI's: a submit needs a limit someone set (max_cost
 * or a configured budget), and an identical recent job is answered rather than paid for again. In
 * the sandbox nothing is billed, so no limit is asked for.
 */
final class SpendingRules {
    private static final List<Setting> BUDGETS =
            List.of(Setting.MAX_COST_PER_JOB, Setting.DAILY_BUDGET, Setting.MONTHLY_BUDGET);

    private final App app;

    SpendingRules(App app) {
        this.app = app;
    }

    /** An agent spends only within a limit someone set: per call, or jimeng's budget settings. */
    void requireALimit(BigDecimal maxCost) {
        if (app.sandboxMode() || maxCost != null) {
            return;
        }
        boolean configured =
                BUDGETS.stream().anyMatch(s -> app.settings().cap(s).isPresent());
        if (!configured) {
            throw new Refused(
                    "budget_required",
                    "generate costs money and no limit is set: pass max_cost (CNY), or configure a budget"
                            + " (max-cost-per-job, daily-budget or monthly-budget in "
                            + app.paths().configFile() + ", or jimeng mcp --daily-budget CNY); nothing was sent",
                    Map.of());
        }
    }

    /** Refuses a request identical to a recent job, naming that job, unless the agent chose to pay again. */
    void refuseDuplicate(ValidatedRequest validated) {
        Optional<JobSnapshot> twin = app.jobs().recentTwin(validated);
        if (twin.isPresent()) {
            JobSnapshot t = twin.get();
            String age = Durations.compact(
                    Duration.between(t.createdAt(), app.jobs().clock().instant()));
            throw new Refused(
                    "duplicate",
                    "an identical job " + t.id() + " exists (" + t.state().label() + ", " + age
                            + " ago): use it (wait or result with job_id " + t.id() + "), or pass"
                            + " allow_duplicate=true to pay again (" + Billing.cost(validated.estimatedCostCny(), false)
                            + "); nothing was sent",
                    Map.of("job_id", t.id(), "state", t.state().label()));
        }
    }
}
