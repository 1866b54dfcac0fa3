#!/usr/bin/env bash
# Smoke test of the packaged app (CI runs it): start the app-image's launcher under Xvfb with
# --smoke-test, which opens the main window on the demo fleet, waits until the tree shows data,
# writes a screenshot and exits 0. Fails if the launcher fails, the tree stays empty, no screenshot
# is written, or anything is logged at ERROR.
# Usage: packaging/smoke-test.sh [app-image dir] [screenshot.png]
set -euo pipefail
cd "$(dirname "$0")/.."
image=${1:-app/target/dist/Fleetdesk}
shot=${2:-app/target/dist/smoke.png}
launcher="$image/bin/Fleetdesk"
[ -x "$launcher" ] || { echo "smoke: no launcher at $launcher; build it with ./mvnw -B -pl app -am -Ppackage -DskipTests verify" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "smoke: xvfb-run is missing (apt-get install xvfb)" >&2; exit 1; }
rm -f "$shot"
log=$(mktemp)
# A fresh home: no settings or audit log of whoever runs it, and nothing left behind.
home=$(mktemp -d)
window() { # $1 screenshot, $2 what this run is; JAVA_TOOL_OPTIONS as the caller sets it
  set +e
  HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
    timeout 120 xvfb-run -a -s "-screen 0 1440x900x24" "$launcher" --smoke-test "$(realpath -m "$1")" >"$log" 2>&1
  rc=$?
  set -e
  cat "$log"
  if [ $rc -ne 0 ]; then echo "smoke: FAILED ($2), the launcher exited $rc" >&2; exit 1; fi
  if ! grep -q "^smoke: OK" "$log"; then echo "smoke: FAILED ($2), no OK line" >&2; exit 1; fi
  if grep -E "(^| )ERROR( |$)" "$log" "$home/.local/share/fleetdesk/logs/fleetdesk.log" 2>/dev/null; then
    echo "smoke: FAILED ($2), an error was logged (above)" >&2; exit 1
  fi
  [ -s "$1" ] || { echo "smoke: FAILED ($2), no screenshot at $1" >&2; exit 1; }
}
# As shipped, with its AOT cache (packaging/aot-cache.sh), which the JVM must open and use.
cache="$image/lib/app/fleetdesk.aot"
if [ -f "$cache" ]; then
  JAVA_TOOL_OPTIONS="-Xlog:aot=info:file=$home/aot.txt" window "$shot" "with the AOT cache"
  grep -q 'Opened AOT cache' "$home/aot.txt" && grep -q 'Using AOT-linked classes: true' "$home/aot.txt" \
    || { grep -v Skipping "$home/aot.txt" | head -20; echo "smoke: FAILED, the AOT cache $cache was not used" >&2; exit 1; }
  echo "smoke: the AOT cache was used"
  # A missing or a damaged cache must never stop the app: it starts without, only slower. The cache is
  # put back whatever happens.
  mv "$cache" "$cache.kept"
  trap 'if [ -f "$cache.kept" ]; then mv -f "$cache.kept" "$cache"; fi' EXIT
  window "$home/no-cache.png" "without the AOT cache"
  head -c 1000000 "$cache.kept" >"$cache"
  window "$home/damaged-cache.png" "with a damaged AOT cache"
  mv -f "$cache.kept" "$cache"
  # A stale one: the app's jar newer than the cache (its time put back after).
  appjar=$(ls "$image"/lib/app/fleetdesk-app-*.jar)
  touch -r "$appjar" "$home/jar-time"
  touch "$appjar"
  window "$home/stale-cache.png" "with an AOT cache older than the app's jar"
  touch -r "$home/jar-time" "$appjar"
  echo "smoke: the app also starts without its AOT cache, with a damaged one and with a stale one"
else
  echo "smoke: no AOT cache in $image (built with -Daot.skip=true, or not on Linux)"
  window "$shot" "as built"
fi

# The second launcher, the fleetdesk command: its version, and the demo fleet's health as a script
# reads it (JSON on stdout; exit 0-3 is the worst health). It must not load JavaFX.
cli="$image/bin/fleetdesk-cli"
[ -x "$cli" ] || { echo "smoke: FAILED, no command launcher at $cli" >&2; exit 1; }
HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" "$cli" --version | tee "$log"
grep -q '^fleetdesk ' "$log" || { echo "smoke: FAILED, fleetdesk-cli --version printed no version" >&2; exit 1; }
set +e
HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" JAVA_TOOL_OPTIONS=-Xlog:class+load=info:file="$home/classes.txt" \
  timeout 120 "$cli" --demo fleet health --query 'length(data)' >"$log" 2>"$home/cli-err.txt"
rc=$?
set -e
[ $rc -le 3 ] || { cat "$log" "$home/cli-err.txt"; echo "smoke: FAILED, fleetdesk-cli --demo fleet health exited $rc" >&2; exit 1; }
grep -Eq '^[0-9]+$' "$log" || { cat "$log" "$home/cli-err.txt"; echo "smoke: FAILED, fleet health printed no rows" >&2; exit 1; }
if grep -q ' javafx\.' "$home/classes.txt"; then echo "smoke: FAILED, the command loaded JavaFX" >&2; exit 1; fi
echo "smoke: command OK: fleet health exit $rc, $(cat "$log") targets not OK, no JavaFX loaded"
rm -rf "$home" "$log"
echo "smoke: passed; screenshot $shot"
