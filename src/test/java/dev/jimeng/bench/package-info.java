/**
 * Benchmarks of the job engine against the local sandbox: makespan under the concurrency limit (in this
 * JVM and from the command line), polls per job and the delay from server-side done to client-side done,
 * the adaptive poll schedule against a fixed interval, download throughput against curl, a journal of
 * 100,000 jobs ({@link dev.jimeng.bench.JournalGenerator}) against an empty one, and memory with 10,000
 * jobs queued. They are tagged {@code benchmark} (skipped by the normal build), run with {@code bench/run},
 * and write {@code target/benchmarks/engine.md} and {@code engine.json}.
 */
package dev.jimeng.bench;
