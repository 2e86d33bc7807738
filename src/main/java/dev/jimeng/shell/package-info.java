/** The interactive JLine shell: a read loop over the same command tree as the CLI, session settings, notices above the prompt, a status line under it, and the hand-off of the screen to the panel. */
package dev.jimeng.shell;
