package dev.jimeng.gallery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stars a gallery page saved ({@code {"version":1,"stars":{"ID":true,…}}}), read back so the
 * journal learns what was toggled in the browser.
 */
public final class StarSidecar {
    private StarSidecar() {}

    /**
     * Job id to starred, in the file's order.
     *
     * @throws IllegalArgumentException naming the file when it is not such a document
     */
    public static Map<String, Boolean> read(Path file) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(file.getFileName() + " is not JSON: save the stars from the page again");
        }
        JsonNode stars = root == null ? null : root.get("stars");
        if (stars == null || !stars.isObject()) {
            throw new IllegalArgumentException(
                    file.getFileName() + " has no \"stars\" object: save the stars from the page again");
        }
        Map<String, Boolean> result = new LinkedHashMap<>();
        for (var entry : stars.properties()) {
            if (!entry.getValue().isBoolean()) {
                throw new IllegalArgumentException(file.getFileName() + ": the star of " + entry.getKey()
                        + " is not true or false: save the stars from the page again");
            }
            result.put(entry.getKey(), entry.getValue().booleanValue());
        }
        return result;
    }
}
