/**
 * Metadata that travels with a video: the sidecar JSON written next to each finished MP4 (what
 * made it, with which seed, task and cost) and read back by {@code inspect} and {@code rerun}.
 */
package dev.jimeng.metadata;
