/**
 * Benchmarks of the job engine against the local sandbox: makespan under the concurrency limit, polls per
 * job, delay from server-side done to client-side done, download throughput against curl, and memory with
 * 1,000 jobs in flight. They are tagged {@code benchmark} (skipped by the normal build), run with
 * {@code bench/run}, and write {@code target/benchmarks/engine.md} and {@code engine.json}.
 */
package dev.jimeng.bench;
