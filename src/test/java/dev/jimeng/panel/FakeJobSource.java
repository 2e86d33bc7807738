package dev.jimeng.panel;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.job.JobSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A job source tests fill and publish to by hand; listeners are called on the caller's thread. */
final class FakeJobSource implements JobSource {
    private final Map<String, JobSnapshot> jobs = new LinkedHashMap<>();
    private final List<Consumer<JobSnapshot>> listeners = new CopyOnWriteArrayList<>();
    /** Published to each new subscriber right away, as if the engine moved on meanwhile. */
    private final List<JobSnapshot> onSubscribe = new ArrayList<>();

    FakeJobSource(List<JobSnapshot> initial) {
        initial.forEach(j -> jobs.put(j.id(), j));
    }

    FakeJobSource replayOnSubscribe(List<JobSnapshot> events) {
        onSubscribe.addAll(events);
        return this;
    }

    @Override
    public synchronized List<JobSnapshot> jobs() {
        List<JobSnapshot> all = new ArrayList<>(jobs.values());
        all.sort(Comparator.comparing(JobSnapshot::createdAt).reversed());
        return all;
    }

    @Override
    public AutoCloseable subscribe(Consumer<JobSnapshot> listener) {
        listeners.add(listener);
        onSubscribe.forEach(listener);
        return () -> listeners.remove(listener);
    }

    void publish(JobSnapshot snapshot) {
        synchronized (this) {
            jobs.put(snapshot.id(), snapshot);
        }
        listeners.forEach(l -> l.accept(snapshot));
    }

    int listenerCount() {
        return listeners.size();
    }
}
