"""The `[keys]` table of settings.toml, checked against the bindings before Textual applies it.

Textual's keymap (`App.set_keymap`) replaces a binding's keys by its id. Before it is handed over, each entry is
checked here: an unknown id gets a did-you-mean, a key Textual would never send is named, and a key that would
reach two actions on one screen (with a default left as it is, too) is a clash. What fails a check is reported and
left out, and the binding keeps its default keys, so a typo never takes a key away.

Two bindings with one default key and one help line (the timer's Pause and Resume) are one key shown two ways:
a new key for one is a new key for both.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from textual.binding import Binding
from textual.keys import KEY_NAME_REPLACEMENTS, Keys, _normalize_key_list, key_to_character

from hiptui.base.text import clean_text

if TYPE_CHECKING:
    from textual.app import App

MODIFIERS = frozenset({"ctrl", "alt", "shift", "meta", "super", "hyper"})
NAMED_KEYS = frozenset(k.value for k in Keys if "+" not in k.value and not k.value.startswith("<"))


class ScreenKeys(NamedTuple):
    """What one screen's key presses can reach: bindings with ids, and keys no keymap moves."""

    bindings: list[Binding]
    fixed: dict[str, str] = {}
    """Key: what it does (bindings without an id: moving in a list, the command palette)."""


class KeymapCheck(NamedTuple):
    keymap: dict[str, str]
    """What to hand to `App.set_keymap`: keys normalised as Textual does, twins included."""
    problems: list[str]


def split_keys(keys: str) -> list[str]:
    """The keys of a comma-separated list, each named as Textual names it ("?" is "question_mark")."""
    seen: dict[str, None] = {}
    for one in _normalize_key_list(keys).split(","):  # Textual's own normalising, so both agree
        seen.setdefault(one.strip(), None)
    return list(seen)


