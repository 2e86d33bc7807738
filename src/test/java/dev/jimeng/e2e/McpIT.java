package dev.jimeng.e2e;

import static dev.jimeng.e2e.AgentClient.error;
import static dev.jimeng.e2e.AgentClient.structured;
import static dev.jimeng.e2e.AgentClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.sandbox.LoggedRequest;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import dev.jimeng.time.ManualClock;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourceLink;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jimeng mcp} driven by the MCP SDK's own client over stdio, as an agent would, against a
 * sandbox in this JVM: its request log shows what the server received, whatever the agent was told.
 * The sandbox's clock is moved by hand, so a task stays at the server for as long as the test
 * needs ("still running" holds on any machine, with no timing assumption). Jobs run against the
 * sandbox as against the real API, so the money rules (a limit, the duplicate guard) apply.
 */
class McpIT {
    private static final Duration TASK_TIME = Duration.ofSeconds(6);
    private static final Duration STEP = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void anAgentQuotesGeneratesWaitsAndGetsTheResultWithinItsLimits() throws Exception {
        ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try (SandboxServer sandbox = heldSandbox(clock)) {
            Map<String, String> env = environment(sandbox);
            env.put("JIMENG_CONCURRENCY", "1"); // the second job waits, unsent, for the first one's slot
            try (AgentClient agent = AgentClient.start(env, "mcp")) {
                // the schemas enumerate what the capability table allows
                List<Tool> tools = agent.sdk().listTools().tools();
                assertThat(tools)
                        .extracting(Tool::name)
                        .containsExactlyInAnyOrder(
                                "quote",
                                "generate",
                                "status",
                                "wait",
                                "result",
                                "jobs",
                                "cancel",
                                "download",
                                "spend",
                                "modes");
                Tool generate = tools.stream()
                        .filter(t -> t.name().equals("generate"))
                        .findFirst()
                        .orElseThrow();
                assertThat(property(generate, "mode").get("enum"))
                        .isEqualTo(Capabilities.modeNames())
                        .asList()
                        .hasSize(8);
                assertThat(property(generate, "duration").get("enum")).isEqualTo(List.of(5, 10));
                assertThat(property(generate, "aspect_ratio").get("enum")).isEqualTo(Capabilities.ASPECT_RATIOS);
                assertThat(property(generate, "template").get("enum")).isEqualTo(Capabilities.CAMERA_TEMPLATES);
                assertThat(generate.description()).contains("COSTS MONEY");
                assertThat(tools.stream().filter(t -> !t.name().equals("generate")))
                        .allSatisfy(t -> assertThat(t.description()).containsAnyOf("Free", "Never billed", "free"));

                // a quote sends nothing
                CallToolResult quote = agent.call("quote", Map.of("prompt", "a red fox", "mode", "t2v_1080p"));
                assertThat(quote.isError()).as(text(quote)).isFalse();
                assertThat(text(quote)).contains("≈¥3.15 estimated");
                assertThat(structured(quote)).containsEntry("total_estimated_cny", 3.15);

                // no limit: refused, with the reason, nothing sent
                CallToolResult unlimited = agent.call("generate", Map.of("prompt", "a red fox"));
                assertThat(unlimited.isError()).isTrue();
                assertThat(error(unlimited).orElseThrow())
                        .containsEntry("code", "bad_input")
                        .containsEntry("reason", "budget_required");
                assertThat(text(unlimited)).startsWith("bad_input: generate costs money and no limit is set");
                // above the per-call limit: the CLI's words for --max-cost
                CallToolResult tooDear = agent.call("generate", Map.of("prompt", "a red fox", "max_cost", 0.5));
                assertThat(text(tooDear)).contains("above --max-cost ¥0.5; nothing was sent");
                assertThat(sandbox.submitCount()).isZero();

                // two jobs: the first goes to the server, the second waits for its slot
                String first = jobId(agent.call("generate", Map.of("prompt", "a red fox", "max_cost", 2)));
                String second = jobId(agent.call("generate", Map.of("prompt", "a blue whale", "max_cost", 2)));
                Await.until(STEP, "the first job is at the server", () -> submittedPrompts(sandbox)
                        .equals(List.of("a red fox")));

                // a short wait returns the state, not an error
                CallToolResult shortWait = agent.call("wait", Map.of("job_id", first, "timeout_seconds", 1));
                assertThat(shortWait.isError()).as(text(shortWait)).isFalse();
                assertThat(structured(shortWait)).containsEntry("finished", false);
                assertThat((String) structured(shortWait).get("state")).isIn("in_queue", "generating");
                assertThat(text(shortWait))
                        .contains("call wait with job_id " + first)
                        .contains("do not call generate");

                // the queued one is canceled before it is ever sent
                CallToolResult cancel = agent.call("cancel", Map.of("job_id", second));
                assertThat(cancel.isError()).as(text(cancel)).isFalse();
                assertThat(text(cancel)).contains(second + " canceled; it was never sent, nothing is billed");

                // wait to the end, then the seed's block and the file
                clock.advance(TASK_TIME);
                CallToolResult done = agent.call("wait", Map.of("job_id", first, "timeout_seconds", 120));
                assertThat(structured(done)).as(text(done)).containsEntry("state", "done");
                CallToolResult result = agent.call("result", Map.of("job_id", first));
                assertThat(result.isError()).isFalse();
                String markdown = text(result);
                assertThat(markdown)
                        .contains("**Generated Video:**", "[Download Video](file:", "**Generation Info:**")
                        .contains("- Prompt: a red fox", "- Duration: 5 seconds", "- Mode: t2v_720p", "- FPS: 24")
                        .contains("- Save Path: ");
                Path file = Path.of((String) structured(result).get("path"));
                assertThat(file).isRegularFile().startsWith(dir.resolve("videos"));
                assertThat(((Number) structured(result).get("bytes")).longValue())
                        .isEqualTo(Files.size(file));
                assertThat(markdown).contains("File: " + file + " (" + Files.size(file) + " bytes)");
                assertThat(result.content())
                        .filteredOn(ResourceLink.class::isInstance)
                        .singleElement()
                        .satisfies(link ->
                                assertThat(((ResourceLink) link).mimeType()).isEqualTo("video/mp4"));

                // the same video again: answered, not asked; nothing sent
                CallToolResult twin = agent.call("generate", Map.of("prompt", "a red fox", "max_cost", 2));
                assertThat(twin.isError()).isTrue();
                assertThat(error(twin).orElseThrow())
                        .containsEntry("reason", "duplicate")
                        .containsEntry("job_id", first);
                assertThat(text(twin))
                        .contains("an identical job " + first + " exists (done, ")
                        .contains("pass allow_duplicate=true to pay again");

                // the finished video is a resource
                List<Resource> resources = agent.sdk().listResources().resources();
                assertThat(resources)
                        .filteredOn(r -> "video/mp4".equals(r.mimeType()))
                        .singleElement()
                        .satisfies(r -> {
                            assertThat(Path.of(URI.create(r.uri()))).isEqualTo(file);
                            assertThat(r.size()).isEqualTo(Files.size(file));
                            assertThat(r.meta()).containsEntry("job_id", first);
                        });
                assertThat(resources).extracting(Resource::uri).contains("jimeng://jobs/recent");
            }
            // the server saw exactly one submit: not the canceled job, not the refused ones
            assertThat(submittedPrompts(sandbox)).containsExactly("a red fox");
            assertThat(SandboxLog.acceptedSubmits(sandbox)).isEqualTo(1);
        }
    }

