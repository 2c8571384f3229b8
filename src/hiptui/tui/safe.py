"""The one way untrusted text (from packs, plugins, errors or the user) reaches a widget: inert Rich Text."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from hiptui.base.text import clean_text


def plain(value: object, style: str | Style = "") -> Text:
    """Text that is shown exactly as written: no markup, no escape codes, no control characters."""
    return Text(clean_text(str(value)), style=style)
