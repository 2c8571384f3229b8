"""Review the figures of moves: one PNG per move with a figure, its key poses side by side.

    .venv/bin/python tools/render_figures.py [PACK.toml ...] [--out FOLDER] [--size 40x20]

A dev tool (not shipped): reads the given pack files (default packs/*.toml) and writes FOLDER/<move-id>.png
(default: a folder under the system temp dir), each braille dot drawn as a filled square.
"""

from __future__ import annotations

import argparse
import struct
import sys
import tempfile
import zlib
from pathlib import Path

from hiptui.figure import Figure, draw, phase_of_pose
from hiptui.packs.loader import load_pack_file

DOT, GAP = 4, 1
"""Pixels of a dot and of the space after it."""
_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
INK, PAPER, RULE = (30, 30, 30), (250, 250, 245), (200, 60, 60)


def png(width: int, height: int, pixels: list[bytearray]) -> bytes:
    """An RGB PNG of `height` rows of `width` pixels (3 bytes each)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes(row) for row in pixels)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def frames(figure: Figure, width: int, height: int) -> list[list[str]]:
    """Each key pose, then the held pose of the right side."""
    shown = [draw(figure, width, height, phase=phase_of_pose(figure, i)) for i in range(len(figure.poses))]
    hold = phase_of_pose(figure, figure.hold_index)
    return [*shown, draw(figure, width, height, phase=hold, side="right")]


def picture(panels: list[list[str]]) -> bytes:
    cells_wide, cells_high = len(panels[0][0]), len(panels[0])
    step = DOT + GAP
    panel_px = cells_wide * 2 * step
    width, height = len(panels) * (panel_px + step) + step, cells_high * 4 * step + 2 * step
    rows = [bytearray(bytes(PAPER) * width) for _ in range(height)]
    for number, panel in enumerate(panels):
        left = step + number * (panel_px + step)
        for y in range(height):
            rows[y][3 * (left - step) : 3 * (left - step) + 3] = bytes(RULE)
        for row, line in enumerate(panel):
            for column, char in enumerate(line):
                mask = ord(char) - 0x2800 if char != " " else 0
                for dy in range(4):
                    for dx in range(2):
                        if mask & _BITS[dy][dx]:
                            x0, y0 = left + (column * 2 + dx) * step, step + (row * 4 + dy) * step
                            for y in range(y0, y0 + DOT):
                                rows[y][3 * x0 : 3 * (x0 + DOT)] = bytes(INK) * DOT
    return png(width, height, rows)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("packs", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "hiptui-figures")
    parser.add_argument("--size", default="40x20", help="cells of each pose, WIDTHxHEIGHT")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.split("x"))
    packs = args.packs or sorted((Path(__file__).parents[1] / "packs").glob("*.toml"))
    args.out.mkdir(parents=True, exist_ok=True)
    written = 0
    for path in packs:
        result = load_pack_file(path)
        for problem in result.problems:
            print(problem, file=sys.stderr)
        for move in result.pack.moves if result.pack else []:
            if move.figure is not None:
                (args.out / f"{move.id}.png").write_bytes(picture(frames(move.figure.to_plain(), width, height)))
                written += 1
    print(f"{written} figures written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
