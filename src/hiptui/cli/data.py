"""`hiptui history` and `hiptui run`: the user's record, and straight to the timer."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from hiptui.base.durations import format_duration
from hiptui.base.paths import data_home
from hiptui.base.text import clean_text
from hiptui.cli import CommandError

if TYPE_CHECKING:
    from hiptui.cli.parser import Parser
    from hiptui.data.history import SessionSummary


MOST_SESSIONS = 1_000_000


def _limit(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{clean_text(value)[:40]!r} is not a whole number of 1 or more")
    if int(value) > MOST_SESSIONS:
        raise argparse.ArgumentTypeError(
            f"{clean_text(value)[:40]} is more than {MOST_SESSIONS:,} (leave --limit out for all)"
        )
    return int(value)


def add_commands(commands: argparse._SubParsersAction[Parser]) -> None:
    history = commands.add_parser("history", help="completed and stopped sessions, newest first")
    history.add_argument("--json", action="store_true", help="print JSON")
    history.add_argument("--limit", type=_limit, default=None, metavar="N", help="only the newest N")
    history.set_defaults(handler=show_history)

    run = commands.add_parser("run", help="open the app straight on the timer with a routine")
    run.add_argument("routine", metavar="ROUTINE", help="a routine id: pack/id, saved/id, or a bare id")
    run.set_defaults(handler=run_routine)


def show_history(args: argparse.Namespace) -> int:
    from hiptui.data.history import History, HistoryUnavailable, history_path

    try:
        history = History(history_path(data_home()))
    except (HistoryUnavailable, OSError) as error:
        raise CommandError(f"cannot open the history in {clean_text(str(data_home()))}: {error}") from None
    try:
        history.close_interrupted()
        if history.notice:
            print(f"hiptui: {history.notice}", file=sys.stderr)
        listed: list[SessionSummary] = []
        sessions = _noting(history.summaries(limit=args.limit), listed if args.limit else None)
        shown = _print_json(sessions) if args.json else _print_lines(sessions)
        # the newest N say what was skipped to reach them; counting the whole file would cost more than the N
        bad = history.bad_rows_near(listed) if args.limit and shown == args.limit else history.bad_rows()
    except HistoryUnavailable as error:
        raise CommandError(str(error)) from None
    finally:
        history.close()
    if bad:
        print(
            f"hiptui: {bad:,} row{'s' if bad != 1 else ''} of the history could not be read and were skipped",
            file=sys.stderr,
        )
    if not shown and not args.json:
        print("no sessions yet", file=sys.stderr)
    return 0


def _noting(sessions: Iterable[SessionSummary], into: list[SessionSummary] | None) -> Iterator[SessionSummary]:
    for session in sessions:
        if into is not None:
            into.append(session)
        yield session


def _print_json(sessions: Iterable[SessionSummary]) -> int:
    """The same text as json.dumps(list, indent=2), one session at a time."""
    import textwrap

    shown = 0
    for session in sessions:
        item = textwrap.indent(json.dumps(session.as_json(), indent=2, ensure_ascii=False), "  ")
        sys.stdout.write(("[\n" if shown == 0 else ",\n") + item)
        shown += 1
    sys.stdout.write("\n]\n" if shown else "[]\n")
    return shown


def _print_lines(sessions: Iterable[SessionSummary]) -> int:
    shown = 0
    for session in sessions:
        when = session.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        routine = clean_text(session.routine or "own queue")
        sys.stdout.write(
            f"{when}  {routine:<36.36} {format_duration(session.done_seconds):>8} of "
            f"{format_duration(session.planned_seconds):<8} {session.status:<9} {session.skipped_work} skipped\n"
        )
        shown += 1
    return shown


def run_routine(args: argparse.Namespace) -> int:
    from hiptui.cli.browse import open_workspace
    from hiptui.tui import run_app
    from hiptui.workspace import WorkspaceError

    workspace = open_workspace()
    try:
        routine = workspace.find_routine(args.routine)
    except WorkspaceError as error:
        raise CommandError(str(error)) from None
    if not routine.items:
        raise CommandError(f"routine {routine.gid!r} has no move that a loaded pack has")
    workspace.close()
    return run_app(start_routine=routine.gid)
