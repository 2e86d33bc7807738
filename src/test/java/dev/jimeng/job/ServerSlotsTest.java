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

    @Test
    void eachFreedSlotGoesToTheJobThatWaitedLongestAtOnce() throws Exception {
        ServerSlots slots = new ServerSlots(1);
        slots.acquire();
        java.util.List<String> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.List<CompletableFuture<Void>> waiters = new java.util.ArrayList<>();
        for (String job : java.util.List.of("first", "second", "third")) {
            int before = slots.waiting();
            waiters.add(CompletableFuture.runAsync(() -> {
                try {
                    slots.acquire();
                    order.add(job);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            while (slots.waiting() == before) { // queued in this order
                Thread.onSpinWait();
            }
        }

        for (int released = 1; released <= 3; released++) {
            slots.release(); // a task is done at the server: no poll tick, the next one goes now
            waiters.get(released - 1).get(10, TimeUnit.SECONDS);
            assertThat(order).hasSize(released);
        }
        assertThat(order).containsExactly("first", "second", "third");
        assertThat(slots.inUse()).isEqualTo(1);
    }
}
