"""Pick a routine to load: the packs' routines and your saved ones (which you can rename, copy, delete)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from hiptui.base.durations import format_duration
from hiptui.catalog.catalog import SAVED, QueueItem, ResolvedRoutine
from hiptui.session.timeline import build_timeline
from hiptui.tui.safe import plain


def routine_line(routine: ResolvedRoutine) -> Text:
    seconds = build_timeline([QueueItem(i.move, i.dose) for i in routine.items]).total_seconds
    line = Text.assemble(
        plain(routine.name, "bold"),
        (f"  {format_duration(seconds)} · {len(routine.items)} moves · ", "dim"),
        plain("your routine" if routine.pack_id == SAVED else routine.pack_id, "dim"),
    )
    if routine.routine.description:
        line.append("\n")
        line.append_text(plain(routine.routine.description, "italic"))
    if routine.missing:
        line.append("\n")
        line.append_text(plain(f"missing: {', '.join(routine.missing)}", "yellow"))
    return line


class RoutinePicker(ModalScreen[str | None]):
    DEFAULT_CLASSES = "dialog-screen"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("n", "rename", "Rename"),
        Binding("d", "duplicate", "Duplicate"),
        Binding("x,delete", "delete", "Delete"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="routine-picker"):
            yield Static("Load a routine into the queue", classes="title")
            yield OptionList(id="routine-options")
            yield Static(
                "enter adds it to the queue · d copies it to your routines · yours: n rename, x delete · escape cancels",
                classes="hint",
            )

    def on_mount(self) -> None:
        self.refresh_options()

    def refresh_options(self) -> None:
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        routines = self.app.all_routines()  # type: ignore[attr-defined]
        options.add_options([Option(routine_line(r), id=r.gid) for r in routines])
        if not routines:
            options.add_option(Option("No routines yet.", disabled=True))
        if routines:
            options.highlighted = min(highlighted or 0, len(routines) - 1)

    def _highlighted_gid(self) -> str | None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        return options.get_option_at_index(options.highlighted).id

    def _saved_highlighted(self):
        gid = self._highlighted_gid() or ""
        if not gid.startswith(f"{SAVED}/"):
            self.notify("Only your own routines can be changed; pack routines belong to their pack.", severity="warning")
            return None
        return self.app.saved_routine(gid)  # type: ignore[attr-defined]

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_rename(self) -> None:
        from hiptui.tui.screens.dialogs import NamePrompt

        routine = self._saved_highlighted()
        if routine is None:
            return

        def rename(name: str | None) -> None:
            if name:
                self.app.manage_saved_routine("rename", routine, name)  # type: ignore[attr-defined]
                self.refresh_options()

        self.app.push_screen(NamePrompt("Rename the routine", routine.name), rename)

    def action_duplicate(self) -> None:
        gid = self._highlighted_gid()
        if gid is None:
            return
        if gid.startswith(f"{SAVED}/"):
            routine = self.app.saved_routine(gid)  # type: ignore[attr-defined]
            if routine is not None:
                self.app.manage_saved_routine("duplicate", routine)  # type: ignore[attr-defined]
        else:
            self.app.copy_routine(gid)  # type: ignore[attr-defined]
        self.refresh_options()

    def action_delete(self) -> None:
        from hiptui.tui.screens.dialogs import Confirm

        routine = self._saved_highlighted()
        if routine is None:
            return

        def delete(yes: bool | None) -> None:
            if yes:
                self.app.manage_saved_routine("delete", routine)  # type: ignore[attr-defined]
                self.refresh_options()

        self.app.push_screen(Confirm(f"Delete your routine {routine.name!r}?", "Delete"), delete)

    def action_cancel(self) -> None:
        self.dismiss(None)
