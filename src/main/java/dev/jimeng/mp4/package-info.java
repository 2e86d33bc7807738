/**
 * MP4 boxes as bytes, in pure Java: walking the box tree, building boxes, rewriting a file's
 * {@code moov} with every other box kept byte for byte (chunk offsets moved along when {@code moov}
 * comes before the media), and an iTunes-style freeform tag ({@code ----}) in {@code
 * moov/udta/meta/ilst}. A leaf: it uses only the JDK, so the sandbox and the metadata package may
 * both use it.
 */
package dev.jimeng.mp4;
