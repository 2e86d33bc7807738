package dev.jimeng.sandbox;

import dev.jimeng.time.Seconds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the {@code jimeng sandbox} command needs: start a sandbox on a port and say how to point
 * jimeng at it. Prints nothing itself; the app layer prints the description.
 */
public final class SandboxMain {
    private SandboxMain() {}

    /** A started sandbox and the text to show the user. Close the server to stop it. */
    public record Running(SandboxServer server, String description) {}

    /** Starts a sandbox with default settings on {@code port} (0: any free port). */
    public static Running start(int port) throws IOException {
        return start(SandboxConfig.builder().port(port).build());
    }

    public static Running start(SandboxConfig config) throws IOException {
        SandboxServer server = SandboxServer.start(config);
        return new Running(server, describe(server));
    }

    /**
     * A few lines: URL, access key, and the environment variables to copy. The sandbox's secret
     * is valid nowhere else, and appears only in the line the user has to copy.
     */
    public static String describe(SandboxServer server) {
        SandboxConfig c = server.config();
        List<String> lines = new ArrayList<>();
        lines.add("Jimeng sandbox listening on " + server.baseUrl());
        lines.add("Access key: " + server.credentials().accessKeyId() + " (valid only for this sandbox)");
        lines.add("Jobs take " + Seconds.format(c.queueDuration().plus(c.generateDuration())) + " s; at most "
                + c.concurrencyLimit() + " at once, " + c.qpsLimit() + " calls per second.");
        if (c.rejectWord() != null && !c.rejectWord().isBlank()) {
            lines.add("Prompts containing \"" + c.rejectWord() + "\" fail input review (50412).");
        }
        lines.add("Point jimeng at it from another terminal:");
        lines.add("  export JIMENG_VIDEO_API_URL=" + server.baseUrl());
        lines.add("  export VOLC_ACCESSKEY=" + server.credentials().accessKeyId());
        lines.add("  export VOLC_SECRETKEY=" + server.credentials().secretAccessKey());
        return String.join("\n", lines) + "\n";
    }
}
