/**
 * Offline HTML pages of finished jobs: the gallery and a group's contact sheet, one self-contained
 * file next to the videos (no server, no network, no external scripts or fonts), and the star
 * sidecar the page saves for the journal to read back. Every user text is HTML-escaped.
 */
package dev.jimeng.gallery;
