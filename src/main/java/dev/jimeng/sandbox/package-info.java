/**
 * The sandbox: a local, Jimeng-compatible HTTP server on 127.0.0.1. It checks Volcengine V4
 * signatures for real, validates request bodies against {@link dev.jimeng.mode.Capabilities},
 * moves tasks through {@code in_queue → generating → done} on an injected clock, enforces QPS and
 * concurrency limits, serves real playable H.264 MP4s from short-lived signed URLs, records every
 * request it saw, and can inject faults (dropped connections, truncated downloads, 500s, forced
 * business errors) so the client's error handling is tested against a real server.
 */
package dev.jimeng.sandbox;