    @Test
    void aServerKilledMidJobIsFollowedByOneThatFinishesItWithoutASecondSubmit() throws Exception {
        ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try (SandboxServer sandbox = heldSandbox(clock)) {
            Map<String, String> env = environment(sandbox);
            String id;
            try (AgentClient agent = AgentClient.start(env, "mcp", "--max-cost-per-job", "5")) {
                // the session's budget is a limit: no max_cost needed
                id = jobId(agent.call("generate", Map.of("prompt", "a paper boat")));
                Await.until(
                        STEP,
                        "the task is accepted and journaled",
                        () -> "in_queue".equals(state(agent, id)),
                        () -> SandboxLog.summary(sandbox));
                killServer();
            }
            clock.advance(TASK_TIME); // the task finishes at the server while no jimeng runs
            try (AgentClient agent = AgentClient.start(env, "mcp")) {
                CallToolResult done = agent.call("wait", Map.of("job_id", id, "timeout_seconds", 120));
                assertThat(structured(done)).as(text(done)).containsEntry("state", "done");
                assertThat(Path.of((String) structured(done).get("path"))).isRegularFile();
            }
            assertThat(sandbox.submitCount()).as(SandboxLog.summary(sandbox)).isEqualTo(1);
            assertThat(SandboxLog.polledTaskIds(sandbox)).hasSize(1);
        }
    }

    /** SIGKILL for the one jimeng mcp this test JVM started: no shutdown hook, no lease released. */
    private static void killServer() throws Exception {
        List<ProcessHandle> servers = ProcessHandle.current()
                .children()
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains("jimeng.jar") && c.contains(" mcp"))
                        .orElse(false))
                .toList();
        assertThat(servers).hasSize(1);
        servers.getFirst().destroyForcibly();
        servers.getFirst().onExit().get();
    }

    private static String state(AgentClient agent, String id) {
        CallToolResult status = agent.call("status", Map.of("job_id", id));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> jobs =
                (List<Map<String, Object>>) structured(status).get("jobs");
        return (String) jobs.getFirst().get("status");
    }

    private static String jobId(CallToolResult generated) {
        assertThat(generated.isError()).as(text(generated)).isFalse();
        assertThat(text(generated)).contains("≈¥1.40 estimated");
        assertThat(structured(generated)).containsKeys("estimated_cost_cny", "check_back_seconds");
        return (String) structured(generated).get("job_id");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> property(Tool tool, String name) {
        return (Map<String, Object>) ((Map<String, Object>) tool.inputSchema().get("properties")).get(name);
    }

    private SandboxServer heldSandbox(ManualClock clock) throws Exception {
        return SandboxServer.start(SandboxConfig.builder()
                .clock(clock)
                .queueDuration(Duration.ofSeconds(1))
                .generateDuration(TASK_TIME.minusSeconds(1))
                .concurrencyLimit(100)
                .qpsLimit(Integer.MAX_VALUE) // the clock stands still: every poll falls in one "second"
                .build());
    }

    private Map<String, String> environment(SandboxServer sandbox) {
        return new HashMap<>(JimengProcess.environment(sandbox, dir.resolve("home"), dir.resolve("videos")));
    }

    static List<String> submittedPrompts(SandboxServer sandbox) {
        List<String> prompts = new ArrayList<>();
        for (LoggedRequest r : sandbox.requests()) {
            if (r.target().equals(SandboxLog.SUBMIT)) {
                JsonNode body = r.body();
                prompts.add(
                        body == null || !body.hasNonNull("prompt")
                                ? "?"
                                : body.get("prompt").asText());
            }
        }
        return prompts;
    }
}
