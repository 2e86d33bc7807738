/**
 * Downloads finished videos from their short-lived signed URLs without ever throwing a paid video
 * away: bytes stream into {@code <target>.part}, a dropped connection is resumed with an HTTP
 * {@code Range} request after an exponential, jittered back-off, an expired URL is reported as
 * {@link dev.jimeng.job.download.DownloadUrlExpiredException} so the caller can fetch a fresh URL and
 * resume the same {@code .part}, and only a verified file (announced length, MP4 {@code ftyp} box,
 * forced to disk) is renamed atomically onto the target; its SHA-256 is read afterwards, off the
 * download path. Bytes are read with the JDK's blocking {@code HttpURLConnection} in the calling
 * thread. Signed query strings never leave this package: every message names a URL through
 * {@link dev.jimeng.job.download.Redaction}.
 */
package dev.jimeng.job.download;
