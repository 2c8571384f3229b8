"""What a move's card says, decided once for the app's card and for `hiptui show`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from hiptui.catalog.formatting import describe_dose

if TYPE_CHECKING:
    from hiptui.catalog.catalog import Catalog, CatalogMove
    from hiptui.packs.plain import Dose


@dataclass(frozen=True)
class Card:
    name: str
    aliases: tuple[str, ...]
    facts: tuple[tuple[str, str], ...]
    """(label, value) rows: why and feel first, then the dose and the tags, then the progressions."""
    steps: tuple[str, ...]
    cues: tuple[str, ...]
    cautions: tuple[str, ...]


def words(slugs: list[str]) -> str:
    return ", ".join(slug.replace("-", " ") for slug in slugs)


def card_of(entry: CatalogMove, catalog: Catalog | None = None, dose: Dose | None = None) -> Card:
    """The card of `entry` at `dose` (a queue item's) or the pack's own; with the catalogue, it names the
    move's easier and harder versions too."""
    move, dose = entry.move, dose or entry.dose
    facts: list[tuple[str, str]] = []
    if move.why:
        facts.append(("Why", move.why))
    if move.feel:
        facts.append(("Feel it", move.feel))
    facts.append(("Dose", describe_dose(dose) + ("  (left, then right)" if dose.per_side else "")))
    if dose.sets > 1 and dose.rest:
        facts.append(("Rest", f"{dose.rest} s between sets"))
    if dose.reps is not None:
        facts.append(("Pace", f"{dose.rep_seconds} s a rep"))
    level = f" · {move.level}" if move.level else ""
    facts += [
        ("Pack", f"{entry.pack_name} ({entry.pack_id})"),
        ("Category", f"{move.category.replace('-', ' ')} · {move.style}{level}"),
        ("Targets", words(move.targets) or "-"),
        ("Equipment", words(move.equipment) or "none"),
        ("Position", (move.position or "").replace("-", " ") or "-"),
        ("When", words(move.when) or "any time"),
    ]
    easier, harder = catalog.progressions(entry) if catalog is not None else ([], [])
    if easier:
        facts.append(("Easier", ", ".join(m.name for m in easier)))
    if harder:
        facts.append(("Harder", ", ".join(m.name for m in harder)))
    return Card(
        name=move.name,
        aliases=tuple(move.aliases),
        facts=tuple(facts),
        steps=tuple(move.steps),
        cues=tuple(move.cues),
        cautions=tuple(move.cautions),
    )
