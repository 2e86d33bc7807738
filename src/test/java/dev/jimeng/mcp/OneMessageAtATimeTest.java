package dev.jimeng.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Many threads answering at once over stdio: every message is handed to the SDK's transport and
 * written, none is dropped. This checks the wrapper's hand-over; it does not
 * reproduce the SDK's own race, which needs a sender preempted for over 100 ms mid-send (seen in
 * McpStdoutIT on a machine at load 16) and passes on an idle machine with or without the wrapper.
 */
class OneMessageAtATimeTest {
    private static final int THREADS = 8;
    private static final int EACH = 500;

    @Test
    void concurrentSendsAreAllWritten() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PipedOutputStream keepOpen = new PipedOutputStream();
                PipedInputStream in = new PipedInputStream(keepOpen)) {
            McpServerTransportProvider provider = new OneMessageAtATime(
                    new StdioServerTransportProvider(new JacksonMcpJsonMapper(new ObjectMapper()), in, out));
            AtomicReference<McpServerTransport> transport = new AtomicReference<>();
            provider.setSessionFactory(t -> {
                transport.set(t);
                return null; // no messages come in: only the sending side is under test
            });

            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                senders.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < EACH; i++) {
                        transport
                                .get()
                                .sendMessage(new McpSchema.JSONRPCNotification(
                                        McpSchema.JSONRPC_VERSION, "n", Map.of("t", thread, "i", i)))
                                .block(Duration.ofSeconds(10));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> sender : senders) {
                sender.get(); // a dropped message fails its sender: "Failed to enqueue message"
            }
            pool.shutdown();

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> lines(out) == THREADS * EACH);
            provider.close();
        }
    }

    private static long lines(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8).lines().count();
        }
    }
}
