"""The Plan dialog: choose time, occasion, focus and gear; preview, shuffle, and use the plan."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection
from textual.worker import get_current_worker

from hiptui.base.durations import format_duration
from hiptui.base.terms import HOUSEHOLD, KNOWN_WHEN, LEVELS
from hiptui.catalog.formatting import describe_dose
from hiptui.session.planner import Plan, PlanError, PlanRequest, check_minutes
from hiptui.tui.safe import plain
from hiptui.workspace import Workspace


def plan_preview(plan: Plan) -> Text:
    lines = []
    for number, item in enumerate(plan.items, start=1):
        line = Text.assemble(
            (f"{number:>2}. ", "bold"),
            plain(item.move.name),
            (f"  {describe_dose(item.dose)} · {format_duration(plan.seconds_of(item))}", "dim"),
        )
        lines.append(line)
    total = Text.assemble(("\nTotal ", "bold"), (format_duration(plan.total_seconds), "bold green"))
    if plan.request.focus:
        share = plan.focus_seconds / max(1, plan.total_seconds)
        total.append(f"  · focus {share:.0%} of the time", style="dim")
    if plan.note:
        total.append_text(Text(f"\n{plan.note}", style="yellow"))
    preview = Text("\n").join([*lines, total])
    preview.no_wrap, preview.overflow = True, "ellipsis"
    return preview


class PlanDialog(ModalScreen[Plan | None]):
    AUTO_FOCUS = ""  # on_mount focuses the first field: auto-focus scrolled the form past its label
    CSS_PATH = "plan.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+r", "shuffle", "Shuffle"),
    ]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(classes="dialog-screen")
        self.workspace = workspace
        self.catalog = workspace.catalog
        self.seed = 0
        self.plan: Plan | None = None

    def compose(self) -> ComposeResult:
        facets = self.catalog.facets()
        targets = sorted({t for entry in self.catalog.all_moves() for t in entry.move.targets})
        gear = [g for g in facets["equipment"] if g not in HOUSEHOLD and g != "none"]
        with Vertical(classes="dialog wide", id="plan-dialog"):
            yield Static("Plan a session for now", classes="title")
            with Horizontal(id="plan-columns"):
                with VerticalScroll(id="plan-choices"):
                    yield Label("Minutes")
                    yield Input("10", type="integer", id="plan-minutes")
                    yield Label("When")
                    yield Select([(w.replace("-", " "), w) for w in KNOWN_WHEN], prompt="any time", id="plan-when")
                    yield Label("Hardest level")
                    yield Select([(level, level) for level in LEVELS], prompt="any level", id="plan-level")
                    yield self._choices("Focus on", "plan-focus", targets)
                    yield self._choices(f"Gear at hand ({' and '.join(sorted(HOUSEHOLD))} assumed)", "plan-gear", gear)
                    yield self._choices("Leave out positions", "plan-avoid", facets["position"])
                with VerticalScroll(id="plan-preview-box"):
                    yield Static(id="plan-preview")
            with Horizontal(classes="buttons"):
                yield Button("Shuffle (ctrl+r)", id="shuffle")
                yield Button("Use this plan", variant="primary", id="use")
                yield Button("Cancel", id="cancel")

    @staticmethod
    def _choices(title: str, ident: str, values: list[str]) -> SelectionList[str]:
        choices = SelectionList[str](*[Selection(plain(v.replace("-", " ")), v) for v in values], id=ident)
        choices.border_title = title
        return choices

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#plan-minutes", Input), scroll_visible=False)  # keys go straight to it
        self.replan()

    @on(Input.Changed)
    @on(Select.Changed)
    @on(SelectionList.SelectedChanged)
    def _changed(self) -> None:
        self.replan()

    def request(self) -> PlanRequest | str:
        try:
            minutes = check_minutes(self.query_one("#plan-minutes", Input).value)
        except PlanError as error:
            return str(error).capitalize() + "."
        when = self.query_one("#plan-when", Select).value
        level = self.query_one("#plan-level", Select).value
        return PlanRequest(
            minutes=minutes,
            when=when if isinstance(when, str) else None,
            level=level if isinstance(level, str) else None,
            focus=frozenset(self.query_one("#plan-focus", SelectionList).selected),
            equipment=frozenset(self.query_one("#plan-gear", SelectionList).selected),
            avoid_positions=frozenset(self.query_one("#plan-avoid", SelectionList).selected),
            seed=self.seed,
        )

    def replan(self) -> None:
        request = self.request()
        if isinstance(request, str):
            self._show(Text(request, style="bold red"))
            return
        self._compute(request)

    @work(thread=True, exclusive=True, group="plan")
    def _compute(self, request: PlanRequest) -> None:
        try:
            plan, problem = self.workspace.plan(request), None
        except PlanError as error:
            plan, problem = None, str(error)
        if not get_current_worker().is_cancelled:  # a newer choice's plan is on its way
            self.app.call_from_thread(self._planned, plan, problem)

    def _planned(self, plan: Plan | None, problem: str | None) -> None:
        self.plan = plan
        self._show(plan_preview(plan) if plan else Text(f"No plan: {problem}", style="bold red"))

    def _show(self, text: Text) -> None:
        self.query_one("#plan-preview", Static).update(text)

    @on(Button.Pressed, "#shuffle")
    def action_shuffle(self) -> None:
        self.seed += 1
        self.replan()

    @on(Button.Pressed, "#use")
    def _use(self) -> None:
        if self.plan is None or not self.plan.items:
            self.notify("There is no plan to use yet.", severity="warning")
            return
        self.dismiss(self.plan)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
