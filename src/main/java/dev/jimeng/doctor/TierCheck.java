package dev.jimeng.doctor;

import dev.jimeng.api.ApiException;
import dev.jimeng.api.ErrorCategory;
import dev.jimeng.api.JimengApi;
import dev.jimeng.api.TaskStatus;
import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.mode.ModeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Whether each service tier (720P, 1080P, Pro) is activated for the account: a get-result for a
 * task id that cannot exist, with each mode's req_key, costs nothing. "not found" proves the tier
 * is on; Access Denied (the gateway's AccessDenied, or 50400 "Access Denied" as some clients see
 * it) means it is not activated in the console, the most common first-day failure.
 */
final class TierCheck implements Check {
    /** No task has this id: the server answers not_found, or refuses the req_key first. */
    static final String NO_SUCH_TASK = "0";

    private final Supplier<JimengApi> api;
    private final boolean sandbox;

    TierCheck(Supplier<JimengApi> api, boolean sandbox) {
        this.api = api;
        this.sandbox = sandbox;
    }

    @Override
    public List<Finding> run() {
        JimengApi client;
        try {
            client = api.get();
        } catch (UserError e) {
            return List.of(Finding.warning("tiers", "not checked: " + e.getMessage(), "fix the credentials first"));
        }
        Map<String, List<ModeSpec>> tiers = new LinkedHashMap<>();
        for (ModeSpec mode : Capabilities.modes()) {
            tiers.computeIfAbsent(mode.resolution(), r -> new ArrayList<>()).add(mode);
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, List<ModeSpec>> tier : tiers.entrySet()) {
            String check = "tier " + tier.getKey();
            List<String> denied = new ArrayList<>();
            for (ModeSpec mode : tier.getValue()) {
                try {
                    TaskStatus status =
                            client.getResult(mode.reqKey(), NO_SUCH_TASK).status();
                    if (status != TaskStatus.NOT_FOUND) {
                        findings.add(Finding.warning(
                                check,
                                mode.name() + ": unexpected answer " + status.wire(),
                                "run jimeng doctor again"));
                    }
                } catch (ApiException e) {
                    if (accessDenied(e)) {
                        denied.add(mode.name());
                    } else if (e.error().category() == ErrorCategory.NETWORK
                            || e.error().category() == ErrorCategory.TIMEOUT) {
                        findings.add(Finding.warning(
                                "tiers", "not checked: the endpoint could not be reached", "see the endpoint line"));
                        return findings;
                    } else if (e.error().category() == ErrorCategory.AUTH) {
                        findings.add(Finding.problem(
                                "tiers",
                                "not checked: " + e.error().describe(),
                                e.error().hint(),
                                ExitCode.AUTH));
                        return findings;
                    } else {
                        findings.add(Finding.warning(
                                check, mode.name() + ": " + e.error().describe(), "run jimeng doctor again"));
                    }
                }
            }
            findings.add(
                    denied.isEmpty()
                            ? Finding.ok(check, "activated (" + tier.getValue().size() + " modes answer)")
                            : Finding.problem(
                                    check,
                                    "not activated: Access Denied for " + String.join(", ", denied),
                                    sandbox
                                            ? "the sandbox was told to refuse this tier"
                                            : "activate Jimeng Video 3.0 " + label(tier.getKey())
                                                    + " for this account in the Volcengine console, and allow the key"
                                                    + " to call the cv service",
                                    ExitCode.AUTH));
        }
        return findings;
    }

    private static boolean accessDenied(ApiException e) {
        String code = e.error().code();
        String message = e.error().message() == null ? "" : e.error().message().toLowerCase(Locale.ROOT);
        return "AccessDenied".equals(code) || ("50400".equals(code) && message.contains("access denied"));
    }

    private static String label(String resolution) {
        return resolution.equals("pro") ? "Pro" : resolution.toUpperCase(Locale.ROOT);
    }
}
