package dev.jimeng.config;

import java.nio.file.Path;

/** Where a setting's value came from, shown next to it by the {@code settings} command. */
public sealed interface Origin {
    /** A short phrase: {@code default}, {@code config file <path>}, {@code environment VAR}, {@code session}. */
    String describe();

    record Default() implements Origin {
        @Override
        public String describe() {
            return "default";
        }
    }

    record ConfigFile(Path path) implements Origin {
        @Override
        public String describe() {
            return "config file " + path;
        }
    }

    record Environment(String variable) implements Origin {
        @Override
        public String describe() {
            return "environment " + variable;
        }
    }

    record Session() implements Origin {
        @Override
        public String describe() {
            return "session";
        }
    }
}
