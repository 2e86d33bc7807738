package dev.jimeng.api;

/**
 * One answer of CVSync2AsyncGetResult with code 10000. {@code videoUrl} is empty until done; it
 * lives one hour.
 */
public record TaskResult(TaskStatus status, String videoUrl, String requestId, boolean aigcMetaTagged) {}
