"""The keys of the builder (the timer's are beside its screen), as data: an id for each (the keymap remaps by id), what the key
bar says, and the line the help screen shows. The help screen is built from these, so it cannot drift."""

from __future__ import annotations

from textual.binding import Binding


def key(
    keys: str,
    action: str,
    description: str,
    help: str,
    id: str,
    *,
    show: bool = True,
    key_display: str | None = None,
    priority: bool = False,
) -> Binding:
    return Binding(keys, action, description, show, key_display, priority, tooltip=help, id=id)


APP = [key("ctrl+q", "quit", "Quit", "quit, from any screen", "app.quit", show=False, priority=True)]

BUILDER = [
    key(
        "slash",
        "focus_search",
        "Search",
        "search the library as you type (name, alias, target, gear, pack)",
        "builder.search",
        key_display="/",
        priority=True,
    ),
    key(
        "escape",
        "leave_search",
        "Library",
        "leave the search box, back to the list",
        "builder.leave-search",
        show=False,
    ),
    key(
        "enter,a",
        "add",
        "Add",
        "add the highlighted library move (in search: the top match) to the queue",
        "builder.add",
    ),
    key(
        "i",
        "info",
        "Info",
        "the highlighted move's card (steps, cues, cautions) in a dialog",
        "builder.info",
        show=False,
    ),
    key("shift+up", "move_up", "Up", "move a queue item up", "builder.move-up", key_display="⇧↑"),
    key("shift+down", "move_down", "Down", "move a queue item down", "builder.move-down", key_display="⇧↓"),
    key("delete,backspace,x", "remove", "Remove", "remove a queue item", "builder.remove", key_display="x"),
    key("e", "edit_dose", "Edit dose", "edit a queue item's dose", "builder.edit-dose", show=False),
    key(
        "less_than_sign",
        "easier",
        "Easier",
        "swap a queue item for its easier variation",
        "builder.easier",
        show=False,
        key_display="<",
    ),
    key(
        "greater_than_sign",
        "harder",
        "Harder",
        "swap a queue item for its harder variation",
        "builder.harder",
        show=False,
        key_display=">",
    ),
    key(
        "ctrl+z",
        "undo",
        "Undo",
        "take back the last change to the queue (remove, clear, load, reorder, dose)",
        "builder.undo",
        show=False,
    ),
    key(
        "f",
        "filters",
        "Filters",
        "filter the library by pack, category, gear, when, position",
        "builder.filters",
        show=False,
    ),
    key(
        "r",
        "routines",
        "Routines",
        "put a routine in the queue (yours too: n rename, d duplicate, x delete)",
        "builder.routines",
    ),
    key("g", "plan", "Plan", "plan a session for the time, the run and the gear you have", "builder.plan"),
    key(
        "1",
        "before_run",
        "Before a run",
        "put the pre-run warm-up in the queue",
        "builder.before-run",
        show=False,
    ),
    key("2", "after_run", "After a run", "put the post-run reset in the queue", "builder.after-run", show=False),
    key("c", "clear", "Clear", "clear the queue (asks first)", "builder.clear", show=False),
    key(
        "ctrl+s",
        "save_routine",
        "Save routine",
        "save the queue as your own routine",
        "builder.save-routine",
        show=False,
    ),
    key("s", "start", "Start", "start the session", "builder.start"),
    key("p", "app.show_packs", "Packs", "packs: enable, disable, reload (r), see errors", "builder.packs", show=False),
    key(
        "h",
        "app.show_history",
        "History",
        "history: sessions, streak, weekly minutes, time per target",
        "builder.history",
        show=False,
    ),
    key(
        "o",
        "app.show_settings",
        "Settings",
        "settings: get-ready and switch times, bell, animation, theme; where your data is",
        "builder.settings",
        show=False,
    ),
    key("question_mark", "help", "Help", "this help: every key", "builder.help", key_display="?"),
    key("q", "app.quit", "Quit", "quit", "builder.quit"),
]

HELP = [key("escape,question_mark,q", "dismiss", "Close", "close the help", "help.close")]

MOUSE = [
    ("click", "select a move"),
    ("drag a library move", "drop it on the queue where you want it"),
    ("drag a queue item", "reorder; drop outside the queue or press escape to cancel"),
]

BY_ID = {binding.id: binding for binding in APP + BUILDER + HELP if binding.id}
