"""A problem found in a pack or a plugin, said in one line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from hiptui.base.text import clean_text

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    source: str
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None
    severity: Severity = "error"

    def __str__(self) -> str:
        where = self.source
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        label = "warning: " if self.severity == "warning" else ""
        field = f"{self.field}: " if self.field else ""
        return clean_text(f"{where}: {label}{field}{self.message}")

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def field_name(loc: tuple[str | int, ...]) -> str:
    """("moves", 3, "hold") -> "moves[3].hold"."""
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += f".{part}" if name else part
    return name
