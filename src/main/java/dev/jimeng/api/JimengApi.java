package dev.jimeng.api;

/**
 * The two actions of the Jimeng Video API. Every failure is an {@link ApiException} whose {@link
 * ApiError} says what happened and whether trying again can help.
 */
public interface JimengApi {
    SubmitResult submit(SubmitBody body) throws ApiException;

    TaskResult getResult(String reqKey, String taskId) throws ApiException;
}
