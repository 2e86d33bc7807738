package dev.jimeng.config;

/** One allowed value of a setting or option, with a short description for completion menus. */
public record Choice(String value, String description) {}
