"""Every pack with its source and state; enable, disable and reload them."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Static

from hiptui.catalog.library import PackRecord
from hiptui.tui.safe import plain
from hiptui.tui.services import app_of
from hiptui.tui.widgets.key_bar import KeyBar
from hiptui.tui.widgets.title_bar import TitleBar


def record_state(record: PackRecord, disabled: set[str]) -> Text:
    if record.shadowed_by:
        return Text("✗ id taken", style="red")
    if record.stale:
        return Text("⚠ last good", style="yellow")
    if record.pack is None:
        return Text("✗ error", style="bold red")
    if record.pack.id in disabled:
        return Text("○ off", style="dim")
    return Text("● on", style="green")


class PacksScreen(Screen[None]):
    CSS_PATH = "packs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space,enter", "toggle_pack", "Enable/Disable"),
        Binding("r", "reload", "Reload"),
        Binding("escape,p", "close", "Back"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="packs-body"):
            yield DataTable(id="packs-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="pack-problems")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("State", "ID", "Name", "Version", "Source", "Moves", "Routines")
        table.border_title = "Packs"
        self.refresh_table()
        table.focus()

    def refresh_table(self) -> None:
        app = app_of(self)
        library, disabled = app.library, set(app.settings.disabled_packs)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for index, record in enumerate(library.records if library else []):
            pack = record.pack
            table.add_row(
                record_state(record, disabled),
                plain(record.id or "?"),
                plain(pack.name if pack else record.location),
                plain(pack.version if pack else "-"),
                plain(record.source),
                Text(str(len(pack.moves)) if pack else "0", justify="right"),
                Text(str(len(pack.routines)) if pack else "0", justify="right"),
                key=str(index),
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self._show_problems()

    @on(DataTable.RowHighlighted)
    def _show_problems(self) -> None:
        record = self._current()
        body = self.query_one("#pack-problems", Static)
        if record is None:
            body.update("")
            return
        lines = [plain(f"{record.location}", "dim")]
        if record.stale:
            lines.append(
                Text("The file is broken; its last good version stays loaded until you fix it.", style="yellow")
            )
        lines += [plain(str(problem), "red" if problem.is_error else "yellow") for problem in record.problems]
        if not record.problems:
            lines.append(Text("No problems.", style="green"))
        body.update(Text("\n").join(lines))

    def _current(self) -> PackRecord | None:
        library = app_of(self).library
        table = self.query_one(DataTable)
        if library is None or not table.row_count:
            return None
        return library.records[table.cursor_row] if table.cursor_row < len(library.records) else None

    def action_toggle_pack(self) -> None:
        record = self._current()
        if record is None or record.pack is None or not record.usable:
            self.notify("Only a loaded pack can be enabled or disabled.", severity="warning")
            return
        enabled = app_of(self).toggle_pack(record.pack.id)
        self.notify(f"{record.pack.name} {'enabled' if enabled else 'disabled'}", markup=False, timeout=2)
        self.refresh_table()

    def action_reload(self) -> None:
        app_of(self).reload_packs()

    def action_close(self) -> None:
        self.dismiss(None)
