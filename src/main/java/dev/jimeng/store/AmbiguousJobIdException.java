package dev.jimeng.store;

import java.util.List;

/** A job id prefix that matches more than one job. */
public class AmbiguousJobIdException extends RuntimeException {
    private final List<String> candidates;

    public AmbiguousJobIdException(String prefix, List<String> candidates) {
        super("job id prefix '" + prefix + "' matches " + candidates.size() + " jobs: " + String.join(", ", candidates)
                + "; type more characters");
        this.candidates = List.copyOf(candidates);
    }

    public List<String> candidates() {
        return candidates;
    }
}
