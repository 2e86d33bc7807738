/**
 * What the user asked for and what is sent for it. {@link dev.jimeng.request.GenerationRequest} is the
 * request as typed (kept by the journal so a job can be re-run); {@link dev.jimeng.request.RequestValidator}
 * checks it against the capability table in {@code dev.jimeng.mode} before anything is submitted and turns
 * it into a {@link dev.jimeng.request.ValidatedRequest} holding the exact API body, or throws one
 * {@link dev.jimeng.request.InvalidRequestException} whose message names the problem and the fix. Local
 * image files are checked here too (format by magic bytes, size, dimensions read from the file headers by
 * {@link dev.jimeng.request.ImageInspector}), so a bad image never costs a submit.
 */
package dev.jimeng.request;
