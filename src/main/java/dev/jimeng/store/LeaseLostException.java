package dev.jimeng.store;

/**
 * A write to a job this process no longer owns: its lease expired and another jimeng process took
 * the job over. The writer must stop driving the job.
 */
public class LeaseLostException extends RuntimeException {
    public LeaseLostException(String jobId, String owner) {
        super("job " + jobId + " is no longer owned by " + owner);
    }
}
