/**
 * {@code jimeng mcp}: a Model Context Protocol server over stdio for AI agents. Its tools are the
 * app's use cases (quote, submit, status, wait, download, cancel, spend, jobs) with JSON schemas
 * read from the capability table, its resources the finished videos and the recent jobs; it shares
 * the journal, settings and caps with the CLI, the shell and the panel, and adds the agents' money
 * rules. Launched from {@code cli}; stdout carries protocol messages only.
 */
package dev.jimeng.mcp;
