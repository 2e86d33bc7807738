package dev.jimeng.cli;

import dev.jimeng.view.JobGuide;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * {@code --image a.png --image b.png}, the way a first-and-last-frame job is often first typed: the
 * second image has an option of its own, and the hint shows the line with it.
 */
final class SecondImage {
    private SecondImage() {}

    static Optional<String> hint(String[] argv, CommandLine.Model.ArgSpec overwritten) {
        if (!(overwritten instanceof CommandLine.Model.OptionSpec option)
                || !List.of(option.names()).contains("--image")) {
            return Optional.empty();
        }
        List<String> images = new ArrayList<>();
        for (int i = 0; i < argv.length && images.size() < 2; i++) {
            String arg = argv[i];
            if (List.of(option.names()).contains(arg) && i + 1 < argv.length) {
                images.add(argv[++i]);
            } else if (arg.startsWith("--image=")) {
                images.add(arg.substring("--image=".length()));
            }
        }
        if (images.size() < 2) {
            return Optional.empty();
        }
        return Optional.of("the last frame goes in --tail-image: --image " + JobGuide.shellWord(images.get(0))
                + " --tail-image " + JobGuide.shellWord(images.get(1)));
    }
}
