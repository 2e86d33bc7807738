package dev.jimeng.shell.complete;

/** A job the shell can offer for completion: its id and a short description (usually the prompt). */
public record JobIdCandidate(String id, String description) {}
