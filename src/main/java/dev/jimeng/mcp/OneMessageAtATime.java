package dev.jimeng.mcp;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * A server transport whose sessions send one message at a time.
 *
 * <p>The SDK's stdio transport (2.1.0) hands each outgoing message to a sink that takes one sender
 * at a time; a second one spins for 100 ms and then drops its message ("Failed to enqueue message";
 * modelcontextprotocol/java-sdk issues 304 and 686). On a busy machine a sender preempted mid-send
 * holds the sink longer than that: two tool calls answered together (McpStdoutIT sends five at
 * once), or an answer and a resource-list notification, and the client waited forever for an
 * answer never written. Taking turns under one lock leaves nobody spinning.
 */
final class OneMessageAtATime implements McpServerTransportProvider {
    private final McpServerTransportProvider transport;

    OneMessageAtATime(McpServerTransportProvider transport) {
        this.transport = transport;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory sessions) {
        transport.setSessionFactory(session -> sessions.create(new Serialized(session)));
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return transport.notifyClients(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return transport.notifyClient(sessionId, method, params);
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public Mono<Void> closeGracefully() {
        return transport.closeGracefully();
    }

    @Override
    public List<String> protocolVersions() {
        return transport.protocolVersions();
    }

    /** One session's transport, its sends made one after another. */
    private static final class Serialized implements McpServerTransport {
        private final McpServerTransport session;
        private final Object sending = new Object();

        Serialized(McpServerTransport session) {
            this.session = session;
        }

        @Override
        public Mono<Void> sendMessage(JSONRPCMessage message) {
            return Mono.defer(() -> {
                synchronized (sending) {
                    // the stdio transport's send completes as it is subscribed to: subscribing here,
                    // under the lock, is the whole hand-over to its sink
                    Throwable[] failed = new Throwable[1];
                    session.sendMessage(message).subscribe(done -> {}, e -> failed[0] = e);
                    return failed[0] == null ? Mono.<Void>empty() : Mono.<Void>error(failed[0]);
                }
            });
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
            return session.unmarshalFrom(data, type);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return session.closeGracefully();
        }

        @Override
        public void close() {
            session.close();
        }

        @Override
        public List<String> protocolVersions() {
            return session.protocolVersions();
        }
    }
}
