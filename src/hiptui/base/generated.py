"""A section of a document that code writes (CONTRIBUTING's field reference and binding ids): between two
marker lines, rewritten whole by `python -m <module> --update FILE`, printed otherwise."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path


def replace_section(document: str, start: str, end: str, body: str) -> str:
    """`document` with what stands between the `start` and `end` markers replaced by `body`."""
    block = f"{start}\n{body}{end}"
    return re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _: block, document, flags=re.DOTALL)


def update_or_print(start: str, end: str, render: Callable[[], str], argv: list[str] | None = None) -> None:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == ["--update"] and len(arguments) == 2:
        path = Path(arguments[1])
        path.write_text(replace_section(path.read_text(), start, end, render()))
    else:
        sys.stdout.write(render())
