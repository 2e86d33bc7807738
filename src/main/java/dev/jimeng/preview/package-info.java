/**
 * Still frames of finished videos for the terminal: decoding one frame of an MP4 in pure Java
 * (JCodec), and drawing it as a Kitty or iTerm2 inline image or as half-block text cells. Depends
 * on no other jimeng package; whether the output is a terminal is the caller's to say.
 */
package dev.jimeng.preview;
