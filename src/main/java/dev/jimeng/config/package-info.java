/**
 * Where jimeng keeps its files and which settings are in effect. {@link dev.jimeng.config.JimengPaths}
 * finds the config and state directories ({@code JIMENG_HOME} or the XDG folders);
 * {@link dev.jimeng.config.Setting} is the one table of settings (key, default, environment variable,
 * parser, allowed values); {@link dev.jimeng.config.Settings} layers defaults, {@code config.toml} and
 * its profile tables, the environment, the command line and the session's own changes, remembers
 * where each value came from, and says which credentials a profile uses
 * ({@link dev.jimeng.config.CredentialSource}, never the secrets); {@link dev.jimeng.config.CredentialsFile}
 * is the 0600 file {@code jimeng login} writes. This package is a leaf: it reads and writes its own
 * files and the environment map it is given, and never prints.
 */
package dev.jimeng.config;
