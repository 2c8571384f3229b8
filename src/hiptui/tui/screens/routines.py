"""Pick a routine to load: the packs' routines and your saved ones (which you can rename, copy, delete)."""

from __future__ import annotations

from collections.abc import Callable
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
from hiptui.catalog.catalog import SAVED, ResolvedRoutine
from hiptui.packs.plain import Routine
from hiptui.tui.safe import plain
from hiptui.tui.services import workspace_of
from hiptui.workspace import WorkspaceError


def routine_line(routine: ResolvedRoutine, seconds: int) -> Text:
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
        workspace = workspace_of(self)
        routines = workspace.routines()
        options.add_options([Option(routine_line(r, workspace.total_seconds(r.items)), id=r.gid) for r in routines])
        if not routines:
            options.add_option(Option("No routines yet.", disabled=True))
        if routines:
            options.highlighted = min(highlighted or 0, len(routines) - 1)

    def _highlighted_gid(self) -> str | None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        return options.get_option_at_index(options.highlighted).id

    def _saved_highlighted(self) -> Routine | None:
        gid = self._highlighted_gid() or ""
        if not gid.startswith(f"{SAVED}/"):
            self.notify(
                "Only your own routines can be changed; pack routines belong to their pack.", severity="warning"
            )
            return None
        return workspace_of(self).saved_routine(gid)

    def _change(self, change: Callable[[], object]) -> None:
        try:
            change()
        except WorkspaceError as error:
            self.notify(str(error), severity="error", markup=False)
        self.refresh_options()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_rename(self) -> None:
        from hiptui.tui.screens.dialogs import NamePrompt

        routine = self._saved_highlighted()
        if routine is None:
            return

        workspace = workspace_of(self)

        def rename(name: str | None) -> None:
            if name:
                self._change(lambda: workspace.rename_routine(routine, name))

        problem = lambda name: workspace.routine_name_problem(name, keeping=routine)  # noqa: E731
        self.app.push_screen(NamePrompt("Rename the routine", routine.name, problem), rename)

    def action_duplicate(self) -> None:
        gid = self._highlighted_gid()
        if gid is None:
            return
        workspace = workspace_of(self)
        routine = workspace.saved_routine(gid) if gid.startswith(f"{SAVED}/") else None
        if routine is not None:
            self._change(lambda: workspace.duplicate_routine(routine))
        else:
            self._change(lambda: self._copied(workspace.copy_routine(gid)))

    def _copied(self, copy: Routine) -> None:
        self.notify(f"Copied to your routines as {copy.name!r}", markup=False, timeout=3)

    def action_delete(self) -> None:
        from hiptui.tui.screens.dialogs import Confirm

        routine = self._saved_highlighted()
        if routine is None:
            return

        def delete(yes: bool | None) -> None:
            if yes:
                self._change(lambda: workspace_of(self).delete_routine(routine))

        self.app.push_screen(Confirm(f"Delete your routine {routine.name!r}?", "Delete"), delete)

    def action_cancel(self) -> None:
        self.dismiss(None)
