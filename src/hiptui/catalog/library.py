"""Every pack from every source, in precedence order: built-in, plugins, then the user's own."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from hiptui.base.gc_pause import gc_paused
from hiptui.base.paths import data_home, user_packs_dir
from hiptui.base.problems import Problem
from hiptui.catalog.catalog import Catalog
from hiptui.packs.cache import PackCache
from hiptui.packs.plain import Pack, PackResult
from hiptui.plugins.host import USER, HookRelay, collect_contributions

if TYPE_CHECKING:
    import importlib.metadata

    from hiptui.packs.model import Pack as ModelPack

CACHE_DIR = "cache"


@dataclass
class PackRecord:
    """One pack as found: loaded, or broken with its problems."""

    source: str
    location: str
    pack: Pack | None = None
    problems: list[Problem] = field(default_factory=list)
    claimed_id: str | None = None
    stale: bool = False
    """The file broke since it was last loaded; `pack` is its last good version, still in use."""
    shadowed_by: str | None = None

    @property
    def id(self) -> str | None:
        return self.pack.id if self.pack else self.claimed_id

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

    @property
    def usable(self) -> bool:
        """Its moves are in use: loaded (or last good), and not shadowed by an earlier pack."""
        return self.pack is not None and self.shadowed_by is None and (self.stale or self.error is None)

    def as_json(self) -> dict[str, object]:
        pack = self.pack
        return {
            "id": self.id,
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
    hooks: HookRelay = field(default_factory=HookRelay)
    """The timer hooks of the plugins that loaded."""
    cache: PackCache = field(default_factory=lambda: PackCache(None))
    _last_catalog: tuple[frozenset[str], Catalog] | None = field(default=None, init=False, repr=False, compare=False)

    def save_cache(self) -> None:
        """Write the cache entries of the packs just parsed (after they are shown, so nobody waits)."""
        self.cache.flush()

    @property
    def packs(self) -> list[Pack]:
        """The packs in use: loaded and not shadowed by an earlier pack of the same id."""
        return [record.pack for record in self.records if record.usable and record.pack is not None]

    def enabled_packs(self, disabled: Iterable[str] = ()) -> list[Pack]:
        off = set(disabled)
        return [pack for pack in self.packs if pack.id not in off]

    def catalog(self, disabled: Iterable[str] = ()) -> Catalog:
        """The moves and routines a person can use: those of the packs in use that are not `disabled`.
        The last one made is kept, so a worker that loaded the library can build it for the UI thread."""
        off = frozenset(disabled)
        if self._last_catalog is None or self._last_catalog[0] != off:
            self._last_catalog = (off, Catalog(self.enabled_packs(off)))
        return self._last_catalog[1]

    def record_for(self, pack_id: str) -> PackRecord | None:
        """The record whose pack is in use under `pack_id`."""
        return next((r for r in self.records if r.usable and r.pack is not None and r.pack.id == pack_id), None)


def load_library(
    home: Path | None = None,
    entry_points: Iterable[importlib.metadata.EntryPoint] | None = None,
    previous: Library | None = None,
    use_cache: bool = True,
) -> Library:
    """Load every pack. Given the `previous` library, a file that broke since keeps its last good pack."""
    with gc_paused():
        return _load(home or data_home(), entry_points, previous, use_cache)


def _load(
    home: Path, entry_points: Iterable[importlib.metadata.EntryPoint] | None, previous: Library | None, use_cache: bool
) -> Library:
    cache = PackCache(home / CACHE_DIR if use_cache else None)
    records: list[PackRecord] = []
    contributions, hooks = collect_contributions(entry_points)
    for contribution in contributions:
        if contribution.error:
            problem = Problem(contribution.source, contribution.error)
            records.append(PackRecord(contribution.source, contribution.source, problems=[problem]))
        for item in contribution.items:
            records.extend(_records_for(contribution.source, item, cache))
    user_dir = user_packs_dir(home)
    if user_dir.is_dir():
        for path in sorted(user_dir.glob("*.toml")):
            records.append(_record(USER, cache.load(path)))
    if previous is not None:
        _keep_last_good(records, previous)
    return Library(_claim_ids(records), hooks, cache)


def _keep_last_good(records: list[PackRecord], previous: Library) -> None:
    good = {r.location: r.pack for r in previous.records if r.pack is not None and (r.ok or r.stale)}
    for record in records:
        if record.pack is None and record.location in good:
            record.pack = good[record.location]
            record.stale = True


def _records_for(source: str, item: Path | ModelPack, cache: PackCache) -> list[PackRecord]:
    if not isinstance(item, Path):  # a plugin's own hiptui.Pack, validated when it was made
        return [PackRecord(source, f"{source} (object)", pack=item.to_plain())]
    if item.is_dir():
        return [_record(source, cache.load(path)) for path in sorted(item.glob("*.toml"))]
    if item.is_file():
        return [_record(source, cache.load(item))]
    return [
        PackRecord(source, str(item), problems=[Problem(str(item), f"{source} registered a path that does not exist")])
    ]


def _record(source: str, result: PackResult) -> PackRecord:
    return PackRecord(source, result.source, pack=result.pack, problems=result.problems, claimed_id=result.claimed_id)


def _claim_ids(records: list[PackRecord]) -> list[PackRecord]:
    """The first pack to claim an id keeps it; later ones are reported, not loaded."""
    owners: dict[str, PackRecord] = {}
    for record in records:
        if not record.usable or record.pack is None:
            continue
        owner = owners.get(record.pack.id)
        if owner is None:
            owners[record.pack.id] = record
            continue
        message = f"pack id {record.pack.id!r} is already taken by {owner.source} ({owner.location})"
        record.problems.append(Problem(record.location, message))
        record.shadowed_by = owner.location
    return records
