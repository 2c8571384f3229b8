"""Everything about the highlighted move: names, what it is for, tags, dose, progressions, numbered steps,
cues and cautions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.timer import Timer
from textual.widgets import Static

from hiptui.tui.safe import plain

if TYPE_CHECKING:
    from hiptui.catalog.catalog import Catalog, CatalogMove
    from hiptui.figure import Figure
    from hiptui.packs.plain import Dose

TYPING_PAUSE = 0.15


def _grid(rows: list[tuple[Text, Text]]) -> Table:
    """Two columns, so wrapped lines hang under their text rather than under the label."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for label, value in rows:
        grid.add_row(label, value)
    return grid


def move_details(entry: CatalogMove, catalog: Catalog | None = None, dose: Dose | None = None) -> Group:
    """The card (`catalog.card.card_of`), styled."""
    from hiptui.catalog.card import card_of

    card = card_of(entry, catalog, dose)
    parts: list[RenderableType] = [plain(card.name, "bold")]
    if card.aliases:
        parts.append(plain("also: " + ", ".join(card.aliases), "italic dim"))
    parts.append(Text())
    parts.append(_grid([(Text(label, style="dim"), plain(value)) for label, value in card.facts]))
    parts.append(Text())
    parts.append(Text("Steps", style="bold"))
    parts.append(_grid([(Text(f"{n:>2}.", style="bold"), plain(step)) for n, step in enumerate(card.steps, 1)]))
    if card.cues:
        parts.append(Text())
        parts.append(Text("Cues", style="bold"))
        parts.append(_grid([(Text(" •", style="bold"), plain(cue, "italic")) for cue in card.cues]))
    if card.cautions:
        parts.append(Text())
        parts.append(Text("⚠ Cautions", style="bold yellow"))
        parts.append(_grid([(Text(" !", style="bold yellow"), plain(c, "yellow")) for c in card.cautions]))
    return Group(*parts)


def _no_move() -> Text:
    return Text("Highlight a move to see how to do it.", style="dim")


class MoveDetail(VerticalScroll):
    """A scrollable card for one move."""

    _shown: tuple[CatalogMove, Dose | None] | None = None
    """What the card shows; None for the hint, which it shows from the start."""
    _pending: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(_no_move(), id="detail-body")  # the figure strip above it comes with the first move

    @property
    def waiting(self) -> bool:
        """A move is waiting for typing to pause before it is shown."""
        return self._pending is not None

    def show_soon(self, entry: CatalogMove | None, delay: float = TYPING_PAUSE) -> None:
        """Show `entry` once typing pauses, so each keystroke repaints only the list."""
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(delay, lambda: self.show(entry))

    def show(self, entry: CatalogMove | None, dose: Dose | None = None) -> None:
        """Show `entry` at `dose` (a queue item's), or at its pack's dose."""
        if self._pending is not None:
            self._pending.stop()
            self._pending = None
        shown = (entry, dose) if entry is not None else None
        if shown is None and self._shown is None:
            return  # a layout pass saved, as the app starts
        if shown is not None and self._shown is not None and entry is self._shown[0] and dose == self._shown[1]:
            return
        self._shown = shown
        body = self.query_one("#detail-body", Static)
        catalog: Catalog | None = getattr(self.screen, "catalog", None)
        self._show_figure(catalog.figure(entry) if catalog and entry else None, body)
        if entry is None:
            body.update(_no_move())
        else:
            body.update(move_details(entry, catalog, dose))
        self.scroll_home(animate=False)

    def _show_figure(self, figure: Figure | None, body: Static) -> None:
        from hiptui.tui.widgets.figure import FigureStrip

        strips = self.query(FigureStrip)
        if strips:
            strips.first().show(figure)
        elif figure is not None:
            self.mount(FigureStrip(figure, id="detail-figure"), before=body)
