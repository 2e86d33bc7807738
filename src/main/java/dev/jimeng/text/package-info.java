/**
 * Text for a terminal, as pure functions: user and server text made safe to print ({@code
 * TerminalText.safe}: control characters shown, never acted on), one safe line from it, its width
 * in terminal columns (CJK and emoji take two), cutting and padding to a number of columns, short
 * durations, and the closest known word to a misspelt one. A leaf: it uses only the JDK, so every
 * package may use it.
 */
package dev.jimeng.text;
