package dev.jimeng.config;

import java.nio.file.Path;

/** Where a setting's value came from, shown next to it by {@code settings} and {@code config list}. */
public sealed interface Origin {
    /**
     * A short phrase: {@code default}, {@code config file <path>}, {@code config file <path> [profile.work]},
     * {@code environment VAR}, {@code command line}, {@code session}.
     */
    String describe();

    record Default() implements Origin {
        @Override
        public String describe() {
            return "default";
        }
    }

    /** @param table null for the top level, else e.g. {@code profile.work} */
    record ConfigFile(Path path, String table) implements Origin {
        public ConfigFile(Path path) {
            this(path, null);
        }

        @Override
        public String describe() {
            return "config file " + path + (table == null ? "" : " [" + table + "]");
        }
    }

    /** The credentials file {@code jimeng login} writes. */
    record CredentialsFile(Path path, String table) implements Origin {
        @Override
        public String describe() {
            return "credentials file " + path + (table == null ? "" : " [" + table + "]");
        }
    }

    /** The OS keychain, through {@code tool} ({@code secret-tool} or {@code security}). */
    record Keychain(String tool) implements Origin {
        @Override
        public String describe() {
            return "keychain (" + tool + ")";
        }
    }

    record Environment(String variable) implements Origin {
        @Override
        public String describe() {
            return "environment " + variable;
        }
    }

    /** {@code --setting KEY=VALUE} or {@code --profile} on the command line. */
    record CommandLine(String option) implements Origin {
        @Override
        public String describe() {
            return "command line " + option;
        }
    }

    record Session() implements Origin {
        @Override
        public String describe() {
            return "session";
        }
    }
}
