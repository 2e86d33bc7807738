package dev.jimeng.panel;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.request.PromptMatrix;
import dev.jimeng.view.JobCounts;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The jobs of one set made as one (variants, seeds, a prompt matrix) that the panel shows, in the
 * panel's order.
 *
 * @param id the group's id
 * @param members its jobs the panel shows (those the filter lets through)
 * @param pickedId the job picked as the winner, or null
 */
record JobGroup(String id, List<JobSnapshot> members, String pickedId) {
    JobGroup {
        members = List.copyOf(members);
    }

    JobCounts counts() {
        return JobCounts.of(members);
    }

    /** The shared prompt, or the matrix the prompts were made from ({@code a {red|blue} fox}). */
    String label() {
        return PromptMatrix.collapse(members.stream()
                .sorted(Comparator.comparing(JobSnapshot::createdAt).thenComparing(JobSnapshot::id))
                .map(j -> j.request().prompt())
                .toList()); // in the order the set was made, as its matrix was written
    }

    /** The members' mode, or "mixed" when they differ. */
    String mode() {
        List<String> modes =
                members.stream().map(j -> j.request().mode()).distinct().toList();
        return modes.size() == 1 ? modes.getFirst() : "mixed";
    }

    /** True when some member's estimated cost is known (it is not for jobs journaled before costs were). */
    boolean costKnown() {
        return members.stream().anyMatch(j -> j.estimatedCostCny() != null);
    }

    /** The estimated cost of every member, whether sent yet or not. */
    double estimatedCostCny() {
        return members.stream()
                .mapToDouble(j -> j.estimatedCostCny() == null ? 0 : j.estimatedCostCny())
                .sum();
    }

    Optional<JobSnapshot> picked() {
        return members.stream().filter(j -> j.id().equals(pickedId)).findFirst();
    }

    /** True while some member changes by itself over time. */
    boolean active() {
        return counts().active();
    }
}
