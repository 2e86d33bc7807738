package dev.jimeng.config;

/** A setting's value in effect (normalised text, as {@link Setting#parse} returns it) and its origin. */
public record ResolvedSetting(Setting setting, String value, Origin origin) {
    public String key() {
        return setting.key();
    }
}
