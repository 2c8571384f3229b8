"""A list that renders only its visible rows, so ten thousand items cost what twenty do."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

T = TypeVar("T")
MAX_DRAWN_ROWS = 2000
_BLANK = object()


class VirtualList(ScrollView, Generic[T], can_focus=True):
    """Rows from `render_row`, a highlighted cursor, keyboard and click navigation."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"virtual-list--cursor", "virtual-list--dim"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", show=False),
        Binding("pagedown", "page_down", show=False),
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)
    """Index of the highlighted item."""

    class Highlighted(Message):
        def __init__(self, list_: VirtualList[Any], index: int) -> None:
            super().__init__()
            self.list = list_
            self.index = index

        @property
        def control(self) -> VirtualList[Any]:
            return self.list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.items: list[T] = []
        self.empty_text = "Nothing here."
        self._pass_style = Style()
        self._drawn_with: tuple[Style, ...] | None = None
        self._drawn_rows: dict[Hashable, Strip] = {}
        self._drawn_empty: dict[tuple[str, int], list[Strip]] = {}
        self.set_reactive(VirtualList.virtual_size, Size(0, self.extra_rows()))  # before the first layout

    def set_items(self, items: Sequence[T], cursor: int | None = None) -> None:
        self.items = list(items)
        self._size_to_rows()
        self.cursor = self._clamp(self.cursor if cursor is None else cursor)
        self.refresh()
        self.call_after_refresh(self.scroll_to_cursor)

    def extra_rows(self) -> int:
        return 0

    def _size_to_rows(self) -> None:
        """One line a row, and no width of its own (rows are cut to the list's): a list that only got
        its size keeps its virtual size, and the screen is not laid out again for it."""
        self.virtual_size = Size(0, len(self.items) + self.extra_rows())

    @property
    def current(self) -> T | None:
        return self.items[self.cursor] if 0 <= self.cursor < len(self.items) else None

    def render_row(self, index: int, width: int) -> Text:
        raise NotImplementedError

    def render_extra_row(self, row: int, width: int) -> Text | None:
        return None

    def row_key(self, index: int) -> Hashable | None:
        """What row `index` shows, when that alone decides how it looks: its drawing is then kept
        and reused while the styles stay the same. None (the default) draws it every time."""
        return None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._pass_style = self.rich_style
        styles = (self._pass_style, *(self.get_component_rich_style(name) for name in sorted(self.COMPONENT_CLASSES)))
        if styles != self._drawn_with:
            self._drawn_rows.clear()
            self._drawn_empty.clear()
            self._drawn_with = styles
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + y
        width = self.scrollable_content_region.width
        if row < len(self.items):
            strip = self._row_strip(row, width)
        elif not self.items:
            empty = self._empty_lines(width)
            strip = empty[y] if y < len(empty) else self._blank(width)
        else:
            text = self.render_extra_row(row - len(self.items), width)
            strip = self._blank(width) if text is None else self._strip(text, width)
        return strip.crop(scroll_x, scroll_x + width)

    def _row_strip(self, row: int, width: int) -> Strip:
        key = self.row_key(row)
        cache_key = None if key is None else (key, width, row == self.cursor)
        if cache_key is not None and (drawn := self._drawn_rows.get(cache_key)) is not None:
            return drawn
        text = self.render_row(row, width)
        if row == self.cursor:
            text.stylize(self.get_component_rich_style("virtual-list--cursor"))
        strip = self._strip(text, width)
        if cache_key is not None:
            if len(self._drawn_rows) >= MAX_DRAWN_ROWS:
                self._drawn_rows.clear()
            self._drawn_rows[cache_key] = strip
        return strip

    def _empty_lines(self, width: int) -> list[Strip]:
        """`empty_text`, wrapped to the width: a narrow pane shows all of the hint, not its start."""
        key = (self.empty_text, width)
        if (lines := self._drawn_empty.get(key)) is None:
            text = Text(self.empty_text, style=self.get_component_rich_style("virtual-list--dim"))
            wrapped = text.wrap(self.app.console, max(1, width))
            lines = self._drawn_empty[key] = [self._strip(line, width) for line in wrapped]
        return lines

    def _blank(self, width: int) -> Strip:
        key = (_BLANK, width)
        if (blank := self._drawn_rows.get(key)) is None:
            blank = self._drawn_rows[key] = Strip.blank(width, self._pass_style)
        return blank

    def _strip(self, text: Text, width: int) -> Strip:
        text.truncate(width, overflow="ellipsis", pad=True)
        return Strip(list(text.render(self.app.console)), width).apply_style(self._pass_style)

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self.scroll_to_cursor()
        if self.items:
            self.post_message(self.Highlighted(self, new))

    def _refresh_row(self, row: int) -> None:
        y = row - self.scroll_offset.y
        if 0 <= y < self.size.height:
            self.refresh_lines(y)

    def scroll_to_cursor(self) -> None:
        top = self.scroll_offset.y
        height = self.scrollable_content_region.height
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True, force=True)
        elif height and self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True, force=True)

    def _clamp(self, index: int) -> int:
        return max(0, min(index, len(self.items) - 1)) if self.items else 0

    def row_at(self, screen_y: int) -> int:
        """The row index under a screen y coordinate (may be past the items)."""
        return screen_y - self.content_region.y + self.scroll_offset.y

    def action_cursor_up(self) -> None:
        self.cursor = self._clamp(self.cursor - 1)

    def action_cursor_down(self) -> None:
        self.cursor = self._clamp(self.cursor + 1)

    def action_page_up(self) -> None:
        self.cursor = self._clamp(self.cursor - max(1, self.size.height - 1))

    def action_page_down(self) -> None:
        self.cursor = self._clamp(self.cursor + max(1, self.size.height - 1))

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self._clamp(len(self.items) - 1)

    def select_row_at(self, event: events.MouseEvent) -> int | None:
        row = self.row_at(event.screen_y)
        if 0 <= row < len(self.items):
            self.cursor = row
            return row
        return None

    def on_resize(self) -> None:
        self._size_to_rows()
        self.call_after_refresh(self.scroll_to_cursor)  # a smaller window must not hide the cursor
