"""A move's figure in braille: still key poses on the card, one pose that moves on the timer."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget

if TYPE_CHECKING:
    from hiptui.figure import Figure, Side


@lru_cache(maxsize=256)
def _drawn(figure: Figure, width: int, height: int, phase: float, side: Side | None) -> tuple[str, ...]:
    from hiptui.figure import draw  # not before the builder's first frame, which has no figure yet

    return tuple(draw(figure, width, height, phase=phase, side=side))


@lru_cache(maxsize=32)
def _strip(figure: Figure, width: int, height: int, side: Side | None) -> Text:
    from hiptui.figure.strip import draw_key_poses

    return Text("\n".join(draw_key_poses(figure, width, height, side)))


class FigureView(Widget):
    """One pose of a figure at a phase. Its lines are drawn once per frame and kept; it repaints only when
    they change (many frames of a slow move draw the same dots)."""

    _shown: tuple[Figure, float, Side | None] | None = None
    _rows: tuple[str, ...] = ()
    _strips: list[Strip] | None = None

    def on_mount(self) -> None:
        self.display = self._shown is not None

    def on_resize(self) -> None:
        self._redraw()

    def show(self, figure: Figure | None, phase: float = 0.0, side: Side | None = None) -> None:
        shown = None if figure is None else (figure, phase, side)
        if shown != self._shown:
            self._shown = shown
            self.display = shown is not None
            self._redraw()

    def _redraw(self) -> None:
        rows: tuple[str, ...] = ()
        if self._shown is not None:
            figure, phase, side = self._shown
            rows = _drawn(figure, self.content_size.width, self.content_size.height, phase, side)
        if rows != self._rows:
            self._rows, self._strips = rows, None
            self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips = None

    def render_line(self, y: int) -> Strip:
        if self._strips is None:
            style = self.rich_style
            self._strips = [Strip([Segment(row, style)], len(row)) for row in self._rows]
        return self._strips[y] if y < len(self._strips) else Strip.blank(self.content_size.width, self.rich_style)


class FigureStrip(Widget):
    """A figure's key poses side by side, working side on the left."""

    def __init__(self, figure: Figure | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._figure = figure
        self.display = figure is not None

    def show(self, figure: Figure | None) -> None:
        if figure is not self._figure:
            self._figure = figure
            self.display = figure is not None
            self.refresh()

    def render(self) -> Text:
        if self._figure is None:
            return Text()
        return _strip(self._figure, self.content_size.width, self.content_size.height, None)
