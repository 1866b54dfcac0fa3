#!/usr/bin/env bash
# Builds the app-image's ahead-of-time cache (JDK 25, JEP 483/514/515) from a training run, and makes
# the window's launcher use it. The package profile runs it after jpackage made the app-image and
# before the installers are made from it; decision 0019 says why and what it gains.
#
#   1. record: the launcher runs the smoke test (the main window on the demo fleet until the tree
#      shows data, under Xvfb) with -XX:AOTMode=record, which writes the classes it loaded and linked
#      and the methods it profiled to an AOT configuration;
#   2. create: the same launcher with -XX:AOTMode=create turns it into lib/app/fleetdesk.aot;
#   3. the launcher's .cfg gets -XX:AOTCache=$APPDIR/fleetdesk.aot.
#
# Two-step, through the launcher itself, for two reasons: the one-step -XX:AOTCacheOutput forks
# bin/java, which the jlinked runtime does not have (--strip-native-commands); and a cache is valid
# only for the same runtime and the same class path, which the launcher's .cfg gives. The options go
# in through JAVA_TOOL_OPTIONS, which the JVM reads however it was launched. The .cfg must not pass
# -Xshare:auto (the AOT modes refuse it; it is the default anyway).
#
# A missing or stale cache never stops the app: without -XX:AOTMode=on the JVM starts without it
# (packaging/smoke-test.sh checks both).
# Usage: packaging/aot-cache.sh [app-image dir]
set -euo pipefail
cd "$(dirname "$0")/.."
image=$(realpath "${1:-app/target/dist/Fleetdesk}")
launcher="$image/bin/Fleetdesk"
cfg="$image/lib/app/Fleetdesk.cfg"
cache="$image/lib/app/fleetdesk.aot"
[ -x "$launcher" ] && [ -f "$cfg" ] || { echo "aot: no app-image at $image" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "aot: xvfb-run is missing (apt-get install xvfb)" >&2; exit 1; }
if grep -q -- '-Xshare' "$cfg"; then echo "aot: $cfg passes -Xshare, which the AOT modes refuse" >&2; exit 1; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A fresh home, as in the smoke test: no settings of whoever builds, nothing left behind.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
sed -i '/-XX:AOTCache=/d' "$cfg"
rm -f "$cache"

started=$(date +%s%3N)
if ! JAVA_TOOL_OPTIONS="-XX:AOTMode=record -XX:AOTConfiguration=$work/fleetdesk.aotconf" \
    timeout 180 xvfb-run -a -s "-screen 0 1440x900x24" "$launcher" --smoke-test "$work/training.png" >"$work/record.log" 2>&1 \
    || ! grep -q '^smoke: OK' "$work/record.log"; then
  tail -20 "$work/record.log"; echo "aot: FAILED, the training run did not reach the demo tree" >&2; exit 1
fi
if ! JAVA_TOOL_OPTIONS="-XX:AOTMode=create -XX:AOTConfiguration=$work/fleetdesk.aotconf -XX:AOTCache=$cache" \
    timeout 180 "$launcher" >"$work/create.log" 2>&1 || [ ! -s "$cache" ]; then
  tail -20 "$work/create.log"; echo "aot: FAILED, the cache was not created" >&2; exit 1
fi
# Right after the launcher's own -D and --enable-native-access options.
sed -i '/^\[JavaOptions\]/a java-options=-XX:AOTCache=$APPDIR/fleetdesk.aot' "$cfg"
skipped=$(cat "$work/record.log" "$work/create.log" | grep -c "Skipping .*: " || true)
echo "aot: $cache $(du -h "$cache" | cut -f1) from a training run on the demo fleet ($(( $(date +%s%3N) - started )) ms); \
$skipped classes left out (see -Xlog:aot; a signed jar's would be all of its own)"
