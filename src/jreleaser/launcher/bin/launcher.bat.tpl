@rem {{jreleaserCreationStamp}}
@rem {{distributionExecutable}} launcher for Windows: the archive's own runtime, else JAVA_HOME's or PATH's java (21+).
@echo off
setlocal
set APP_HOME=%~dp0..
if exist "%APP_HOME%\bin\java.exe" (
  set JAVACMD=%APP_HOME%\bin\java.exe
) else if defined JAVA_HOME (
  set JAVACMD=%JAVA_HOME%\bin\java.exe
) else (
  set JAVACMD=java.exe
)
if exist "%APP_HOME%\jars" (set JARSDIR=%APP_HOME%\jars) else (set JARSDIR=%APP_HOME%\lib)
set JVM_OPTS=
{{#distributionJavaJvmOptionsUniversal}}
set JVM_OPTS=%JVM_OPTS% {{.}}
{{/distributionJavaJvmOptionsUniversal}}
{{#distributionJavaJvmOptionsWindows}}
set JVM_OPTS=%JVM_OPTS% {{.}}
{{/distributionJavaJvmOptionsWindows}}
"%JAVACMD%" %JVM_OPTS% %JAVA_OPTS% -classpath "%JARSDIR%\*" {{distributionJavaMainClass}} %*
exit /b %ERRORLEVEL%
