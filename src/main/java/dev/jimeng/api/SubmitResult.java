package dev.jimeng.api;

/** An accepted submit. The task id stays a string: it is larger than a JavaScript number. */
public record SubmitResult(String taskId, String requestId) {}
