/**
 * TAB completion for the jimeng shell. {@link dev.jimeng.shell.complete.ShellCompleter} is a JLine
 * {@code Completer} built from the picocli command tree (command names, aliases, options and their
 * descriptions) plus {@link dev.jimeng.cli.complete.ValueKinds}, the one table saying which option or
 * positional takes which kind of value; values come from the capability table, the settings catalogue,
 * the file system and live job ids. It exists because picocli's own JLine completer only completes
 * {@code --opt=value}, never {@code --opt value}.
 */
package dev.jimeng.shell.complete;
