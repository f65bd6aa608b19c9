#!/usr/bin/env bash
# Checks the Studio's start script as a user meets it, in the materialized Studio: it refuses a Java older than 17
# or no Java at all with a message that says so, and with the Java running this build it starts the Studio (the
# workspace is opened and the process keeps running) until it is stopped. Needs a display: the build runs under
# xvfb-run when there is none.
set -euo pipefail
studio="$1"
work="$2"
script="$studio/yardstick-studio"
rm -rf "$work"
mkdir -p "$work/bin"

fail() {
	echo "start-script-test: $*" >&2
	exit 1
}

expect_refusal() {
	local what="$1" expected="$2"
	shift 2
	local status=0
	"$@" >"$work/out.txt" 2>&1 || status=$?
	[[ $status -eq 1 ]] || fail "$what: exit code $status, expected 1"
	grep -q "Yardstick Studio needs Java 17 or newer" "$work/out.txt" || fail "$what: $(cat "$work/out.txt")"
	grep -qF "$expected" "$work/out.txt" || fail "$what: no '$expected' in: $(cat "$work/out.txt")"
	echo "start-script-test: $what: refused, saying: $(sed -n 2p "$work/out.txt")"
}

# A Java 8 as it reports its version (the only thing the script asks of it).
printf '#!/bin/sh\necho '\''openjdk version "1.8.0_392"'\'' >&2\n' >"$work/bin/java"
chmod +x "$work/bin/java"
expect_refusal "Java 8" "Found Java 1.8.0_392" env YARDSTICK_JAVA="$work/bin/java" "$script"

# No Java anywhere: a PATH with only the tools the script itself uses.
mkdir -p "$work/tools"
for tool in bash dirname cat sed head cut ls sort tail; do
	ln -s "$(command -v "$tool")" "$work/tools/$tool"
done
expect_refusal "no Java" "No Java was found" env -u JAVA_HOME -u YARDSTICK_JAVA PATH="$work/tools" "$script"

# The real thing: the Java of this build, a fresh workspace.
workspace="$work/workspace"
env -u YARDSTICK_JAVA "$script" -data "$workspace" -consoleLog >"$work/studio.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
	[[ -d "$workspace/.metadata/.plugins/org.eclipse.core.resources" ]] && break
	kill -0 $pid 2>/dev/null || fail "the Studio stopped while starting: $(tail -n 20 "$work/studio.log")"
	sleep 1
done
[[ -d "$workspace/.metadata/.plugins/org.eclipse.core.resources" ]] || fail "no workspace after 120 s: $(tail -n 20 "$work/studio.log")"
sleep 5
kill -0 $pid 2>/dev/null || fail "the Studio stopped after opening its workspace: $(tail -n 20 "$work/studio.log")"
kill $pid
wait $pid 2>/dev/null || true
trap - EXIT
echo "start-script-test: the script started the Studio on $(sed -n 's/.* version "\([^"]*\)".*/\1/p' < <(java -version 2>&1) | head -n 1) with the workspace $workspace"
