package dev.jimeng.e2e;

import dev.jimeng.sandbox.LoggedRequest;
import dev.jimeng.sandbox.SandboxServer;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** Questions a test asks the sandbox's request log: what the server saw, not what the client says. */
public final class SandboxLog {
    public static final String SUBMIT = "CVSync2AsyncSubmitTask";
    public static final String GET_RESULT = "CVSync2AsyncGetResult";
    public static final int SUCCESS = 10000;

    private SandboxLog() {}

    /** Task ids some client has asked get-result about (proof that it received and kept them). */
    public static Set<String> polledTaskIds(SandboxServer sandbox) {
        Set<String> ids = new LinkedHashSet<>();
        for (LoggedRequest r : sandbox.requests()) {
            if (r.target().equals(GET_RESULT) && r.body() != null && r.body().hasNonNull("task_id")) {
                ids.add(r.body().get("task_id").asText());
            }
        }
        return ids;
    }

    /** Submits answered with success: tasks the server accepted (and would bill). */
    public static long acceptedSubmits(SandboxServer sandbox) {
        return sandbox.requests().stream()
                .filter(r -> r.target().equals(SUBMIT) && Objects.equals(r.businessCode(), SUCCESS))
                .count();
    }

    /** API answers carrying this business code (e.g. 50429 QPS, 50430 concurrency). */
    public static long answersWithCode(SandboxServer sandbox, int code) {
        return sandbox.requests().stream()
                .filter(r -> Objects.equals(r.businessCode(), code))
                .count();
    }

    public static String summary(SandboxServer sandbox) {
        return "submits=" + sandbox.submitCount() + " accepted=" + acceptedSubmits(sandbox) + " getResults="
                + sandbox.getResultCount() + " downloads=" + sandbox.downloadCount() + " polledTasks="
                + polledTaskIds(sandbox).size() + " running=" + sandbox.runningTasks();
    }
}
