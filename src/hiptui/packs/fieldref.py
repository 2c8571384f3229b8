"""The pack format's field reference, generated from the model, for CONTRIBUTING.md.

python -m hiptui.packs.fieldref --update CONTRIBUTING.md
"""

from __future__ import annotations

import ast
import inspect
import textwrap

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from hiptui.base.generated import update_or_print
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


def field_docs(model: type[BaseModel]) -> dict[str, str]:
    """The docstring under each field of `model`'s class body (read here, not by pydantic at every
    import: the models skip `use_attribute_docstrings`, which parses their source as they are made)."""
    body = ast.parse(textwrap.dedent(inspect.getsource(model))).body[0]
    assert isinstance(body, ast.ClassDef)
    docs: dict[str, str] = {}
    for field, after in zip(body.body, body.body[1:]):
        named = isinstance(field, ast.AnnAssign) and isinstance(field.target, ast.Name)
        text = after.value.value if isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant) else None
        if named and isinstance(text, str):
            assert isinstance(field, ast.AnnAssign) and isinstance(field.target, ast.Name)
            docs[field.target.id] = inspect.cleandoc(text)
    return docs


def render_field_reference() -> str:
    lines: list[str] = []
    for title, model in TABLES:
        lines += [f"#### {title}", "", "| key | | meaning |", "|---|---|---|"]
        docs = field_docs(model)
        for name in model.model_fields:
            lines.append(f"| `{name}` | {_default(model, name)} | {docs.get(name, '')} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    update_or_print(START, END, render_field_reference)
