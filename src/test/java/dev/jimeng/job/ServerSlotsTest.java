package dev.jimeng.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ServerSlotsTest {
    @Test
    void aLowerLimitHoldsBackTheNextTaskAndAHigherOneLetsAWaitingTaskGo() throws Exception {
        ServerSlots slots = new ServerSlots(2);
        slots.setLimit(1);
        slots.acquire();
        CompletableFuture<Void> second = inLineForASlot(slots);
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

    @Test
    void theLineIsShortWhileFewerWaitThanThereAreSlots() throws Exception {
        ServerSlots slots = new ServerSlots(2);
        slots.acquire();
        slots.acquire();
        CompletableFuture<Void> shortLine = new CompletableFuture<>();
        java.util.List<CompletableFuture<Void>> waiters = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            java.util.concurrent.CountDownLatch inLine = new java.util.concurrent.CountDownLatch(1);
            waiters.add(CompletableFuture.runAsync(() -> {
                try {
                    slots.acquire(inLine::countDown);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertThat(inLine.await(10, TimeUnit.SECONDS)).isTrue(); // told once its place is taken
        }
        Thread dispatcher = Thread.ofVirtual().start(() -> {
            try {
                slots.awaitShortLine();
                shortLine.complete(null);
            } catch (InterruptedException e) {
                shortLine.completeExceptionally(e);
            }
        });
        assertThat(slots.waiting()).isEqualTo(2);
        assertThat(shortLine).isNotDone(); // two wait for two slots: a third would only queue behind

        slots.release(); // one of the waiters takes the slot: the line is short again
        shortLine.get(10, TimeUnit.SECONDS);
        waiters.getFirst().get(10, TimeUnit.SECONDS);
        assertThat(slots.waiting()).isEqualTo(1);
        dispatcher.join();
        slots.release(); // the last waiter must not hold a common-pool thread after the test
        waiters.get(1).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aHandoverLastsFromTheFreedSlotToTheNextSubmitsAnswer() throws Exception {
        ServerSlots slots = new ServerSlots(1);
        assertThat(slots.awaitNoHandover(Duration.ZERO))
                .as("nothing to hand over")
                .isTrue();
        slots.acquire();
        assertThat(slots.awaitNoHandover(Duration.ZERO))
                .as("its submit is on the wire")
                .isFalse();
        slots.handedOver();
        assertThat(slots.awaitNoHandover(Duration.ZERO))
                .as("answered; the task runs")
                .isTrue();

        CompletableFuture<Void> next = inLineForASlot(slots);
        assertThat(slots.awaitNoHandover(Duration.ZERO))
                .as("all slots busy: the next only waits")
                .isTrue();

        slots.release(); // the task is done: its slot goes to the next
        next.get(10, TimeUnit.SECONDS);
        AtomicReference<Boolean> quiet = new AtomicReference<>();
        Thread hash = Thread.ofVirtual().start(() -> {
            try {
                quiet.set(slots.awaitNoHandover(Duration.ofMinutes(1)));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> hash.getState() == Thread.State.TIMED_WAITING);
        assertThat(quiet).hasNullValue();

        slots.handedOver(); // the next submit's answer is in
        hash.join(Duration.ofSeconds(10));
        assertThat(quiet).hasValue(true);
    }

    @Test
    void workThatWaitsForAHandoverGivesUpWaitingAfterItsLimit() throws Exception {
        ServerSlots slots = new ServerSlots(1);
        slots.acquire(); // a submit whose answer never comes

        assertThat(slots.awaitNoHandover(Duration.ofMillis(1))).isFalse();
    }

    /** A caller waiting in line for a slot of {@code slots} (it is in line when this returns). */
    private static CompletableFuture<Void> inLineForASlot(ServerSlots slots) {
        int before = slots.waiting();
        CompletableFuture<Void> taken = CompletableFuture.runAsync(() -> {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (slots.waiting() == before && !taken.isDone()) {
            Thread.onSpinWait();
        }
        return taken;
    }
}
