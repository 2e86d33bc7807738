package dev.jimeng.app;

import dev.jimeng.api.ApiError;
import dev.jimeng.api.ApiException;
import dev.jimeng.api.ErrorCategory;
import dev.jimeng.api.JimengApi;
import dev.jimeng.api.Retry;
import dev.jimeng.api.SubmitBody;
import dev.jimeng.api.SubmitResult;
import dev.jimeng.api.TaskResult;
import java.util.function.Supplier;

/**
 * The API client, built at the first call, so that commands which only read the journal (jobs,
 * show) work without credentials. If it cannot be built the call fails as an authentication
 * error that nothing reached the server with, never as an internal error.
 */
final class DeferredApi implements JimengApi {
    private final Supplier<JimengApi> factory;

    DeferredApi(Supplier<JimengApi> factory) {
        this.factory = factory;
    }

    @Override
    public SubmitResult submit(SubmitBody body) throws ApiException {
        return api().submit(body);
    }

    @Override
    public TaskResult getResult(String reqKey, String taskId) throws ApiException {
        return api().getResult(reqKey, taskId);
    }

    private JimengApi api() throws ApiException {
        try {
            return factory.get();
        } catch (UserError e) {
            throw new ApiException(new ApiError(
                    "credentials",
                    0,
                    e.exitCode() == ExitCode.NETWORK ? ErrorCategory.NETWORK : ErrorCategory.AUTH,
                    Retry.NEVER,
                    e.getMessage(),
                    null,
                    null,
                    false));
        }
    }
}
