"""The builder: search the library, read a move, line up the session queue.

The queue is the workspace's: this screen shows it (`queue_changed` is called after every change) and
asks the workspace for each change a key or a drop stands for.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, ClassVar, Literal

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from hiptui.base.durations import format_duration
from hiptui.tui.keys import BUILDER, BY_ID
from hiptui.tui.safe import plain
from hiptui.tui.services import app_of
from hiptui.tui.widgets.drag import DragManager
from hiptui.tui.widgets.key_bar import KeyBar
from hiptui.tui.widgets.move_detail import MoveDetail
from hiptui.tui.widgets.move_lists import LibraryList, QueueList
from hiptui.tui.widgets.search_box import SearchBox
from hiptui.tui.widgets.title_bar import TitleBar
from hiptui.tui.widgets.virtual_list import VirtualList

if TYPE_CHECKING:
    from hiptui.catalog.catalog import Catalog, CatalogMove, QueueItem
    from hiptui.catalog.search import Filters
    from hiptui.packs.plain import Dose
    from hiptui.session.planner import Plan
    from hiptui.session.queue import SessionQueue
    from hiptui.workspace import QueueChange, Workspace

QUEUE_ACTIONS = {"move_up", "move_down", "remove", "edit_dose", "easier", "harder"}
EMPTY_QUEUE_TOTAL = "Total 0:00"
BEFORE_RUN, AFTER_RUN = "mobility/pre-run-warm-up", "yoga/post-run-reset"


def needs_packs(action: Callable[[BuilderScreen], None]) -> Callable[[BuilderScreen], None]:
    """An action that shows what the packs hold: asked for while they load, it runs once they are in."""

    @wraps(action)
    def run_when_loaded(self: BuilderScreen) -> None:
        self.after_packs(lambda: action(self))

    return run_when_loaded


class BuilderScreen(Screen[None]):
    AUTO_FOCUS = "#library"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = list(BUILDER)

    def __init__(self) -> None:
        super().__init__(classes=self._width_class(self.app.size.width))
        self._catalog: Catalog | None = None
        self._filters: Filters | None = None
        self.loaded = False
        """The packs are in the catalogue (they load after the first frame)."""
        self._waiting_for_packs: list[Callable[[], None]] = []
        self._shown = False

    # The catalogue and the filters are made when first used, after the first frame, which draws
    # neither: their modules (and dataclasses) cost a tenth of that frame.

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            from hiptui.catalog.catalog import Catalog

            self._catalog = Catalog([])
        return self._catalog

    @property
    def workspace(self) -> Workspace:
        return app_of(self).workspace

    @property
    def queue(self) -> SessionQueue:
        """The workspace's queue, shown here; changed only through the workspace."""
        return self.workspace.queue

    @property
    def filters(self) -> Filters:
        if self._filters is None:
            from hiptui.catalog.search import Filters

            self._filters = Filters()
        return self._filters

    @filters.setter
    def filters(self, filters: Filters) -> None:
        self._filters = filters

    def _queue_has_moves(self) -> bool:
        return self.loaded and bool(self.queue)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="panes"):
            with Vertical(id="library-pane", classes="pane -has-focus"):  # the list in it takes focus
                yield SearchBox(self._search_changed, placeholder="/ to search moves", id="search")
                yield Static(id="library-status")
                yield LibraryList(id="library")
            yield MoveDetail(id="detail", classes="pane")
            with Vertical(id="queue-pane", classes="pane"):
                yield QueueList(id="queue")
        yield KeyBar()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._shown:  # every widget was styled as it mounted, a moment ago
            self._shown = True
            event.refresh_styles = False
        if self.focused is None:
            self.query_one(LibraryList).focus()

    def on_resize(self, event: events.Resize) -> None:
        focused = self.focused
        detail = self.query_one(MoveDetail)
        if self.has_class("-narrow") and focused is not None and detail in focused.ancestors_with_self:
            self.query_one(LibraryList).focus()  # the card is hidden when narrow: keys would go nowhere seen

    @classmethod
    def _width_class(cls, width: int) -> str:
        """The breakpoint class for a terminal this wide, set from the start so that the first
        resize does not restyle every widget to add it."""
        return [name for least, name in cls.HORIZONTAL_BREAKPOINTS if width >= least][-1]

    def on_mount(self) -> None:
        self.query_one("#library-pane").border_title = "Library"
        self.query_one("#detail").border_title = "Move"
        self.query_one("#queue-pane").border_title = "Queue"
        self.query_one("#queue-pane").border_subtitle = EMPTY_QUEUE_TOTAL
        library = self.query_one(LibraryList)
        library.empty_text = "Loading packs…"
        app_of(self).builder_mounted()

    def add_drag_manager(self) -> None:
        """The drag ghost, hidden until a drag: mounted once the first frame is out."""
        if self.is_mounted:  # not when the app quit before its first frame was out
            self.mount(DragManager())

    # -- data --------------------------------------------------------------------------------

    def set_catalog(self, catalog: Catalog, card_after_list: bool = False) -> None:
        self._catalog = catalog
        self.loaded = True
        self.refresh_library(card_after_list=card_after_list)

    def after_packs(self, action: Callable[[], None]) -> None:
        """Run `action` now, or once `packs_ready()` is called if the packs are still loading."""
        if self.loaded and not self._waiting_for_packs:
            action()
        else:
            self._waiting_for_packs.append(action)

    def packs_ready(self) -> None:
        """The packs are in and the saved queue is back: do what was asked for while they loaded, in
        order (a move added now joins the saved queue, and is saved with it)."""
        waiting, self._waiting_for_packs = self._waiting_for_packs, []
        for action in waiting:
            action()

    def refresh_library(self, typing: bool = False, card_after_list: bool = False) -> None:
        """The moves that match the search and filters, and the card of the one under the cursor: soon
        while typing, or a frame after the list (a card costs as much to draw as the list, and the list
        is what a person waits for as the app starts)."""
        query = self.query_one("#search", Input).value
        found = self.catalog.search(query, self.filters)
        library = self.query_one(LibraryList)
        if self.loaded:
            library.empty_text = self._nothing_found_hint(query)
        library.set_items(found, cursor=0)
        status = f"{len(found)} of {len(self.catalog)} moves"
        filters = self.filters
        active = [
            f"{facet}: {', '.join(sorted(getattr(filters, facet)))}"
            for facet in filters.FACETS
            if getattr(filters, facet)
        ]
        if active:
            status += " · " + " · ".join(active)
        # A line of its own, redrawn alone: a border title repaints its whole pane at every keystroke.
        self.query_one("#library-status", Static).update(plain(status), layout=False)
        detail = self.query_one(MoveDetail)
        if typing:
            detail.show_soon(library.current)
        elif card_after_list:
            self.call_after_refresh(lambda: detail.show(library.current) if not detail.waiting else None)
        else:
            detail.show(library.current)

    def _nothing_found_hint(self, query: str) -> str:
        if not self.filters:
            return f"No moves match: {self._key('search')} changes the search."
        if not query.strip():
            return f"No moves pass the filters: {self._key('filters')} changes them."
        return f"No moves match: {self._key('search')} changes the search, {self._key('filters')} the filters."

    def queue_changed(self, change: QueueChange | None) -> None:
        """The workspace's queue changed (it is saved already): show it, and its total."""
        workspace = self.workspace
        queue_list = self.query_one(QueueList)
        queue_list.set_items(workspace.queue.items, cursor=change.cursor if change else None)
        moves = len(workspace.queue)
        total = f"{moves} move{'s' if moves != 1 else ''} · total {format_duration(workspace.total_seconds())}"
        self.query_one("#queue-pane").border_subtitle = total if moves else EMPTY_QUEUE_TOTAL
        if queue_list.has_focus and queue_list.current is not None:
            self.query_one(MoveDetail).show(queue_list.current.move, queue_list.current.dose)
        self._show_welcome(not moves)
        self.refresh_bindings()  # Start, Up, Down and Remove depend on the queue having moves
        app_of(self).tell_notices()

    def _show_welcome(self, empty: bool) -> None:
        """The welcome stands in an empty queue's pane, the first time and whenever it is emptied again: an empty
        queue is where a runner needs a way in. Made when first needed (the first frame has no queue yet)."""
        from hiptui.tui.widgets.welcome import Welcome

        pane = self.query_one("#queue-pane")
        if empty and not pane.query(Welcome):
            pane.mount(Welcome(id="welcome"))
        pane.set_class(empty, "-welcome")

    def _key(self, name: str) -> str:
        """The key in force for the builder's binding `name` ("start" for builder.start)."""
        return app_of(self).key_name(f"builder.{name}")

    def later_rules_added(self) -> None:
        """The welcome's rules are read after the first frame: restyle it if it came first (a library given)."""
        pane = self.query_one("#queue-pane")
        if pane.has_class("-welcome"):
            self.app.update_styles(pane)

    def keymap_changed(self) -> None:
        from hiptui.tui.widgets.welcome import Welcome

        for welcome in self.query(Welcome):
            welcome.update(welcome.text())

    def add_moves(self, entries: list[CatalogMove] | list[QueueItem], at: int | None = None) -> None:
        self.workspace.add(entries, at)

    # -- events ------------------------------------------------------------------------------

    def _search_changed(self, _query: str) -> None:
        self.refresh_library(typing=True)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self.after_packs(self._add_top_match)

    def _add_top_match(self) -> None:
        library = self.query_one(LibraryList)
        if self.query_one("#search", Input).value.strip() and library.items:
            self.add_moves([library.items[0]])
            self.notify(f"Added {library.items[0].name}", markup=False, timeout=2)

    @on(VirtualList.Highlighted, "#library")
    def _library_highlighted(self, event: VirtualList.Highlighted) -> None:
        detail, current = self.query_one(MoveDetail), self.query_one(LibraryList).current
        if detail.waiting:
            detail.show_soon(current)
        else:
            detail.show(current)

    @on(VirtualList.Highlighted, "#queue")
    def _queue_highlighted(self, event: VirtualList.Highlighted) -> None:
        item = self.query_one(QueueList).current
        if item is not None and self.query_one(QueueList).has_focus:
            self.query_one(MoveDetail).show(item.move, item.dose)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The card shows the highlighted move of the list you are in, so it is the one Enter acts on,
        at the dose it has there."""
        if isinstance(event.widget, QueueList) and event.widget.current is not None:
            self.query_one(MoveDetail).show(event.widget.current.move, event.widget.current.dose)
        elif isinstance(event.widget, LibraryList):
            self.query_one(MoveDetail).show(event.widget.current)

    @on(DragManager.Dropped)
    def _dropped(self, event: DragManager.Dropped) -> None:
        if event.payload.kind == "library":
            self.add_moves([event.payload.value], at=event.index)
        elif event.payload.kind == "queue":
            source = event.payload.value
            self.workspace.move(source, event.index - 1 if event.index > source else event.index)
        self.query_one(QueueList).focus()

    # -- actions -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        focused = self.focused
        if action == "add":
            return isinstance(focused, LibraryList)
        if action in QUEUE_ACTIONS:
            return isinstance(focused, QueueList) and self._queue_has_moves()
        if action in ("start", "clear", "save_routine"):
            return True if self._queue_has_moves() else None
        return True

    def action_info(self) -> None:
        from hiptui.tui.screens.dialogs import MoveInfo

        focused = self.focused
        if isinstance(focused, QueueList) and focused.current is not None:
            self.app.push_screen(MoveInfo(focused.current.move, focused.current.dose))
        elif (entry := self.query_one(LibraryList).current) is not None:
            self.app.push_screen(MoveInfo(entry))

    def action_focus_search(self) -> None:
        # A priority binding, run by the app before it hands the key on, and focus moved at once
        # (Widget.focus() waits its turn): keys typed fast or pasted arrive in one read, and the app
        # hands each to whatever has focus when it gets there. Done later, "/pigeon" ran "p" (Packs).
        search = next(iter(self.query(SearchBox)), None)
        if search is None:  # a priority binding can fire before the builder is composed
            return
        if self.focused is search:  # "/" is text there, typed in its turn after the keys before it
            from hiptui.tui.keymap import keys_in_force

            if "slash" in keys_in_force(BY_ID["builder.search"], app_of(self).keymap):  # not ctrl+f, say
                search.post_message(events.Key("slash", "/"))
        else:
            self.set_focus(search)

    def action_leave_search(self) -> None:
        if isinstance(self.focused, Input):
            self.set_focus(self.query_one(LibraryList))

    def action_add(self) -> None:
        entry = self.query_one(LibraryList).current
        if entry is not None:
            self.add_moves([entry])

    def action_move_up(self) -> None:
        self._shift(-1)

    def action_move_down(self) -> None:
        self._shift(1)

    def _shift(self, step: int) -> None:
        index = self.query_one(QueueList).cursor
        if 0 <= index + step < len(self.queue):
            self.workspace.move(index, index + step)

    def action_remove(self) -> None:
        self.workspace.remove(self.query_one(QueueList).cursor)

    def action_undo(self) -> None:
        undone = self.workspace.undo() if self.loaded else None
        self.notify(f"Undone: {undone}" if undone else "Nothing to undo.", markup=False, timeout=3)

    def action_easier(self) -> None:
        self._swap("easier")

    def action_harder(self) -> None:
        self._swap("harder")

    def _swap(self, direction: Literal["easier", "harder"]) -> None:
        index = self.query_one(QueueList).cursor
        if not 0 <= index < len(self.queue):
            return
        before = self.queue[index].name
        swapped = self.workspace.swap(index, direction)
        if swapped is None:
            self.notify(f"The packs link no {direction} variation to {before}.", markup=False, timeout=3)
        else:
            self.notify(f"{before} → {swapped.name} ({self._key('undo')} takes it back)", markup=False, timeout=3)

    def action_edit_dose(self) -> None:
        from hiptui.tui.screens.dialogs import DoseEditor

        index = self.query_one(QueueList).cursor
        if not 0 <= index < len(self.queue):
            return

        def save(dose: Dose | None) -> None:
            if dose is not None:
                self.workspace.set_dose(index, dose)

        self.app.push_screen(DoseEditor(self.queue[index]), save)

    def action_clear(self) -> None:
        from hiptui.tui.screens.dialogs import Confirm

        if not self.queue:
            return

        def clear(yes: bool | None) -> None:
            if yes:
                self.workspace.clear()
                self.notify(f"Queue cleared: {self._key('undo')} brings it back.", markup=False, timeout=3)

        self.app.push_screen(Confirm(f"Clear all {len(self.queue)} moves from the queue?", "Clear"), clear)

    @needs_packs
    def action_routines(self) -> None:
        from hiptui.tui.screens.routines import RoutinePicker

        self.app.push_screen(RoutinePicker(), self.load_routine)

    @needs_packs
    def action_before_run(self) -> None:
        self.load_routine(BEFORE_RUN)

    @needs_packs
    def action_after_run(self) -> None:
        self.load_routine(AFTER_RUN)

    def load_routine(self, gid: str | None) -> None:
        from hiptui.workspace import WorkspaceError

        if not gid:
            return
        try:
            routine = self.workspace.find_routine(gid)
        except WorkspaceError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        what = f"{routine.name} ({len(routine.items)} moves)"
        if routine.missing:
            missing = ", ".join(routine.missing)
            self.notify(f"{routine.name}: {len(routine.missing)} missing: {missing}", severity="warning", markup=False)
        self.put_in_queue(routine.items, routine.gid, what)

    def put_in_queue(self, items: list[QueueItem], origin: str | None, what: str) -> None:
        """A routine or a plan goes into the queue by one rule: at once into an empty queue; into one
        that has moves, as the person chooses (in their place, or after them). ctrl+z takes either back."""
        from hiptui.tui.screens.dialogs import Choose

        workspace = self.workspace

        def put(choice: str | None) -> None:
            if choice in ("replace", "add"):
                workspace.load(items, origin, replace=choice == "replace")
                self.notify(f"In the queue: {what}. Press {self._key('start')} to start.", markup=False, timeout=4)

        if not items:
            return
        if not workspace.queue:
            put("replace")
            return
        question = f"The queue has {len(workspace.queue)} moves. Put {what} in their place, or after them?"
        choices = [("replace", "Replace them"), ("add", "Add after them"), ("cancel", "Cancel")]
        self.app.push_screen(Choose(question, choices), put)

    def action_save_routine(self) -> None:
        from hiptui.tui.screens.dialogs import NamePrompt
        from hiptui.workspace import WorkspaceError

        if not self._queue_has_moves():
            self.notify("Add some moves first: an empty queue makes an empty routine.", severity="warning")
            return
        workspace = self.workspace

        def save(name: str | None) -> None:
            if not name:
                return
            try:
                routine = workspace.save_queue_as(name)
            except WorkspaceError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.notify(f"Saved {routine.name!r}: press {self._key('routines')} to load it again", markup=False)

        self.app.push_screen(NamePrompt("Save the queue as a routine", "", workspace.routine_name_problem), save)

    @needs_packs
    def action_plan(self) -> None:
        from hiptui.tui.screens.plan import PlanDialog

        def use(plan: Plan | None) -> None:
            if plan is not None:
                self.put_in_queue(plan.items, None, f"the plan of {len(plan.items)} moves")

        self.app.push_screen(PlanDialog(self.workspace), use)

    @needs_packs
    def action_filters(self) -> None:
        from hiptui.tui.screens.dialogs import FilterDialog

        def apply(filters: Filters | None) -> None:
            if filters is not None:
                self.filters = filters
                self.refresh_library()

        self.app.push_screen(FilterDialog(self.catalog, self.filters), apply)

    def action_start(self) -> None:
        if not self._queue_has_moves():
            self.notify("The queue is empty: add a move first.", severity="warning")
            return
        app_of(self).start_session()

    def action_help(self) -> None:
        from hiptui.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self))
