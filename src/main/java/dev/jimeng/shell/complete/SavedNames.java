package dev.jimeng.shell.complete;

import dev.jimeng.config.Choice;
import java.util.List;

/** The user's saved prompt templates and image assets, asked for afresh at every TAB. */
public interface SavedNames {
    /** Nothing saved. */
    SavedNames NONE = new SavedNames() {
        @Override
        public List<Choice> templates() {
            return List.of();
        }

        @Override
        public List<Choice> variables(String template) {
            return List.of();
        }

        @Override
        public List<Choice> assets() {
            return List.of();
        }
    };

    /** Template names, each with its variables as the description. */
    List<Choice> templates();

    /** The variables of {@code template} (none when there is no such template), with their defaults. */
    List<Choice> variables(String template);

    /** Asset names without {@code @}, each with its file as the description. */
    List<Choice> assets();
}
