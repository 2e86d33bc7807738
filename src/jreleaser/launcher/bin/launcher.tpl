#!/usr/bin/env sh
# {{jreleaserCreationStamp}}
# {{distributionExecutable}} launcher, one for both archives: the standalone archive's own runtime
# (bin/java next to this script), else JAVA_HOME's or PATH's java (21 or newer). The first run makes
# a start-up cache for this install and this java (AOT cache on JDK 25+, AppCDS on 21-24) in
# ${XDG_CACHE_HOME:-~/.cache}/jimeng; every later start maps it. JIMENG_AOT=0 turns it off.

app_path=$0
while
    APP_HOME=${app_path%"${app_path##*/}"}
    [ -h "$app_path" ]
do
    ls=$( ls -ld "$app_path" )
    link=${ls#*' -> '}
    case $link in
      /*) app_path=$link ;;
      *)  app_path=$APP_HOME$link ;;
    esac
done
APP_HOME=$( cd "${APP_HOME:-./}.." && pwd -P ) || exit

die () { echo "{{distributionExecutable}}: $*" >&2; exit 1; }

if [ -x "$APP_HOME/bin/java" ]; then
    JAVACMD=$APP_HOME/bin/java
elif [ -n "$JAVA_HOME" ]; then
    JAVACMD=$JAVA_HOME/bin/java
    [ -x "$JAVACMD" ] || die "JAVA_HOME is set to $JAVA_HOME, which has no bin/java; point it at a JDK 21 or newer"
else
    JAVACMD=$( command -v java ) || die "needs Java 21 or newer: set JAVA_HOME or put java on PATH (https://adoptium.net)"
fi
if [ -d "$APP_HOME/jars" ]; then JARSDIR=$APP_HOME/jars; else JARSDIR=$APP_HOME/lib; fi
CLASSPATH="$JARSDIR/*"

JVM_OPTS=""
{{#distributionJavaJvmOptionsUniversal}}
JVM_OPTS="$JVM_OPTS {{.}}"
{{/distributionJavaJvmOptionsUniversal}}
{{#distributionJavaJvmOptionsUnix}}
JVM_OPTS="$JVM_OPTS {{.}}"
{{/distributionJavaJvmOptionsUnix}}

# The runtime's version from its release file (no JVM started); empty when there is none.
java_home=$( cd "$( dirname "$( readlink -f "$JAVACMD" 2>/dev/null || echo "$JAVACMD" )" )/.." 2>/dev/null && pwd -P )
runtime=$( sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$java_home/release" 2>/dev/null )
[ -n "$runtime" ] || runtime=$( sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$java_home/release" 2>/dev/null ) # jlink images
feature=${runtime%%[!0-9]*}

# a thread parked in native code (the JDK's socket pollers, idle after the last download) would
# otherwise hold the exit for 300 ms (JDK 25 has the option)
if [ -n "$feature" ] && [ "$feature" -ge 25 ]; then
    JVM_OPTS="$JVM_OPTS -XX:UserThreadWaitAttemptsAtExit=0"
fi

CACHE_OPTS=""
if [ "${JIMENG_AOT:-1}" != 0 ] && [ -n "$feature" ] && [ "$feature" -ge 21 ]; then
    cache_dir=${XDG_CACHE_HOME:-$HOME/.cache}/jimeng
    key=$( printf '%s\n%s\n' "$APP_HOME" "$JAVACMD" | cksum | cut -d' ' -f1 )
    if [ "$feature" -ge 25 ]; then
        cache=$cache_dir/{{projectVersion}}-$runtime-$key.aot
        make=-XX:AOTCacheOutput use=-XX:AOTCache quiet="-Xlog:aot=off -Xlog:cds=off"
    else
        cache=$cache_dir/{{projectVersion}}-$runtime-$key.jsa
        make=-XX:ArchiveClassesAtExit use=-XX:SharedArchiveFile quiet="-Xlog:cds=off"
    fi
    if [ ! -f "$cache" ] && [ ! -f "$cache.failed" ] && mkdir -p "$cache_dir" 2>/dev/null; then
        echo "{{distributionExecutable}}: preparing a faster start (first run only, usually 10-30 s)…" >&2
        # shellcheck disable=SC2086 # JVM_OPTS holds several options
        if "$JAVACMD" "$make=$cache.$$" $JVM_OPTS -classpath "$CLASSPATH" dev.jimeng.AotTraining >"$cache.log" 2>&1 \
            && mv "$cache.$$" "$cache"; then
            rm -f "$cache.log"
        else
            rm -f "$cache.$$"
            mv "$cache.log" "$cache.failed" # not tried again; delete it to try again
        fi
    fi
    [ -f "$cache" ] && CACHE_OPTS="$use=$cache $quiet"
fi

# shellcheck disable=SC2086 # the option lists hold several options; user JAVA_OPTS come last
exec "$JAVACMD" $CACHE_OPTS $JVM_OPTS $JAVA_OPTS -classpath "$CLASSPATH" {{distributionJavaMainClass}} "$@"
