package dev.jimeng.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body handler that collects an API answer of at most {@code limit} bytes. A bigger one (announced
 * by Content-Length, or found while reading: at most limit + 1 bytes are kept) fails with {@link
 * TooLarge} and cancels the rest of the body, so a hostile or misdirected server cannot fill memory.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** The answer exceeded the limit. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the answer is larger than " + limit + " bytes");
        }
    }

    private final long limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private BoundedBody(long limit) {
        this.limit = limit;
    }

    static HttpResponse.BodyHandler<byte[]> handler(long limit) {
        return info -> {
            BoundedBody body = new BoundedBody(limit);
            if (info.headers().firstValueAsLong("Content-Length").orElse(-1) > limit) {
                body.result.completeExceptionally(new TooLarge(limit));
            }
            return body;
        };
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int take = (int) Math.min(buffer.remaining(), limit + 1 - bytes.size());
            byte[] chunk = new byte[take];
            buffer.get(chunk);
            bytes.write(chunk, 0, take);
            if (bytes.size() > limit) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge(limit));
                return;
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }
}