def key_problem(key: str) -> str | None:
    """Why Textual would never send `key`, or None when it is a key."""
    if not key:
        return "an empty key"
    *modifiers, base = key.split("+")
    bad = [m for m in modifiers if m not in MODIFIERS]
    if bad:
        close = difflib.get_close_matches(bad[0], MODIFIERS, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else f"; modifiers: {', '.join(sorted(MODIFIERS))}"
        return f"{bad[0]!r} is not a modifier{hint}"
    if len(base) == 1 or base in NAMED_KEYS or base in KEY_NAME_REPLACEMENTS.values() or key_to_character(base):
        return None
    close = difflib.get_close_matches(base, NAMED_KEYS, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"{base!r} is not a key{hint}"


def is_typed(key: str) -> bool:
    """A key that types a character in a text box."""
    if "+" in key.removeprefix("shift+"):
        return False
    character = key_to_character(key.removeprefix("shift+"))
    return character is not None and character.isprintable()


def _shown(text: str) -> str:
    return " ".join(clean_text(text).split())[:60]


def twins_of(bindings: Iterable[Binding]) -> dict[str, list[str]]:
    """Each id, with the ids of the bindings that are the same key under another name."""
    faces: dict[tuple[str, str], list[str]] = {}
    for binding in bindings:
        if binding.id:
            faces.setdefault((binding.key, binding.tooltip), []).append(binding.id)
    return {binding_id: ids for ids in faces.values() for binding_id in ids}


def check_keymap(entries: Sequence[tuple[str, str]], screens: dict[str, ScreenKeys]) -> KeymapCheck:
    """The entries that can be applied, and a line for each that cannot."""
    bindings = {b.id: b for keys in screens.values() for b in keys.bindings if b.id}
    twins = twins_of(b for keys in screens.values() for b in keys.bindings)
    problems: list[str] = []
    wanted: dict[str, list[str]] = {}
    for binding_id, keys in entries:
        if binding_id not in bindings:
            close = difflib.get_close_matches(binding_id, bindings, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else " (CONTRIBUTING.md lists the ids)"
            problems.append(f"no binding {_shown(binding_id)!r}{hint}")
            continue
        split = split_keys(keys)
        bad = next(((k, p) for k in split if (p := key_problem(k))), None)
        if bad is not None:
            problems.append(f"{binding_id}: {bad[1]}")
            continue
        default = set(split_keys(bindings[binding_id].key))
        typed = [k for k in split if is_typed(k) and k not in default]
        if bindings[binding_id].priority and typed:
            problems.append(f"{binding_id}: {typed[0]!r} is typed into text boxes; this key works in them too")
            continue
        wanted[binding_id] = split
    given, written = set(wanted), {binding_id for binding_id, _ in entries}
    for binding_id in given:
        for twin in twins.get(binding_id, []):
            if twin not in written:
                wanted[twin] = wanted[binding_id]
    problems += _drop_clashes(wanted, screens, twins, given)
    keymap = {binding_id: ",".join(keys) for binding_id, keys in wanted.items()}
    return KeymapCheck(keymap, problems)


def _drop_clashes(
    wanted: dict[str, list[str]], screens: dict[str, ScreenKeys], twins: dict[str, list[str]], given: set[str]
) -> list[str]:
    """Take out of `wanted` each new key that reaches two actions on one screen (until none does), with the
    twins that only followed it."""
    problems: list[str] = []
    while True:
        clash = _first_clash(wanted, screens, twins)
        if clash is None:
            return problems
        binding_id, key, other, screen = clash
        problems.append(f"{binding_id}: {key!r} is already {other} on the {screen} screen; kept its default keys")
        wanted.pop(binding_id, None)
        for twin in twins.get(binding_id, []):
            if twin not in given:
                wanted.pop(twin, None)


def _first_clash(
    wanted: dict[str, list[str]], screens: dict[str, ScreenKeys], twins: dict[str, list[str]]
) -> tuple[str, str, str, str] | None:
    """(id, key, what the key does already, screen) for the first new key that is taken, or None."""
    for screen, keys in screens.items():
        holders: dict[str, tuple[str, str]] = {k: ("", f"the key for {does!r}") for k, does in keys.fixed.items()}
        remapped: list[tuple[str, str]] = []
        for binding in keys.bindings:
            if binding.id in wanted:
                remapped += [(binding.id, k) for k in wanted[binding.id]]
                continue
            face = twins.get(binding.id or "", [binding.id or binding.action])[0]
            for k in split_keys(binding.key):
                holders.setdefault(k, (face, f"{face}'s key"))
        order = list(wanted)
        remapped.sort(key=lambda pair: order.index(pair[0]))  # of two new keys alike, the first written wins
        for binding_id, k in remapped:
            face = twins.get(binding_id, [binding_id])[0]
            held_by, phrase = holders.setdefault(k, (face, f"{face}'s key"))
            if held_by != face:
                return binding_id, k, phrase, screen
    return None


def key_shown(app: App[Any], binding: Binding, keymap: dict[str, str]) -> str:
    """How the first key in force for `binding` is named on screen ("/", "^z", "f5")."""
    if binding.key_display and binding.id not in keymap:
        return binding.key_display
    return app.get_key_display(Binding(keys_in_force(binding, keymap)[0], binding.action))


def keys_in_force(binding: Binding, keymap: dict[str, str]) -> list[str]:
    """The keys that run `binding` now: the keymap's, or its own."""
    remapped = keymap.get(binding.id) if binding.id else None
    return (remapped or binding.key).split(",")


def _fixed(*sources: Iterable[object]) -> dict[str, str]:
    fixed: dict[str, str] = {}
    for source in sources:
        for binding in Binding.make_bindings(source):  # type: ignore[arg-type]
            if binding.id is None:
                for k in split_keys(binding.key):
                    fixed.setdefault(k, binding.description or binding.action.replace("_", " "))
    return fixed


def app_screens() -> dict[str, ScreenKeys]:
    """Every screen whose keys the keymap can change, with what its key presses reach."""
    from textual.app import App
    from textual.screen import Screen

    from hiptui.tui.keys import APP, BUILDER, HELP
    from hiptui.tui.screens.summary import SummaryScreen
    from hiptui.tui.screens.timer import TIMER
    from hiptui.tui.widgets.virtual_list import VirtualList

    palette = Binding(App.COMMAND_PALETTE_BINDING, "command_palette")
    every_screen = _fixed(Screen.BINDINGS, App.BINDINGS, [palette])
    for binding in APP:  # the app's own bindings take the place of Textual's on their keys
        for k in split_keys(binding.key):
            every_screen.pop(k, None)
    summary = [b for b in SummaryScreen.BINDINGS if isinstance(b, Binding) and b.id]
    return {
        "builder": ScreenKeys(APP + BUILDER, {**every_screen, **_fixed(VirtualList.BINDINGS)}),
        "timer": ScreenKeys(APP + TIMER, every_screen),
        "help": ScreenKeys(APP + HELP, every_screen),
        "summary": ScreenKeys(APP + summary, every_screen),
    }
