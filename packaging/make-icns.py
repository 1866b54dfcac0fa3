#!/usr/bin/env python3
"""Writes a macOS .icns from rendered PNGs: each entry is a 4-byte type, a big-endian length that
counts its 8-byte header, then the PNG. Types: ic11/ic12/ic13/ic14 are the @2x sizes."""
import struct
import sys
from pathlib import Path

ENTRIES = [("ic11", 32), ("ic12", 64), ("ic07", 128), ("ic13", 256), ("ic08", 256), ("ic14", 512),
           ("ic09", 512), ("ic10", 1024)]

def main(folder: str, target: str) -> None:
    body = b""
    for kind, size in ENTRIES:
        png = (Path(folder) / f"fleetdesk-{size}.png").read_bytes()
        body += kind.encode("ascii") + struct.pack(">I", len(png) + 8) + png
    Path(target).write_bytes(b"icns" + struct.pack(">I", len(body) + 8) + body)

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
