/** The composition root: settings, journal, API client (real or sandbox) and job engine wired together, exit codes, and the process environment. Everything above it (cli, shell, panel) reaches the engine through App. */
package dev.jimeng.app;
