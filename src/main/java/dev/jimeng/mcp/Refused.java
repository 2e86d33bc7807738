package dev.jimeng.mcp;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import java.util.Map;

/** A refusal by the agents' rules, with a reason to branch on and facts to act on. */
final class Refused extends UserError {
    private final String reason;
    private final transient Map<String, Object> details;

    Refused(String reason, String message, Map<String, Object> details) {
        super(ExitCode.BAD_INPUT, message);
        this.reason = reason;
        this.details = Map.copyOf(details);
    }

    /** A word for the agent to branch on: budget_required, duplicate, not_done. */
    String reason() {
        return reason;
    }

    Map<String, Object> details() {
        return details;
    }
}
