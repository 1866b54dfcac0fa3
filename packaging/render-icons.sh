#!/usr/bin/env bash
# Renders icons/fleetdesk.svg to the sizes and formats each OS needs, into icons/rendered/:
# PNGs 16-1024 (Linux, and the window icon), .ico (Windows) and .icns (macOS).
# Needs rsvg-convert (apt-get install librsvg2-bin) and ImageMagick's convert; the .icns is written by
# make-icns.py (PNG entries, which macOS 10.7+ reads), since iconutil exists only on macOS.
# The rendered files are committed: building the installers does not need these tools.
set -euo pipefail
cd "$(dirname "$0")/.."
out=icons/rendered
mkdir -p "$out"
for s in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$s" -h "$s" icons/fleetdesk.svg -o "$out/fleetdesk-$s.png"
done
convert "$out"/fleetdesk-{16,24,32,48,64,128,256}.png "$out/fleetdesk.ico"
python3 packaging/make-icns.py "$out" "$out/fleetdesk.icns"
ls -l "$out"
