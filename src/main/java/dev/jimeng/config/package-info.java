/**
 * Where jimeng keeps its files and which settings are in effect. {@link dev.jimeng.config.JimengPaths}
 * finds the config and state directories ({@code JIMENG_HOME} or the XDG folders);
 * {@link dev.jimeng.config.Setting} is the one table of settings (key, default, environment variable,
 * parser, allowed values); {@link dev.jimeng.config.Settings} layers defaults, the config file, the
 * environment and the session's own changes, and remembers where each value came from. This package is
 * a leaf: it reads files and the environment map it is given, and never prints.
 */
package dev.jimeng.config;
