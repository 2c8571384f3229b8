"""`hiptui moves` and `hiptui routine list`: what the packs hold."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from hiptui.base.text import clean_text
from hiptui.catalog.catalog import SAVED
from hiptui.catalog.formatting import describe_dose, move_json
from hiptui.catalog.search import Filters
from hiptui.cli import CommandError

if TYPE_CHECKING:
    from hiptui.catalog.catalog import Catalog, CatalogMove, ResolvedRoutine


def add_commands(commands: argparse._SubParsersAction) -> None:
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


def load_catalog() -> Catalog:
    from hiptui.catalog.catalog import Catalog
    from hiptui.catalog.library import load_library
    from hiptui.data.settings import load_settings

    library = load_library()
    library.save_cache()
    for record in library.records:
        if record.error:
            print(f"hiptui: skipped a pack: {record.error}", file=sys.stderr)
    return Catalog(library.enabled_packs(load_settings().settings.disabled_packs))


def _guidance(catalog: Catalog, entry: CatalogMove) -> dict[str, Any]:
    easier, harder = catalog.progressions(entry)
    return {
        "easier": [m.gid for m in easier],
        "harder": [m.gid for m in harder],
        "why": entry.move.why,
        "feel": entry.move.feel,
    }


def list_moves(args: argparse.Namespace) -> int:
    catalog = load_catalog()
    from hiptui.data.settings import load_settings

    disabled = set(load_settings().settings.disabled_packs)
    for pack in args.pack:
        if pack in disabled:
            raise CommandError(f"pack {pack!r} is disabled; enable it on the app's Packs screen (p)")
        if not any(p.id == pack for p in catalog.packs):
            raise CommandError(f"no pack {pack!r} is loaded (see 'hiptui pack list')")
    found = catalog.search(args.search, Filters(pack=frozenset(args.pack)))
    if args.json:
        rows = [move_json(entry) | _guidance(catalog, entry) for entry in found]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    for entry in found:
        side = " ↔" if entry.dose.per_side else ""
        print(f"{entry.gid:<42} {entry.name:<46} {describe_dose(entry.dose)}{side}")
    if not found:
        print("no moves match", file=sys.stderr)
    return 0


def all_routines() -> list[ResolvedRoutine]:
    """The packs' routines and the user's saved ones, resolved against the moves in use."""
    from hiptui.data.routines import SavedRoutines

    catalog = load_catalog()
    saved = SavedRoutines().load()
    for notice in saved.notices:
        print(f"hiptui: {notice}", file=sys.stderr)
    return [*catalog.routines.values(), *(catalog.resolve_routine(r, SAVED) for r in saved.found)]


def list_routines(args: argparse.Namespace) -> int:
    from hiptui.catalog.catalog import QueueItem
    from hiptui.session.timeline import build_timeline

    routines = all_routines()
    rows = []
    for routine in routines:
        timeline = build_timeline([QueueItem(item.move, item.dose) for item in routine.items])
        rows.append((routine, timeline.total_seconds))
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
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    for routine, total in rows:
        minutes = f"{total / 60:.0f} min"
        missing = f"  (missing: {', '.join(routine.missing)})" if routine.missing else ""
        print(clean_text(f"{routine.gid:<38} {routine.name:<32} {len(routine.items):>2} moves  {minutes:>6}{missing}"))
    return 0
