/**
 * The job journal: one SQLite file ({@code jobs.db}, WAL) in JIMENG_HOME that remembers every job's
 * full parameters, seed, task id, state history and output, so a crash loses nothing, a billed task
 * is never forgotten, and any past video can be found and re-run. Leases with an expiry let several
 * jimeng processes share the file without two of them driving the same job. Video URLs (signed,
 * secret), credentials and image data are never stored.
 */
package dev.jimeng.store;
