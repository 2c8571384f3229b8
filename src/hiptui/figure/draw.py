"""Drawing a figure as text: braille dots scaled to the canvas, the floor line under its lowest point."""

from __future__ import annotations

from functools import lru_cache

from hiptui.figure.canvas import DotCanvas
from hiptui.figure.motion import pose_at
from hiptui.figure.scene import Circle, Line, Shape, pose_shapes
from hiptui.figure.spec import Figure, Side

SAMPLES = 12
"""Phases of the cycle whose extent sets the scale, so the figure keeps its size as it moves."""
THICK_FROM = 36.0
"""Dots per body unit from which the near limbs are drawn two dots thick."""


def _extent(shapes: list[Shape], head: Circle) -> tuple[float, float, float, float]:
    xs: list[float] = [head.centre[0] - head.radius, head.centre[0] + head.radius]
    ys: list[float] = [head.centre[1] - head.radius, head.centre[1] + head.radius]
    for shape in shapes:
        if isinstance(shape, Line):
            xs += [shape.start[0], shape.end[0]]
            ys += [shape.start[1], shape.end[1]]
        else:
            xs += [shape.centre[0] - shape.radius, shape.centre[0] + shape.radius]
            ys += [shape.centre[1] - shape.radius, shape.centre[1] + shape.radius]
    return min(xs), max(xs), min(ys), max(ys)


@lru_cache(maxsize=256)
def _bounds(figure: Figure) -> tuple[float, float, float, float]:
    """Left, right, bottom and top over the whole cycle (the floor is at 0, the bottom at most 0)."""
    poses = [pose_at(figure, i / SAMPLES) for i in range(SAMPLES)] + list(figure.poses)
    extents = [_extent(*pose_shapes(pose, figure.view, figure.props)) for pose in poses]
    bottom = min(0.0, *(e[2] for e in extents))
    return min(e[0] for e in extents), max(e[1] for e in extents), bottom, max(max(e[3] for e in extents), bottom + 0.1)


def draw(figure: Figure, width: int, height: int, *, phase: float = 0.0, side: Side | None = None) -> list[str]:
    """`figure` at `phase` as exactly `height` strings of exactly `width` characters.

    The LEFT side (or no side) is drawn facing right; `side="right"` is that drawing flipped.
    """
    canvas = DotCanvas(width, height)
    if width < 1 or height < 1 or not figure.poses:
        return canvas.rows()
    left, right, bottom, top = _bounds(figure)
    margin = 1 if canvas.dots_high > 8 else 0
    scale = min(
        (canvas.dots_wide - 2 * margin) / max(right - left, 0.1), (canvas.dots_high - 1 - margin) / (top - bottom)
    )
    floor = canvas.dots_high - 1 + bottom * scale
    offset = (canvas.dots_wide - 1 - (right - left) * scale) / 2 - left * scale
    thick = scale >= THICK_FROM

    def at(x: float, y: float) -> tuple[int, int]:
        return round(offset + x * scale), round(floor - y * scale)

    shapes, head = pose_shapes(pose_at(figure, phase), figure.view, figure.props)
    ground = round(floor - bottom * scale)  # under the lowest point: in the three-quarter view, nearer is lower
    canvas.line(0, ground, canvas.dots_wide - 1, ground)
    for shape in shapes:
        if isinstance(shape, Line):
            canvas.line(*at(*shape.start), *at(*shape.end), thick=thick and shape.near)
        else:
            canvas.circle(*at(*shape.centre), round(shape.radius * scale), filled=shape.filled)
    radius = round(head.radius * scale)
    canvas.circle(*at(*head.centre), radius, filled=radius < 3)
    if side == "right":
        canvas.mirror()
    return canvas.rows()
