#!/usr/bin/env bash
# Rebuilds the .deb jpackage made, with xz at level 9 instead of dpkg-deb's default 6. The image holds
# the AOT cache (packaging/aot-cache.sh), which repeats the class names and bytecode of the jars beside
# it; level 9's 64 MB dictionary reaches across the two, level 6's 8 MB does not: 60.6 MB -> 58.7 MB
# when measured (decision 0019), under the 60 MB goal. Extracted and rebuilt in one fakeroot session,
# so owners, modes and modification times are the package's own (the AOT cache checks the jars).
# The deb profile runs it after jpackage. Usage: packaging/deb-xz9.sh [folder with the .deb]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-app/target/dist}
deb=$(ls "$dir"/fleetdesk_*_amd64.deb)
command -v fakeroot >/dev/null || { echo "deb-xz9: fakeroot is missing (apt-get install fakeroot)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
before=$(stat -c %s "$deb")
fakeroot sh -c "dpkg-deb -R '$deb' '$work/root' && dpkg-deb -Zxz -z9 --build '$work/root' '$work/out.deb' >/dev/null"
mv "$work/out.deb" "$deb"
echo "deb-xz9: $deb $before -> $(stat -c %s "$deb") bytes"
