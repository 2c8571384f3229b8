"""The pack format's field reference, generated from the model, for CONTRIBUTING.md.

python -m hiptui.packs.fieldref --update CONTRIBUTING.md
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from hiptui.packs.figure_model import FigurePose, FigureProp, MoveFigure
from hiptui.packs.model import Move, Pack, PackInfo, Routine, RoutineEntry

START, END = "<!-- field-reference:start -->", "<!-- field-reference:end -->"
TABLES: list[tuple[str, type[BaseModel]]] = [
    ("Top level", Pack),
    ("[pack]", PackInfo),
    ("[[moves]]", Move),
    ("[[routines]]", Routine),
    ("A routine entry table", RoutineEntry),
    ("[moves.figure]", MoveFigure),
    ("A figure pose (in `poses`)", FigurePose),
    ("A figure prop table (in `props`)", FigureProp),
]


def _default(model: type[BaseModel], name: str) -> str:
    field = model.model_fields[name]
    if field.is_required():
        return "required"
    default = field.default
    if default is PydanticUndefined or default is None:
        return "optional"
    if default in ("", []):
        return "optional"
    return f"default `{str(default).lower() if isinstance(default, bool) else default}`"


def render_field_reference() -> str:
    lines: list[str] = []
    for title, model in TABLES:
        lines += [f"#### {title}", "", "| key | | meaning |", "|---|---|---|"]
        for name, field in model.model_fields.items():
            lines.append(f"| `{name}` | {_default(model, name)} | {field.description or ''} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def replace_reference(document: str) -> str:
    block = f"{START}\n{render_field_reference()}{END}"
    return re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _: block, document, flags=re.DOTALL)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--update"] and len(sys.argv) == 3:
        path = Path(sys.argv[2])
        path.write_text(replace_reference(path.read_text()))
    else:
        sys.stdout.write(render_field_reference())
