package dev.jimeng.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jimeng.app.App;
import dev.jimeng.app.Failure;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code jimeng mcp}: serves the tools and resources over stdio until the client closes stdin.
 * Unfinished jobs of the journal (left by a process that ended, even killed) are carried on at
 * start, as the shell does, so an agent's job is never lost and never sent twice.
 */
public final class JimengMcpServer {
    static final String INSTRUCTIONS = "jimeng makes videos with Volcengine's Jimeng Video 3.0 API. generate costs"
            + " money and returns at once with a job id: then call wait (bounded; call it again while the job"
            + " runs) and result, and show the user the Markdown block and the video. Never call generate again"
            + " for a job that is still running or whose submit outcome is unknown: that pays twice. quote,"
            + " status, wait, result, jobs, spend and modes are free.";

    private JimengMcpServer() {}

    /**
     * Serves until {@code in} ends. {@code out} gets protocol messages only; diagnostics go to {@code log}.
     */
    public static void serve(App app, String version, InputStream in, OutputStream out, PrintStream log)
            throws InterruptedException {
        McpJsonMapper mapper = new JacksonMcpJsonMapper(new ObjectMapper());
        CountDownLatch ended = new CountDownLatch(1);
        AgentTools tools = new AgentTools(app, log);
        try (VideoResources resources = new VideoResources(app.jobs())) {
            McpSyncServer server = McpServer.sync(new OneMessageAtATime(
                            new StdioServerTransportProvider(mapper, new EndSignalling(in, ended), out)))
                    .serverInfo("jimeng", version)
                    .instructions(INSTRUCTIONS)
                    .capabilities(ServerCapabilities.builder()
                            .tools(false)
                            .resources(false, true)
                            .build())
                    // the arguments are checked by jimeng's own rules, so an error reads as on the CLI
                    .validateToolInputs(false)
                    .tools(toolSpecifications(tools))
                    .resources(resources.initial())
                    .build();
            resources.follow(server);
            resume(app, log);
            ended.await();
            server.closeGracefully();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<SyncToolSpecification> toolSpecifications(AgentTools tools) {
        return ToolSpecs.all().stream()
                .map(spec -> SyncToolSpecification.builder()
                        .tool(Tool.builder()
                                .name(spec.name())
                                .description(spec.description())
                                .inputSchema(spec.inputSchema())
                                .build())
                        .callHandler((exchange, request) -> tools.call(spec.name(), request.arguments()))
                        .build())
                .toList();
    }

    /** Carries on every unfinished job; a problem (no credentials, ...) is logged, the server still serves. */
    private static void resume(App app, PrintStream log) {
        try {
            List<String> resumed = app.jobs().resumeAll();
            if (!resumed.isEmpty()) {
                log.println("jimeng mcp: carrying on " + String.join(" ", resumed));
            }
        } catch (RuntimeException e) {
            log.println("jimeng mcp: cannot carry on unfinished jobs: "
                    + Failure.of(e, true).message());
        }
    }

    /** Stdin that tells when it has ended: the client is gone and the server stops. */
    private static final class EndSignalling extends FilterInputStream {
        private final CountDownLatch ended;

        EndSignalling(InputStream in, CountDownLatch ended) {
            super(in);
            this.ended = ended;
        }

        @Override
        public int read() throws IOException {
            return signal(super.read());
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return signal(super.read(b, off, len));
            } catch (IOException e) {
                ended.countDown();
                throw e;
            }
        }

        private int signal(int n) {
            if (n < 0) {
                ended.countDown();
            }
            return n;
        }
    }
}
