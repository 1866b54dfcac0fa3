#!/usr/bin/env bash
# Installs the built .deb (as root), starts the app the way its menu entry does (the Exec line of
# the installed .desktop file) with --smoke-test under Xvfb, then removes the package and checks
# that the menu entry and /opt/fleetdesk are gone. CI runs it after the app-image smoke test. It
# first fails a .deb over its 60 MB goal.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls app/target/dist/fleetdesk_*_amd64.deb)
# The download's goal (docs/benchmarks.md, Packaging): a new dependency that breaks it fails here.
size=$(stat -c %s "$deb")
[ "$size" -lt 60000000 ] || { echo "deb-test: FAILED, $deb is $size bytes, over the 60 MB goal" >&2; exit 1; }
echo "deb-test: $deb is $size bytes (goal under 60 MB)"
[ "$(id -u)" = 0 ] || { echo "deb-test: needs root to install $deb" >&2; exit 1; }
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >/dev/null
entry=$(ls /usr/share/applications/*Fleetdesk.desktop 2>/dev/null || ls ~/.local/share/applications/*Fleetdesk.desktop)
exec_line=$(grep '^Exec=' "$entry" | cut -d= -f2-)
echo "deb-test: installed; menu entry $entry runs: $exec_line"
home=$(mktemp -d)
out=$(HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
  JAVA_TOOL_OPTIONS="-Xlog:aot=info:file=$home/aot.txt" timeout 120 xvfb-run -a -s "-screen 0 1440x900x24" $exec_line --smoke-test "$home/menu.png" 2>&1) || true
echo "$out" | grep '^smoke:' || true
echo "$out" | grep -q '^smoke: OK' || { echo "$out"; echo "deb-test: FAILED, the installed app did not show the demo fleet" >&2; exit 1; }
# The AOT cache checks the jars beside it: the package must install them as they were when it was made.
grep -q 'Using AOT-linked classes: true' "$home/aot.txt" \
  || { grep -v Skipping "$home/aot.txt" | head -20; echo "deb-test: FAILED, the installed app did not use its AOT cache" >&2; exit 1; }
echo "deb-test: the installed app used its AOT cache"
# The fleetdesk command on the PATH.
[ "$(command -v fleetdesk)" = /usr/bin/fleetdesk ] || { echo "deb-test: FAILED, no fleetdesk on the PATH" >&2; exit 1; }
HOME="$home" fleetdesk --version | grep -q '^fleetdesk ' || { echo "deb-test: FAILED, fleetdesk --version" >&2; exit 1; }
set +e
HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" timeout 120 fleetdesk --demo fleet health \
  --output table >"$home/health.txt" 2>&1
rc=$?
set -e
[ $rc -le 3 ] && grep -q '| name' "$home/health.txt" || { cat "$home/health.txt"; echo "deb-test: FAILED, fleetdesk --demo fleet health exited $rc" >&2; exit 1; }
echo "deb-test: fleetdesk --demo fleet health: exit $rc, $(grep -c '^| ' "$home/health.txt") table lines"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq fleetdesk >/dev/null
[ ! -e "$entry" ] && [ ! -e /opt/fleetdesk ] || { echo "deb-test: FAILED, removal left $entry or /opt/fleetdesk" >&2; exit 1; }
[ ! -e /usr/bin/fleetdesk ] || { echo "deb-test: FAILED, removal left /usr/bin/fleetdesk" >&2; exit 1; }
rm -rf "$home"
echo "deb-test: passed (installed, started from its menu entry, the fleetdesk command run, removed)"
