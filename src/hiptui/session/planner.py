"""Plan a session for the time, the run and the gear a runner has right now.

Rules (from the content brief): dynamic drills before a run, static holds after; in a stretch
block the large muscle groups come before the deep rotators; both sides always; no move twice;
focus targets get at least half the time and the rest is spread over the hip's other groups;
never a move that needs gear the runner lacks. Deterministic for a seed, varied across seeds.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from hiptui.base.terms import HOUSEHOLD, LEVELS
from hiptui.catalog.catalog import CatalogMove, QueueItem
from hiptui.session.timeline import DEFAULT_PACING, Pacing, paced_timeline

WHEN_STYLES: dict[str, tuple[str, ...]] = {
    "pre-run": ("dynamic",),
    "post-run": ("release", "static"),
    "rest-day": ("release", "dynamic", "static"),
    "strength-day": ("dynamic", "strength"),
}
ANY_STYLES = ("release", "dynamic", "static", "strength")
DEEP_GROUPS = frozenset({"deep-rotators", "piriformis", "external-rotators", "internal-rotators", "hip-capsule"})
HIP_GROUPS = (
    "hip-flexors",
    "glutes",
    "adductors",
    "hamstrings",
    "quads",
    "glute-medius",
    "abductors",
    "deep-rotators",
    "piriformis",
    "hip-capsule",
)
EQUIPMENT_WORDS: dict[str, frozenset[str]] = {
    "band": frozenset({"mini-band", "long-band"}),
    "bands": frozenset({"mini-band", "long-band"}),
    "roller": frozenset({"foam-roller"}),
    "ball": frozenset({"massage-ball"}),
    "lacrosse-ball": frozenset({"massage-ball"}),
}
HOLD_RANGE = {"static": (20, 60), "release": (30, 120), "dynamic": (10, 60), "strength": (15, 60)}
TOLERANCE = 0.10
MINUTES = (1, 180)


def check_minutes(value: object) -> int:
    """The minutes a plan may be asked for: a whole number from 1 to 180 (the app and the CLI alike)."""
    text = str(value).strip()
    low, high = MINUTES
    if isinstance(value, bool) or not text.isdigit() or not low <= int(text) <= high:
        raise PlanError(f"minutes must be a whole number from {low} to {high}")
    return int(text)


class PlanError(ValueError):
    """No plan can be made from these choices."""


@dataclass(frozen=True)
class PlanRequest:
    minutes: float
    when: str | None = None
    focus: frozenset[str] = frozenset()
    equipment: frozenset[str] = frozenset()
    level: str | None = None
    avoid_positions: frozenset[str] = frozenset()
    seed: int = 0

    def gear(self) -> frozenset[str]:
        """The equipment at hand, with plain words such as 'band' widened and household gear added."""
        found = set(HOUSEHOLD)
        for word in self.equipment:
            found |= EQUIPMENT_WORDS.get(word, {word})
        return frozenset(found)


@dataclass
class Plan:
    request: PlanRequest
    items: list[QueueItem] = field(default_factory=list)
    pacing: Pacing = Pacing()

    @property
    def total_seconds(self) -> int:
        return paced_timeline(self.items, self.pacing).total_seconds

    def seconds_of(self, item: QueueItem) -> int:
        return paced_timeline([item], self.pacing).total_seconds

    @property
    def note(self) -> str | None:
        """Why the plan is shorter than asked for, when it is: too few moves fit the choices."""
        wanted = self.request.minutes * 60
        if self.total_seconds >= wanted * (1 - TOLERANCE):
            return None
        moves = f"{len(self.items)} move{'s' if len(self.items) != 1 else ''}"
        return (
            f"Only {moves} fit these choices, so the plan is {self.total_seconds / 60:.0f} of the "
            f"{self.request.minutes:g} minutes: allow more gear, positions or levels for a longer one."
        )

    @property
    def focus_seconds(self) -> int:
        return sum(self.seconds_of(i) for i in self.items if set(i.move.move.targets) & self.request.focus)


def candidates(moves: Iterable[CatalogMove], request: PlanRequest) -> list[CatalogMove]:
    gear = request.gear()
    styles = WHEN_STYLES.get(request.when or "", ANY_STYLES)
    top_level = LEVELS.index(request.level) if request.level in LEVELS else len(LEVELS)
    found = []
    for entry in moves:
        move = entry.move
        if not set(move.equipment) <= gear or move.style not in styles:
            continue
        if move.position in request.avoid_positions:
            continue
        if move.level in LEVELS and LEVELS.index(move.level) > top_level:
            continue
        found.append(entry)
    return found


def make_plan(
    moves: Iterable[CatalogMove],
    request: PlanRequest,
    pacing: Pacing = DEFAULT_PACING,
) -> Plan:
    if request.minutes <= 0:
        raise PlanError("the session needs some minutes")
    pool = candidates(moves, request)
    if not pool:
        raise PlanError("no move fits these choices: allow more gear, positions or levels")
    rng = random.Random(request.seed)
    target = request.minutes * 60
    plan = Plan(request, pacing=pacing)
    chosen = _choose(pool, request, plan, target, rng)
    plan.items = _order([QueueItem.of(entry) for entry in chosen], request, rng)
    _fit_doses(plan, target)
    _trim_or_grow(plan, pool, target, rng)
    _favour_focus(plan, pool, target, rng)
    if not plan.items:
        raise PlanError("the time is too short for even one move")
    return plan


def _preference(entry: CatalogMove, request: PlanRequest) -> float:
    """How well a move suits the request; higher first."""
    score = 1.0
    if request.when and request.when in entry.move.when:
        score += 1.0
    return score


def _choose(
    pool: Sequence[CatalogMove], request: PlanRequest, plan: Plan, target: float, rng: random.Random
) -> list[CatalogMove]:
    """Pick moves: focus moves to half the time or more, then other hip groups not yet covered."""

    def shuffled(entries: Iterable[CatalogMove]) -> list[CatalogMove]:
        keyed = [(-_preference(e, request) - rng.random(), e.gid, e) for e in entries]
        return [e for *_, e in sorted(keyed)]

    focus = shuffled(e for e in pool if set(e.move.targets) & request.focus)
    others = shuffled(e for e in pool if not set(e.move.targets) & request.focus)
    chosen: list[CatalogMove] = []
    seconds = 0.0
    focus_seconds = 0.0
    for entry in focus:
        if focus_seconds >= target * 0.6 or seconds >= target:
            break
        cost = plan.seconds_of(QueueItem.of(entry))
        chosen.append(entry)
        seconds += cost
        focus_seconds += cost
    covered = {t for e in chosen for t in e.move.targets}
    while seconds < target and others:
        best = max(others, key=lambda e: len((set(e.move.targets) & set(HIP_GROUPS)) - covered))
        others.remove(best)
        chosen.append(best)
        covered |= set(best.move.targets)
        seconds += plan.seconds_of(QueueItem.of(best))
    return chosen


def _order(items: list[QueueItem], request: PlanRequest, rng: random.Random) -> list[QueueItem]:
    """By style for the occasion, then large muscle groups before the deep rotators."""
    styles = WHEN_STYLES.get(request.when or "", ANY_STYLES)

    def key(item: QueueItem) -> tuple[int, int, str]:
        move = item.move.move
        deep = int(_is_deep(move.targets))
        return styles.index(move.style) if move.style in styles else len(styles), deep, item.move.gid

    return sorted(items, key=key)


def _is_deep(targets: Sequence[str]) -> bool:
    """A move for the deep rotators: most of what it targets is deep."""
    return bool(targets) and sum(t in DEEP_GROUPS for t in targets) * 2 > len(targets)


MAX_SETS = 3
SET_REST = 15


def _step(item: QueueItem, grow: bool) -> QueueItem | None:
    """The item one notch longer (or shorter): 5 s of hold, a rep, or a set; None at the limit."""
    dose, default, style = item.dose, item.move.dose, item.move.move.style
    if dose.hold is not None:
        low, high = HOLD_RANGE[style]
        low, high = min(low, default.hold or low), max(high, default.hold or high)
        hold = dose.hold + (5 if grow else -5)
        if low <= hold <= high:
            return QueueItem(item.move, dataclasses.replace(dose, hold=hold))
    else:
        reps = (dose.reps or 1) + (1 if grow else -1)
        base = default.reps or 1
        if max(3, base // 2) <= reps <= base * 2:
            return QueueItem(item.move, dataclasses.replace(dose, reps=reps))
    sets = dose.sets + (1 if grow else -1)
    if 1 <= sets <= max(MAX_SETS, default.sets):
        rest = dose.rest or (SET_REST if sets > 1 else 0)
        return QueueItem(item.move, dataclasses.replace(dose, sets=sets, rest=rest if sets > 1 else dose.rest))
    return None


def _focus_share(plan: Plan) -> float:
    total = plan.total_seconds
    return plan.focus_seconds / total if total else 0.0


def _nudge(plan: Plan, grow: bool, rng: random.Random) -> bool:
    """Lengthen or shorten one item by a notch, keeping focus at half the time; False if none can move."""
    focus = plan.request.focus
    wants_focus = bool(focus) and _focus_share(plan) < 0.5
    is_focus = [bool(set(i.move.move.targets) & focus) for i in plan.items]
    preferred = [n for n, f in enumerate(is_focus) if f == (wants_focus == grow)]
    order = preferred + [n for n in range(len(plan.items)) if n not in preferred]
    first, rest = order[: len(preferred)], order[len(preferred) :]
    rng.shuffle(first)
    rng.shuffle(rest)
    for index in first + rest:
        stepped = _step(plan.items[index], grow)
        if stepped is not None:
            plan.items[index] = stepped
            return True
    return False


def _rebalance(plan: Plan, target: float) -> bool:
    """Give focus more of the time without leaving the tolerance: shorten another move or lengthen a focus one."""
    focus = plan.request.focus
    for index, item in enumerate(plan.items):
        is_focus = bool(set(item.move.move.targets) & focus)
        for grow in (True,) if is_focus else (False,):
            stepped = _step(item, grow)
            if stepped is None:
                continue
            before = plan.items[index]
            plan.items[index] = stepped
            if _within(plan.total_seconds, target):
                return True
            plan.items[index] = before
    return False


def _fit_doses(plan: Plan, target: float) -> None:
    """Notch doses up or down until the total is close to the target and focus has half the time."""
    rng = random.Random(plan.request.seed + 1)
    for _ in range(400):
        total = plan.total_seconds
        balanced = (
            not plan.request.focus
            or _focus_share(plan) >= 0.5
            or not any(set(i.move.move.targets) & plan.request.focus for i in plan.items)
        )
        close = abs(total - target) <= target * TOLERANCE / 2
        if close and balanced:
            return
        if close and _rebalance(plan, target):
            continue
        if not _nudge(plan, total < target, rng):
            return


def _within(total: float, target: float) -> bool:
    return abs(total - target) <= target * TOLERANCE


def _favour_focus(plan: Plan, pool: Sequence[CatalogMove], target: float, rng: random.Random) -> None:
    """While focus has less than half the time, swap other moves for unused focus moves, or drop them."""
    focus = plan.request.focus
    if not focus:
        return
    for _ in range(12):
        if _focus_share(plan) >= 0.5:
            return
        used = {i.move.gid for i in plan.items}
        spare = sorted((e for e in pool if e.gid not in used and set(e.move.targets) & focus), key=lambda e: e.gid)
        others = [i for i in plan.items if not set(i.move.move.targets) & focus]
        trials: list[list[QueueItem]] = []
        if others and spare:
            swapped = [i for i in plan.items if i is not others[-1]] + [QueueItem.of(rng.choice(spare))]
            trials.append(_order(swapped, plan.request, rng))
        if others and len(plan.items) > 1:
            trials.append([i for i in plan.items if i is not others[-1]])
        for items in trials:
            trial = Plan(plan.request, items, plan.pacing)
            _fit_doses(trial, target)
            if _within(trial.total_seconds, target) and _focus_share(trial) > _focus_share(plan):
                plan.items = trial.items
                break
        else:
            return


def _trim_or_grow(plan: Plan, pool: Sequence[CatalogMove], target: float, rng: random.Random) -> None:
    """Drop or add whole moves when notching doses alone cannot reach the target."""
    request = plan.request
    for _ in range(60):
        total = plan.total_seconds
        if _within(total, target):
            return
        if total > target and len(plan.items) > 1:
            others = [i for i in plan.items if not set(i.move.move.targets) & request.focus]
            plan.items.remove((others or plan.items)[-1])
        elif total < target:
            used = {i.move.gid for i in plan.items}
            spare = sorted((e for e in pool if e.gid not in used), key=lambda e: e.gid)
            if not spare:
                return
            focus_spare = [e for e in spare if set(e.move.targets) & request.focus]
            entry = rng.choice(focus_spare if focus_spare and _focus_share(plan) < 0.5 else spare)
            plan.items = _order([*plan.items, QueueItem.of(entry)], request, rng)
        else:
            return
        _fit_doses(plan, target)
