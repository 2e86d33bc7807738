/**
 * The jimeng shell: the one-shot CLI's command tree plus session settings and shell-only commands,
 * run either at a terminal ({@link dev.jimeng.shell.InteractiveSession}: JLine line editing,
 * completion, history without secrets, notices above the prompt, a status line, Ctrl-C for the
 * foreground only) or from a pipe ({@link dev.jimeng.shell.ScriptSession}: plain lines, jobs awaited
 * before exit). {@link dev.jimeng.shell.Shell} picks one; completion lives in {@code shell.complete}.
 */
package dev.jimeng.shell;
