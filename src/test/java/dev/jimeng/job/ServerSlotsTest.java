package dev.jimeng.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServerSlotsTest {
    @Test
    void aLowerLimitHoldsBackTheNextTaskAndAHigherOneLetsAWaitingTaskGo() throws Exception {
        ServerSlots slots = new ServerSlots(2);
        slots.setLimit(1);
        slots.acquire();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (slots.waiting() == 0) {
            Thread.onSpinWait();
        }
        assertThat(second).isNotDone();

        slots.setLimit(2);
        second.get(10, TimeUnit.SECONDS);
        assertThat(slots.inUse()).isEqualTo(2);
    }
}
