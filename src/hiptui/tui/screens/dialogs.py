"""Small modal dialogs: confirm, edit a dose, pick a routine, choose filters."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from hiptui.base.problems import field_name
from hiptui.catalog.catalog import Catalog, CatalogMove, QueueItem
from hiptui.catalog.search import Filters
from hiptui.packs.plain import Dose
from hiptui.tui.safe import plain


class Confirm(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "No"),
        Binding("y", "answer(True)", "Yes"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "Cancel") -> None:
        super().__init__(classes="dialog-screen")
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.question), classes="question")
            with Horizontal(classes="buttons"):
                yield Button(f"{self.yes} (y)", variant="error", id="yes")
                yield Button(f"{self.no} (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class Choose(ModalScreen[str | None]):
    """A question with a few answers, each a button; escape cancels (None)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, choices: list[tuple[str, str]]) -> None:
        super().__init__(classes="dialog-screen")
        self.question, self.choices = question, choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.question), classes="question")
            with Horizontal(classes="buttons"):
                for number, (choice, label) in enumerate(self.choices):
                    yield Button(label, variant="primary" if number == 0 else "default", id=choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "cancel" else event.button.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class DoseEditor(ModalScreen[Dose | None]):
    """Change one queue item's hold or reps, sets and rest; checked by the same model as packs."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, item: QueueItem) -> None:
        super().__init__(classes="dialog-screen")
        self.item = item

    def compose(self) -> ComposeResult:
        dose = self.item.dose
        with Vertical(classes="dialog", id="dose-editor"):
            yield Static(plain(f"Dose for {self.item.move.name}"), classes="title")
            yield Static(id="dose-error", classes="form-error")
            with VerticalScroll(classes="form"):
                if dose.hold is not None:
                    yield Label("Hold (seconds, or 90s, 2m, 1m30s)")
                    yield Input(str(dose.hold), id="hold")
                else:
                    yield Label("Reps per set" + (" (per side)" if dose.per_side else ""))
                    yield Input(str(dose.reps), id="reps", type="integer")
                yield Label("Sets (1-20)")
                yield Input(str(dose.sets), id="sets", type="integer")
                yield Label("Rest between sets (seconds)")
                yield Input(str(dose.rest), id="rest")
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        values: dict[str, object] = {}
        for field in ("hold", "reps", "sets", "rest"):
            found = self.query(f"#{field}")
            if found:
                raw = found.first(Input).value.strip()
                values[field] = int(raw) if raw.isdigit() and field in ("reps", "sets") else raw
        from pydantic import ValidationError  # only here: nothing else on screen validates

        from hiptui.packs import model
        from hiptui.packs.loader import explain

        document = {**vars(self.item.dose), **values}
        try:
            dose = model.Dose.model_validate(document).to_plain()
        except ValidationError as error:
            problems = [f"{field_name(loc)}: {message}" for loc, message in explain(error, document)]
            self.query_one("#dose-error", Static).update(plain("\n".join(problems), "bold red"))
            return
        self.dismiss(dose)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class MoveInfo(ModalScreen[None]):
    """The move card in a dialog, for when the screen is too narrow to show it beside the lists."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,i,q,enter", "dismiss", "Close")]

    def __init__(self, entry: CatalogMove, dose: Dose | None = None, catalog: Catalog | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.entry, self.dose, self.catalog = entry, dose, catalog

    def compose(self) -> ComposeResult:
        from hiptui.tui.widgets.figure import FigureStrip
        from hiptui.tui.widgets.move_detail import move_details

        catalog = self.catalog or self._opener_catalog()
        with VerticalScroll(classes="dialog wide", id="move-info"):
            yield FigureStrip(catalog.figure(self.entry) if catalog else None, id="move-info-figure")
            yield Static(move_details(self.entry, catalog, self.dose))

    def _opener_catalog(self) -> Catalog | None:
        """The catalogue of the screen this dialog was opened over, which names the progressions."""
        for screen in reversed(self.app.screen_stack):
            catalog: Catalog | None = getattr(screen, "catalog", None) if screen is not self else None
            if catalog is not None:
                return catalog
        return None


class NamePrompt(ModalScreen[str | None]):
    """Ask for a short name (1-80 characters)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, value: str = "", problem: Callable[[str], str | None] | None = None) -> None:
        """`problem(name)` says what is wrong with a name (one taken, say), or None when it will do."""
        super().__init__(classes="dialog-screen")
        self.title_text, self.value, self.problem = title, value, problem

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.title_text), classes="title")
            yield Input(self.value, placeholder="Name", max_length=80, id="name")
            yield Static(id="name-error")
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        problem = "Give it a name." if not name else self.problem(name) if self.problem else None
        if problem:
            self.query_one("#name-error", Static).update(Text(problem, style="bold red"))
            return
        self.dismiss(name)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class FilterDialog(ModalScreen[Filters | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "apply", "Apply"),
    ]
    SHOWN = ("pack", "category", "equipment", "when", "position", "style")

    def __init__(self, catalog: Catalog, current: Filters) -> None:
        super().__init__(classes="dialog-screen")
        self.catalog, self.current = catalog, current

    def compose(self) -> ComposeResult:
        facets = self.catalog.facets()
        with Vertical(classes="dialog wide", id="filters"):
            yield Static(
                "Filter the library (a move shows when it matches one ticked value of each group)", classes="title"
            )
            with VerticalScroll():
                for facet in self.SHOWN:
                    chosen = getattr(self.current, facet)
                    selections = [Selection(plain(v.replace("-", " ")), v, v in chosen) for v in facets[facet]]
                    selection_list = SelectionList[str](*selections, id=f"facet-{facet}")
                    selection_list.border_title = facet
                    yield selection_list
            with Horizontal(classes="buttons"):
                yield Button("Apply", variant="primary", id="apply")
                yield Button("Clear all", id="clear")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query(SelectionList).first().focus()

    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        chosen = {f: frozenset(self.query_one(f"#facet-{f}", SelectionList).selected) for f in self.SHOWN}
        self.dismiss(Filters(**chosen))

    @on(Button.Pressed, "#clear")
    def _clear(self) -> None:
        self.dismiss(Filters())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
