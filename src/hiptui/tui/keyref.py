"""The binding ids for the `[keys]` table of settings.toml, as the CONTRIBUTING table: made from the bindings.

python -m hiptui.tui.keyref --update CONTRIBUTING.md
"""

from __future__ import annotations

from textual.binding import Binding
from textual.keys import format_key

from hiptui.base.generated import update_or_print
from hiptui.tui.keymap import app_screens, split_keys, twins_of

START, END = "<!-- binding-ids:start -->", "<!-- binding-ids:end -->"


def _keys(binding: Binding) -> str:
    shown = []
    for key in split_keys(binding.key):
        character = format_key(key)
        shown.append(
            f"`{key}` ({character})" if len(character) == 1 and character.isascii() and character != key else f"`{key}`"
        )
    return ", ".join(shown)


def render_binding_ids() -> str:
    screens = app_screens()
    twins = twins_of(b for keys in screens.values() for b in keys.bindings)
    lines = ["| id | screen | default keys | does |", "|---|---|---|---|"]
    seen: set[str] = set()
    for screen, keys in screens.items():
        for binding in keys.bindings:
            if binding.id is None or binding.id in seen:
                continue
            seen.add(binding.id)
            does = binding.tooltip or binding.description
            first = twins[binding.id][0]
            if first != binding.id:
                does += f"; moves with `{first}` unless given its own keys"
            where = "any" if binding.id.startswith("app.") else screen
            lines.append(f"| `{binding.id}` | {where} | {_keys(binding)} | {does} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    update_or_print(START, END, render_binding_ids)
