/** The picocli command tree shared by the one-shot CLI and the shell: one small class per verb, shared generation options as a mixin, one error handler that turns every failure into one line and a named exit code. */
package dev.jimeng.cli;
