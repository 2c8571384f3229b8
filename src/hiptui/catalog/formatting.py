"""Doses and durations in words, shared by the command line and the app."""

from __future__ import annotations

from collections.abc import Sized
from typing import TYPE_CHECKING, Any

from hiptui.base.durations import format_duration

if TYPE_CHECKING:
    from hiptui.catalog.catalog import CatalogMove
    from hiptui.packs.plain import Dose


def counted(things: Sized, noun: str) -> str:
    """'1 move', '3 moves'."""
    return f"{len(things)} {noun}{'' if len(things) == 1 else 's'}"


def describe_dose(dose: Dose) -> str:
    """'30 s / side', '2 x 12', '6 reps / side', '3 x 45 s'."""
    if dose.hold is not None:
        amount = format_duration(dose.hold)
        text = f"{dose.sets} x {amount}" if dose.sets > 1 else amount
    else:
        text = f"{dose.sets} x {dose.reps}" if dose.sets > 1 else f"{dose.reps} reps"
    return text + (" / side" if dose.per_side else "")


def move_json(entry: CatalogMove, dose: Dose | None = None) -> dict[str, Any]:
    move, dose = entry.move, dose or entry.dose
    return {
        "id": entry.gid,
        "name": move.name,
        "pack": entry.pack_id,
        "category": move.category,
        "style": move.style,
        "position": move.position,
        "level": move.level,
        "when": list(move.when),
        "targets": list(move.targets),
        "equipment": list(move.equipment),
        "per_side": dose.per_side,
        "hold": dose.hold,
        "reps": dose.reps,
        "rep_seconds": dose.rep_seconds if dose.reps is not None else None,
        "sets": dose.sets,
        "rest": dose.rest,
        "aliases": list(move.aliases),
        "figure": move.figure is not None,
    }
