"""A canvas of braille dots: 2 x 4 dots in each character cell, lines that never break up."""

from __future__ import annotations

BRAILLE = 0x2800
_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
"""The bit of dot (column, row) of a cell, as _BITS[row][column]."""


def _mirrored_mask(mask: int) -> int:
    flipped = 0
    for row in range(4):
        for column in range(2):
            if mask & _BITS[row][column]:
                flipped |= _BITS[row][1 - column]
    return flipped


_MIRROR = bytes(_mirrored_mask(mask) for mask in range(256))


class DotCanvas:
    """`width` x `height` cells; dot (x, y) counts from the top left, y down."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = max(0, width), max(0, height)
        self.dots_wide, self.dots_high = self.width * 2, self.height * 4
        self.cells = bytearray(self.width * self.height)

    def dot(self, x: int, y: int) -> None:
        if 0 <= x < self.dots_wide and 0 <= y < self.dots_high:
            self.cells[(y >> 2) * self.width + (x >> 1)] |= _BITS[y & 3][x & 1]

    def line(self, x0: int, y0: int, x1: int, y1: int, thick: bool = False) -> None:
        """Bresenham: every dot touches the next, so the line never breaks up; `thick` doubles it."""
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
        steep = -dy > dx
        error = dx + dy
        for _ in range(dx - dy + 1):
            self.dot(x0, y0)
            if thick:
                self.dot(x0 + 1, y0) if steep else self.dot(x0, y0 + 1)
            if x0 == x1 and y0 == y1:
                break
            double = 2 * error
            if double >= dy:
                error += dy
                x0 += sx
            if double <= dx:
                error += dx
                y0 += sy

    def circle(self, cx: int, cy: int, radius: int, filled: bool = False) -> None:
        """A ring (midpoint circle), or a disc when `filled`."""
        if radius <= 0:
            self.dot(cx, cy)
            return
        x, y, error = radius, 0, 1 - radius
        while x >= y:
            if filled:
                for span_y, half in ((y, x), (-y, x), (x, y), (-x, y)):
                    for span_x in range(cx - half, cx + half + 1):
                        self.dot(span_x, cy + span_y)
            else:
                for px, py in ((x, y), (y, x), (-y, x), (-x, y), (-x, -y), (-y, -x), (y, -x), (x, -y)):
                    self.dot(cx + px, cy + py)
            y += 1
            if error < 0:
                error += 2 * y + 1
            else:
                x -= 1
                error += 2 * (y - x) + 1

    def mirror(self) -> None:
        """Flip the picture left to right."""
        width = self.width
        for start in range(0, len(self.cells), max(width, 1)):
            row = self.cells[start : start + width]
            self.cells[start : start + width] = bytes(reversed(row)).translate(_MIRROR)

    def rows(self) -> list[str]:
        """`height` strings of `width` characters; an empty cell is a space."""
        text = "".join(chr(BRAILLE + mask) if mask else " " for mask in self.cells)
        return (
            [text[start : start + self.width] for start in range(0, self.width * self.height, self.width or 1)]
            if self.width
            else [""] * self.height
        )
