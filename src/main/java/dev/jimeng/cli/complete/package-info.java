/**
 * Completion outside the shell: {@link dev.jimeng.cli.complete.ValueKinds}, the one table of which option
 * or positional takes which kind of value (read by the shell's completer too), and the bash, zsh, fish and
 * PowerShell scripts {@code jimeng completion SHELL} prints, generated from the command tree and that
 * table, so a login shell offers the same modes, durations and settings as jimeng's own shell.
 */
package dev.jimeng.cli.complete;
