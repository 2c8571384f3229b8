"""Every pack from every source, in precedence order: built-in, plugins, then the user's own."""

from __future__ import annotations

import importlib.metadata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from hiptui.loader import LoadResult, load_pack_file
from hiptui.model import Pack
from hiptui.paths import data_home, user_packs_dir
from hiptui.plugins import collect_contributions
from hiptui.problems import Problem

USER = "user"


@dataclass
class PackRecord:
    """One pack as found: loaded, or broken with its problems."""

    source: str
    location: str
    pack: Pack | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def id(self) -> str | None:
        return self.pack.id if self.pack else None

    @property
    def error(self) -> str | None:
        errors = [p for p in self.problems if p.is_error]
        if not errors:
            return None
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        return str(errors[0]) + more

    @property
    def ok(self) -> bool:
        return self.pack is not None and self.error is None

    def as_json(self) -> dict[str, object]:
        pack = self.pack
        return {
            "id": pack.id if pack else None,
            "name": pack.name if pack else None,
            "version": pack.version if pack else None,
            "source": self.source,
            "moves": len(pack.moves) if pack else 0,
            "routines": len(pack.routines) if pack else 0,
            "error": self.error,
        }


@dataclass
class Library:
    records: list[PackRecord]

    @property
    def packs(self) -> list[Pack]:
        """The packs in use: loaded and not shadowed by an earlier pack of the same id."""
        return [record.pack for record in self.records if record.ok and record.pack is not None]

    @property
    def problems(self) -> list[Problem]:
        return [problem for record in self.records for problem in record.problems]


def load_library(
    home: Path | None = None,
    entry_points: Iterable[importlib.metadata.EntryPoint] | None = None,
) -> Library:
    records: list[PackRecord] = []
    for contribution in collect_contributions(entry_points):
        if contribution.error:
            problem = Problem(contribution.source, contribution.error)
            records.append(PackRecord(contribution.source, contribution.source, problems=[problem]))
        for item in contribution.items:
            records.extend(_records_for(contribution.source, item))
    user_dir = user_packs_dir(home or data_home())
    if user_dir.is_dir():
        for path in sorted(user_dir.glob("*.toml")):
            records.append(_record(USER, load_pack_file(path)))
    return Library(_claim_ids(records))


def _records_for(source: str, item: Path | Pack) -> list[PackRecord]:
    if isinstance(item, Pack):
        return [PackRecord(source, f"{source} (object)", pack=item)]
    if item.is_dir():
        return [_record(source, load_pack_file(path)) for path in sorted(item.glob("*.toml"))]
    if item.is_file():
        return [_record(source, load_pack_file(item))]
    return [PackRecord(source, str(item), problems=[Problem(str(item), f"{source} registered a path that does not exist")])]


def _record(source: str, result: LoadResult) -> PackRecord:
    return PackRecord(source, result.source, pack=result.pack, problems=result.problems)


def _claim_ids(records: list[PackRecord]) -> list[PackRecord]:
    """The first pack to claim an id keeps it; later ones are reported, not loaded."""
    owners: dict[str, PackRecord] = {}
    for record in records:
        if not record.ok or record.pack is None:
            continue
        owner = owners.get(record.pack.id)
        if owner is None:
            owners[record.pack.id] = record
            continue
        message = f"pack id {record.pack.id!r} is already taken by {owner.source} ({owner.location})"
        record.problems.append(Problem(record.location, message))
    return records
