/**
 * The Jimeng Video 3.0 API client: request and response records, {@link dev.jimeng.api.HttpJimengApi}
 * (one signed HTTP attempt per call), the pure {@link dev.jimeng.api.ResponseClassifier} that turns
 * (status, body) into a result or an {@link dev.jimeng.api.ApiError}, and the {@link
 * dev.jimeng.api.ErrorCatalog} that says for every known code what it means, whether trying again can
 * help and what the user should do. Retrying and back-off belong to the job engine, not here.
 */
package dev.jimeng.api;
