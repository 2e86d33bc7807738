package dev.jimeng.job;

/** The engine will not do what was asked with this job now; nothing was sent. */
public final class JobRefusedException extends IllegalStateException {
    private final transient JobSnapshot job;
    private final Refusal refusal;

    public JobRefusedException(JobSnapshot job, Refusal refusal) {
        super("job " + job.id() + ": "
                + refusal.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        this.job = job;
        this.refusal = refusal;
    }

    public JobSnapshot job() {
        return job;
    }

    public Refusal refusal() {
        return refusal;
    }
}
