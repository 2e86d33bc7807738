package dev.jimeng.doctor;

import dev.jimeng.app.ApiAccount;
import dev.jimeng.app.ExitCode;
import java.util.List;
import java.util.function.Supplier;

/** Which access key is in use and where it and its secret come from; never the secret itself. */
final class CredentialsCheck implements Check {
    private final Supplier<ApiAccount> account;

    CredentialsCheck(Supplier<ApiAccount> account) {
        this.account = account;
    }

    @Override
    public List<Finding> run() {
        ApiAccount a = account.get();
        if (a.accessKeyId() == null || a.secretOrigin() == null) {
            String missing = a.accessKeyId() == null ? "VOLC_ACCESSKEY" : "VOLC_SECRETKEY";
            return List.of(Finding.problem(
                    "credentials",
                    "no " + (a.accessKeyId() == null ? "access key" : "secret key") + " (" + missing + " is not set)",
                    "export VOLC_ACCESSKEY and VOLC_SECRETKEY (Volcengine console → Access keys), or run with"
                            + " --sandbox to try jimeng without an account",
                    ExitCode.BAD_INPUT));
        }
        String summary = "access key " + a.maskedAccessKey() + " from " + a.accessKeyOrigin() + ", secret from "
                + a.secretOrigin()
                + (a.sessionTokenOrigin() == null ? "" : ", STS session token from " + a.sessionTokenOrigin());
        return List.of(Finding.ok("credentials", summary));
    }
}
