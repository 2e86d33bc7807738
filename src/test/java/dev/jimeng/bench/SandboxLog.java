package dev.jimeng.bench;

import dev.jimeng.sandbox.LoggedRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the benchmarks read from a sandbox's request log. */
final class SandboxLog {
    private static final String SUBMIT = "CVSync2AsyncSubmitTask";
    private static final String GET_RESULT = "CVSync2AsyncGetResult";

    private SandboxLog() {}

    /** When the sandbox accepted each prompt's submit (the task's clock starts then). */
    static Map<String, Instant> acceptedSubmitsByPrompt(List<LoggedRequest> requests) {
        Map<String, Instant> accepted = new HashMap<>();
        for (LoggedRequest r : requests) {
            boolean submitAccepted = r.target().equals(SUBMIT) && r.businessCode() != null && r.businessCode() == 10000;
            if (submitAccepted && r.body() != null) {
                accepted.putIfAbsent(r.body().path("prompt").asText(), r.time());
            }
        }
        return accepted;
    }

    /** When each get-result about {@code taskId} arrived, oldest first. */
    static List<Instant> getResults(List<LoggedRequest> requests, String taskId) {
        return requests.stream()
                .filter(r -> r.target().equals(GET_RESULT) && r.body() != null)
                .filter(r -> taskId.equals(r.body().path("task_id").asText()))
                .map(LoggedRequest::time)
                .toList();
    }
}
