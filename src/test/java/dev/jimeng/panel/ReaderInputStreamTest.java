package dev.jimeng.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jline.utils.NonBlockingReader;
import org.junit.jupiter.api.Test;

class ReaderInputStreamTest {
    @Test
    void anArrowKeyReachesThePanelWholeNotAsAnEscFirst() throws Exception {
        PausingReader keys = new PausingReader("\u001b[C"); // Right, all three characters arrived

        try (ReaderInputStream in = new ReaderInputStream(keys, StandardCharsets.UTF_8)) {
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> in.available() > 0);
            int handedOver = in.available();
            keys.looked.countDown();

            assertThat(handedOver)
                    .as("Lanterna reads an ESC that stands alone as the Esc key, which closes the panel")
                    .isEqualTo(3);
            assertThat(new String(in.readNBytes(3), StandardCharsets.UTF_8)).isEqualTo("\u001b[C");
        }
    }

    @Test
    void keysThePumpTookButThePanelDidNotReadAreHandedBackOnClose() throws Exception {
        PausingReader keys = new PausingReader("jobs\r");
        keys.looked.countDown(); // no pause

        ReaderInputStream in = new ReaderInputStream(keys, StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(10)).until(() -> in.available() == 5);
        in.close();

        assertThat(in.unread()).isEqualTo("jobs\r");
        assertThat(in.unread()).as("handed back once").isEmpty();
    }

    /**
     * JLine's reader holding one key's characters. Its second read waits until the test has looked at the
     * stream (at most half a second), as a busy machine may pause the key pump just there.
     */
    private static final class PausingReader extends NonBlockingReader {
        final CountDownLatch looked = new CountDownLatch(1);
        private final Deque<Character> chars = new ArrayDeque<>();
        private int reads;

        PausingReader(String arrived) {
            arrived.chars().forEach(c -> chars.add((char) c));
        }

        @Override
        protected synchronized int read(long timeout, boolean isPeek) throws java.io.IOException {
            if (chars.isEmpty()) {
                try {
                    wait(Math.max(1, timeout)); // nothing more comes
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
                return READ_EXPIRED;
            }
            if (isPeek) {
                return chars.peek();
            }
            if (++reads == 2) {
                try {
                    looked.await(500, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
            }
            return chars.poll();
        }

        @Override
        public synchronized int available() {
            return chars.size();
        }

        @Override
        public int readBuffered(char[] b, int off, int len, long timeout) {
            throw new UnsupportedOperationException("the key pump reads one character at a time");
        }
    }
}
