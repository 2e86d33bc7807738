package dev.jimeng.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small TOML file of string keys, top-level and in tables ({@code [profile.work]}): read into a
 * tree, changed one key at a time, written back through a 0600 temporary file moved into place (a
 * crash never leaves half a file; every other key is kept). Comments are not kept by a rewrite.
 */
final class TomlFile {
    /**
     * The mapper, made when a file is first read or written: Jackson's class initialisation (its date
     * formats set up the JDK's locale data) takes 10 ms of CPU that a start with no files need not pay.
     */
    private static final class Mapper {
        static final TomlMapper MAPPER = new TomlMapper();

        private Mapper() {}
    }

    /**
     * What earlier versions of jimeng wrote when the last key was removed (Jackson's text for an empty
     * tree, which no TOML reader takes back): read as the empty file it meant.
     */
    private static final String EMPTY_TREE_OF_OLD = "= {}";

    private final Path file;
    private final ObjectNode root;

    private TomlFile(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
    }

    /**
     * Reads {@code file}; a missing file is empty.
     *
     * @throws IOException when it cannot be read or is not TOML (the message says where)
     */
    static TomlFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new TomlFile(file, JsonNodeFactory.instance.objectNode());
        }
        String text = Files.readString(file);
        if (text.strip().equals(EMPTY_TREE_OF_OLD)) {
            return new TomlFile(file, JsonNodeFactory.instance.objectNode());
        }
        JsonNode tree;
        try {
            tree = Mapper.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException("is not valid TOML (" + e.getOriginalMessage() + ")", e);
        }
        return new TomlFile(file, tree instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode());
    }

    /** An empty file at {@code file} (nothing read; written only when asked). */
    static TomlFile empty(Path file) {
        return new TomlFile(file, JsonNodeFactory.instance.objectNode());
    }

    Path path() {
        return file;
    }

    /** The scalar keys of the top level ({@code table} null) or of a table such as {@code profile.work}. */
    Map<String, String> values(String table) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode node = table == null ? root : node(table);
        if (node == null) {
            return values;
        }
        node.properties().forEach(e -> {
            if (e.getValue().isValueNode()) {
                values.put(e.getKey(), e.getValue().asText());
            }
        });
        return values;
    }

    /** The names of the tables under {@code parent} ({@code profile}: the profiles' names). */
    java.util.List<String> tables(String parent) {
        JsonNode node = root.get(parent);
        if (node == null || !node.isObject()) {
            return java.util.List.of();
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        node.properties().forEach(e -> {
            if (e.getValue().isObject()) {
                names.add(e.getKey());
            }
        });
        return names;
    }

    /** Top-level keys that are tables, for checking that only known tables are used. */
    java.util.List<String> topTables() {
        java.util.List<String> names = new java.util.ArrayList<>();
        root.properties().forEach(e -> {
            if (e.getValue().isObject()) {
                names.add(e.getKey());
            }
        });
        return names;
    }

    /** Sets {@code key} (top level when {@code table} is null) to a string, number or boolean. */
    void put(String table, String key, Object value) {
        ObjectNode target = table == null ? root : createTable(table);
        switch (value) {
            case Boolean b -> target.put(key, b);
            case Long l -> target.put(key, l);
            case Integer i -> target.put(key, i);
            case java.math.BigDecimal d -> target.put(key, d);
            default -> target.put(key, String.valueOf(value));
        }
    }

    /** Removes {@code key}; a table left empty is removed too. Returns whether the key was there. */
    boolean remove(String table, String key) {
        JsonNode node = table == null ? root : node(table);
        if (!(node instanceof ObjectNode o) || o.remove(key) == null) {
            return false;
        }
        if (table != null && o.isEmpty()) {
            String[] parts = table.split("\\.", 2);
            if (parts.length == 2 && root.get(parts[0]) instanceof ObjectNode parent) {
                parent.remove(parts[1]);
                if (parent.isEmpty()) {
                    root.remove(parts[0]);
                }
            } else {
                root.remove(table);
            }
        }
        return true;
    }

    /** Writes the tree to the file (0600, folders 0700), atomically where the file system can. */
    void write() throws IOException {
        PrivateFiles.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            PrivateFiles.restrict(tmp);
            Files.writeString(tmp, text());
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        PrivateFiles.restrict(file);
    }

    /**
     * The text the file would have (also for tests and {@code config edit}'s checks). Nothing for an
     * empty tree: Jackson writes {@code " = {}"} for it, which no TOML reader takes back.
     */
    String text() throws IOException {
        return root.isEmpty() ? "" : Mapper.MAPPER.writeValueAsString(root);
    }

    private JsonNode node(String table) {
        JsonNode node = root;
        for (String part : table.split("\\.", 2)) {
            node = node == null ? null : node.get(part);
        }
        return node != null && node.isObject() ? node : null;
    }

    private ObjectNode createTable(String table) {
        ObjectNode node = root;
        for (String part : table.split("\\.", 2)) {
            JsonNode child = node.get(part);
            node = child instanceof ObjectNode o ? o : node.putObject(part);
        }
        return node;
    }
}
