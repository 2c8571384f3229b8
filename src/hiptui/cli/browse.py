"""`hiptui moves` and `hiptui routine list`: what the packs hold."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from hiptui.base.text import clean_text
from hiptui.catalog.formatting import describe_dose, move_json
from hiptui.catalog.search import Filters
from hiptui.cli import CommandError
from hiptui.cli.output import json_text

if TYPE_CHECKING:
    from hiptui.catalog.catalog import Catalog, CatalogMove
    from hiptui.catalog.library import Library
    from hiptui.cli.parser import Parser
    from hiptui.data.settings import Settings
    from hiptui.workspace import Workspace


def add_commands(commands: argparse._SubParsersAction[Parser]) -> None:
    moves = commands.add_parser("moves", help="list moves, filtered and searched")
    moves.add_argument("--pack", action="append", default=[], metavar="ID", help="only this pack (repeatable)")
    moves.add_argument("--search", default="", metavar="TEXT", help="name, alias, target, equipment or pack")
    moves.add_argument("--json", action="store_true", help="print JSON")
    moves.set_defaults(handler=list_moves)

    routine = commands.add_parser("routine", help="routines: the packs' and your own")
    sub = routine.add_subparsers(dest="routine_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="every routine, with its length")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=list_routines)


def open_workspace() -> Workspace:
    """Every pack loaded, the settings and the saved queue read; what it had to say goes to stderr."""
    from hiptui.workspace import Workspace

    workspace = Workspace.open()
    assert workspace.library is not None
    _report_skipped(workspace.library)
    tell(workspace)
    return workspace


def open_catalog() -> tuple[Catalog, Settings]:
    """The moves of the enabled packs and the settings, for a command that only reads them (no queue,
    saved routines or history); what loading had to say goes to stderr."""
    from hiptui.catalog.library import load_library
    from hiptui.data.settings import load_settings

    settings, notice = load_settings()
    if notice:
        print(f"hiptui: {clean_text(notice)}", file=sys.stderr)
    library = load_library()
    _report_skipped(library)
    catalog = library.catalog(settings.disabled_packs)
    library.save_cache()
    return catalog, settings


def _report_skipped(library: Library) -> None:
    for record in library.records:
        if record.error:
            print(f"hiptui: skipped a pack: {clean_text(record.error)}", file=sys.stderr)


def tell(workspace: Workspace) -> None:
    for notice in workspace.take_notices():
        print(f"hiptui: {clean_text(notice)}", file=sys.stderr)


def _guidance(catalog: Catalog, entry: CatalogMove) -> dict[str, Any]:
    easier, harder = catalog.progressions(entry)
    return {
        "easier": [m.gid for m in easier],
        "harder": [m.gid for m in harder],
        "why": entry.move.why,
        "feel": entry.move.feel,
    }


def list_moves(args: argparse.Namespace) -> int:
    catalog, settings = open_catalog()
    disabled = set(settings.disabled_packs)
    for pack in args.pack:
        if pack in disabled:
            raise CommandError(f"pack {pack!r} is disabled; enable it on the app's Packs screen (p)")
        if not any(p.id == pack for p in catalog.packs):
            raise CommandError(f"no pack {pack!r} is loaded (see 'hiptui pack list')")
    found = catalog.search(args.search, Filters(pack=frozenset(args.pack)))
    if args.json:
        rows = [move_json(entry) | _guidance(catalog, entry) for entry in found]
        print(json_text(rows))
        return 0
    gid_width = max((len(entry.gid) for entry in found), default=0)
    name_width = max((len(entry.name) for entry in found), default=0)
    for entry in found:
        side = " ↔" if entry.dose.per_side else ""
        print(f"{entry.gid:<{gid_width}}  {entry.name:<{name_width}}  {describe_dose(entry.dose)}{side}")
    if not found:
        print("no moves match", file=sys.stderr)
    return 0


def list_routines(args: argparse.Namespace) -> int:
    workspace = open_workspace()
    rows = [(routine, workspace.total_seconds(routine.items)) for routine in workspace.routines()]
    tell(workspace)
    if args.json:
        data = [
            {
                "id": routine.gid,
                "name": routine.name,
                "source": routine.pack_id,
                "moves": len(routine.items),
                "missing": routine.missing,
                "total_seconds": total,
            }
            for routine, total in rows
        ]
        print(json_text(data))
        return 0
    for routine, total in rows:
        minutes = f"{total / 60:.0f} min"
        missing = f"  (missing: {', '.join(routine.missing)})" if routine.missing else ""
        print(clean_text(f"{routine.gid:<38} {routine.name:<32} {len(routine.items):>2} moves  {minutes:>6}{missing}"))
    return 0
