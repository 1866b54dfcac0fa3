#!/usr/bin/env bash
# Start-up of the packaged app, median of N runs (default 5): ms from process start to the first
# window and to the first tree data, as the app's --smoke-test prints them; and the app-image and
# .deb sizes. (The CDS variants in docs/benchmarks.md were measured by building the image with
# --generate-cds-archive, then with -XX:+AutoCreateSharedArchive added to its .cfg.)
# With a second argument, another app-image (a copy of an earlier build, say) is measured as the
# baseline in the same run, each of its runs next to one of the shipped image's, so the machine's load
# falls on both alike; compare the two, not the absolute figures.
# Usage: packaging/measure-startup.sh [runs] [baseline app-image]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
baseline=${2:-}
image=app/target/dist/Fleetdesk
work=$(mktemp -d)
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
# One Xvfb for all runs, started first, so its start-up is not counted; the launch time is passed in
# FLEETDESK_LAUNCHED_AT (the OS's process start time can be skewed by a second in containers).
display=":$((100 + RANDOM % 50))"
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1
run() { # $1 app-image
  HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" DISPLAY="$display" \
    FLEETDESK_LAUNCHED_AT=$(date +%s%3N) "$1/bin/Fleetdesk" --smoke-test "$work/s.png" 2>/dev/null
}
report() { # $1 label
  w=$(sed -E 's/.*window_ms=([0-9]+).*/\1/' "$work/$1" | median)
  d=$(sed -E 's/.*tree_data_ms=([0-9]+).*/\1/' "$work/$1" | median)
  echo "$1: first window ${w} ms, first tree data ${d} ms (median of $(wc -l <"$work/$1") runs)"
}
: >"$work/as-shipped"
: >"$work/baseline"
for i in $(seq "$runs"); do
  [ -n "$baseline" ] && run "$baseline" | grep '^smoke: OK' >>"$work/baseline"
  run "$image" | grep '^smoke: OK' >>"$work/as-shipped"
done
[ -n "$baseline" ] && { report baseline; echo "baseline app-image: $(du -sh "$baseline" | cut -f1)"; }
report as-shipped
echo "app-image: $(du -sh "$image" | cut -f1)"
ls app/target/dist/*.deb >/dev/null 2>&1 && echo "deb: $(du -h app/target/dist/*.deb | cut -f1) ($(stat -c %s app/target/dist/*.deb) bytes)"
