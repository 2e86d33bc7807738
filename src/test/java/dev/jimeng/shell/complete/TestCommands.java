package dev.jimeng.shell.complete;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A small command tree shaped like jimeng's real one, for completion tests. */
final class TestCommands {
    private TestCommands() {}

    static CommandLine tree() {
        return new CommandLine(new Root());
    }

    @Command(
            name = "jimeng",
            subcommands = {
                Generate.class,
                Status.class,
                Wait.class,
                Download.class,
                Show.class,
                Retry.class,
                Jobs.class,
                SetCommand.class,
                Unset.class,
                SettingsCommand.class,
                Watch.class,
                Batch.class,
                Story.class,
                Inspect.class,
                Preview.class,
                Exit.class,
                Hidden.class
            })
    static class Root {
        /** Process-wide options, as jimeng's root has them: decided when the shell starts. */
        @Option(names = "--sandbox", scope = CommandLine.ScopeType.INHERIT, description = "use the sandbox")
        boolean sandbox;

        @Option(
                names = {"-v", "--verbose"},
                scope = CommandLine.ScopeType.INHERIT,
                description = "say more")
        boolean verbose;
    }

    @Command(
            name = "generate",
            aliases = "g",
            mixinStandardHelpOptions = true,
            description = "Make a video from a prompt and optional images")
    static class Generate {
        @Option(
                names = {"-m", "--mode"},
                description = "generation mode")
        String mode;

        @Option(names = "--duration", description = "length in seconds")
        Integer duration;

        @Option(names = "--fps", description = "frames per second")
        Integer fps;

        @Option(names = "--aspect-ratio", description = "width:height")
        String aspectRatio;

        @Option(names = "--image", description = "first frame (path or URL), repeatable")
        List<String> images;

        @Option(names = "--tail-image", description = "last frame (path or URL)")
        String tailImage;

        @Option(names = "--template", description = "camera move")
        String template;

        @Option(names = "--camera-strength", description = "camera strength")
        String strength;

        @Option(names = "--seed", description = "random seed; -1 for a new one each time")
        Long seed;

        @Option(names = "--output", description = "where to save the video")
        String output;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Option(names = "--dry-run", description = "send nothing")
        boolean dryRun;

        @Option(names = "--wait", description = "wait here")
        boolean waitHere;

        @Parameters(arity = "0..*", description = "the prompt")
        List<String> prompt;
    }

    @Command(name = "status", description = "Show a job's state")
    static class Status {
        @Parameters(index = "0", paramLabel = "ID")
        String id;
    }

    @Command(name = "wait", description = "Wait for jobs to finish")
    static class Wait {
        @Parameters(arity = "1..*", paramLabel = "ID")
        List<String> ids;
    }

    @Command(name = "download", description = "Download a finished job's video")
    static class Download {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Option(names = "--output", description = "file or folder to save to")
        String output;
    }

    @Command(name = "batch", description = "Run many jobs from a file")
    static class Batch {
        @Parameters(index = "0", paramLabel = "FILE")
        String file;
    }

    @Command(name = "story", description = "Make a story from a storyboard")
    static class Story {
        @Parameters(index = "0", paramLabel = "FILE")
        String file;
    }

    @Command(name = "inspect", description = "Show what made a video")
    static class Inspect {
        @Parameters(index = "0", paramLabel = "FILE")
        String file;
    }

    @Command(name = "preview", description = "Show a still of a job's video")
    static class Preview {
        @Parameters(index = "0", paramLabel = "ID|FILE")
        String target;
    }

    @Command(name = "show", description = "Show everything about a job")
    static class Show {
        @Parameters(index = "0", paramLabel = "ID")
        String id;
    }

    @Command(name = "retry", description = "Submit a job again")
    static class Retry {
        @Parameters(index = "0", paramLabel = "ID")
        String id;
    }

    enum StatusFilter {
        queued,
        running,
        done,
        failed
    }

    @Command(name = "jobs", description = "List jobs")
    static class Jobs {
        @Option(names = "--status", description = "only jobs in this state")
        StatusFilter status;

        @Option(names = "--json", description = "print JSON")
        boolean json;
    }

    @Command(name = "set", description = "Change a setting for this session")
    static class SetCommand {
        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;
    }

    @Command(name = "unset", description = "Drop a session setting")
    static class Unset {
        @Parameters(index = "0", paramLabel = "KEY")
        String key;
    }

    @Command(name = "settings", description = "List settings and where they come from")
    static class SettingsCommand {}

    @Command(name = "watch", description = "Open the jobs panel")
    static class Watch {}

    @Command(name = "exit", description = "Leave the shell")
    static class Exit {}

    @Command(name = "debug-dump", hidden = true)
    static class Hidden {}
}
