@echo off
rem yardstick.cmd: runs the Yardstick command line of this release (lib\yardstick.jar) on Java 17 or newer.
rem   bin\yardstick demo | validate FILE... | --help      (see docs\cli.md)
rem Java: %JAVA_HOME%\bin\java.exe when JAVA_HOME is set, else java on the PATH.
setlocal
set "YARDSTICK_JAR=%~dp0..\lib\yardstick.jar"
if defined JAVA_HOME (
  set "JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVA=java.exe"
)
set "JAVA_MAJOR="
rem "java -fullversion" prints: openjdk full version "17.0.15+6"; the first number after the quote is the major
rem version (1 for the old 1.8 style, which is too old anyway). The options are unquoted so that '"' can be a delimiter.
for /f tokens^=2^ delims^=^"^. %%v in ('"%JAVA%" -fullversion 2^>^&1') do if not defined JAVA_MAJOR set "JAVA_MAJOR=%%v"
if not defined JAVA_MAJOR (
  echo yardstick: error: cannot run "%JAVA%": set JAVA_HOME or put java on the PATH; Yardstick needs Java 17 or newer 1>&2
  exit /b 2
)
for /f "delims=0123456789" %%x in ("%JAVA_MAJOR%") do (
  echo yardstick: error: cannot read the version of "%JAVA%"; Yardstick needs Java 17 or newer 1>&2
  exit /b 2
)
if %JAVA_MAJOR% LSS 17 (
  echo yardstick: error: Yardstick needs Java 17 or newer, but "%JAVA%" is Java %JAVA_MAJOR%; set JAVA_HOME to a Java 17+ installation 1>&2
  exit /b 2
)
"%JAVA%" -jar "%YARDSTICK_JAR%" %*
exit /b %ERRORLEVEL%
