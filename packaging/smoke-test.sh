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
set +e
HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
  timeout 120 xvfb-run -a -s "-screen 0 1440x900x24" "$launcher" --smoke-test "$(realpath -m "$shot")" >"$log" 2>&1
rc=$?
set -e
cat "$log"
if [ $rc -ne 0 ]; then echo "smoke: FAILED, the launcher exited $rc" >&2; exit 1; fi
if ! grep -q "^smoke: OK" "$log"; then echo "smoke: FAILED, no OK line" >&2; exit 1; fi
if grep -E "(^| )ERROR( |$)" "$log" "$home/.local/share/fleetdesk/logs/fleetdesk.log" 2>/dev/null; then
  echo "smoke: FAILED, an error was logged (above)" >&2; exit 1
fi
[ -s "$shot" ] || { echo "smoke: FAILED, no screenshot at $shot" >&2; exit 1; }

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
