"""`hiptui show MOVE`: a move's card as plain text."""

from __future__ import annotations

import argparse
import shutil
import textwrap
from typing import TYPE_CHECKING

from hiptui.base.text import clean_text
from hiptui.cli import CommandError
from hiptui.cli.browse import open_workspace
from hiptui.figure.strip import draw_key_poses

if TYPE_CHECKING:
    from hiptui.catalog.card import Card
    from hiptui.cli.parser import Parser
    from hiptui.figure import Figure

MAX_WIDTH = 100
FIGURE_LINES = 8


def add_commands(commands: argparse._SubParsersAction[Parser]) -> None:
    show = commands.add_parser("show", help="a move's card as plain text, with its figure")
    show.add_argument("move", metavar="MOVE", help="the move: 'pack/move', or a move id only one pack has")
    show.set_defaults(handler=show_move)


def show_move(args: argparse.Namespace) -> int:
    from hiptui.catalog.card import card_of
    from hiptui.workspace import WorkspaceError

    workspace = open_workspace()
    try:
        entry = workspace.find_move(args.move)
    except WorkspaceError as error:
        raise CommandError(str(error)) from None
    width = max(40, min(MAX_WIDTH, shutil.get_terminal_size().columns))
    figure = workspace.catalog.figure(entry)
    print("\n".join(card_text(card_of(entry, workspace.catalog), width, figure)))
    return 0


def card_text(card: Card, width: int, figure: Figure | None = None) -> list[str]:
    """The card's lines, wrapped to `width` with labels and numbers hanging, under the figure's key poses."""
    lines = [clean_text(card.name)]
    if card.aliases:
        lines += textwrap.wrap(clean_text("also: " + ", ".join(card.aliases)), width)
    lines.append("")
    if figure is not None:
        drawn = [line.rstrip() for line in draw_key_poses(figure, width, FIGURE_LINES)]
        lines += [*_trimmed(drawn), ""]
    label_width = max(len(label) for label, _ in card.facts) + 2
    for label, value in card.facts:
        lines += _hanging(label.ljust(label_width), value, width)
    for heading, texts, mark in (
        ("Steps", card.steps, ""),
        ("Cues", card.cues, " • "),
        ("Cautions", card.cautions, " ! "),
    ):
        if texts:
            lines += ["", heading]
            for n, text in enumerate(texts, 1):
                lines += _hanging(mark or f"{n:>2}. ", text, width)
    return lines


def _hanging(lead: str, text: str, width: int) -> list[str]:
    text = clean_text(text)
    return textwrap.wrap(text, width, initial_indent=lead, subsequent_indent=" " * len(lead)) or [lead.rstrip()]


def _trimmed(rows: list[str]) -> list[str]:
    """Without the blank rows above and below the drawing."""
    filled = [n for n, row in enumerate(rows) if row.strip()]
    return rows[filled[0] : filled[-1] + 1] if filled else []
