package dev.jimeng.doctor;

import dev.jimeng.api.ProxyVariables;
import dev.jimeng.app.ApiAccount;
import dev.jimeng.app.App;
import dev.jimeng.app.UserError;
import dev.jimeng.config.JimengPaths;
import java.util.ArrayList;
import java.util.List;

/** Runs every check in order (what needs the network last but one, the self-test last) into a report. */
public final class Doctor {
    private final App app;

    public Doctor(App app) {
        this.app = app;
    }

    public DoctorReport run() {
        List<Finding> findings = new ArrayList<>();
        for (Check check : checks()) {
            findings.addAll(check.run());
        }
        return new DoctorReport(findings);
    }

    private List<Check> checks() {
        JimengPaths paths = app.paths();
        List<Check> checks = new ArrayList<>();
        checks.add(new JavaCheck());
        checks.add(new TerminalCheck(app.env()));
        checks.add(new CredentialsCheck(app::account));
        checks.add(new FilePermissionsCheck(files(paths)));
        ApiAccount account = accountOrNull();
        if (account != null && account.endpoint() != null) {
            checks.add(new EndpointCheck(
                    account.endpoint(),
                    app.sandboxMode()
                            ? ProxyVariables.NONE
                            : ProxyVariables.from(app.env().variables()),
                    app.clock()));
        }
        checks.add(new TierCheck(app::api, app.sandboxMode()));
        checks.add(new JournalCheck(app.journalDirectory()));
        checks.add(new OutputFolderCheck(app.outputDirectory()));
        checks.add(new LogCheck(app.log()));
        checks.add(new SandboxSelfTest(app.clock()));
        return checks;
    }

    private ApiAccount accountOrNull() {
        try {
            return app.account();
        } catch (UserError e) {
            return null;
        }
    }

    /** Credentials and settings files, the journal and the log: what must be the user's alone. */
    private List<java.nio.file.Path> files(JimengPaths paths) {
        List<java.nio.file.Path> files = new ArrayList<>(accountFiles());
        files.add(paths.configFile());
        files.add(app.journalDirectory().resolve(paths.jobsDatabase().getFileName()));
        files.add(paths.historyFile());
        for (int n = 0; n < dev.jimeng.app.SupportLog.FILES; n++) {
            files.add(app.log().generation(n));
        }
        return files.stream().distinct().toList();
    }

    private List<java.nio.file.Path> accountFiles() {
        ApiAccount account = accountOrNull();
        return account == null ? List.of() : account.files();
    }
}
