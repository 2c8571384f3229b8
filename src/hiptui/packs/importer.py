"""free-exercise-db's JSON (github.com/yuhonas/free-exercise-db) as a hiptui pack document.

The input is untrusted: its size, nesting and every value's type are checked, text is cleaned and cut to
the pack format's bounds, and an exercise that cannot be read is skipped with a reason, never guessed at.
What had to be guessed (a dose, a side, a mapping that is not one to one) is said in `Imported.guesses`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from hiptui.base.terms import EQUIPMENT, TARGETS
from hiptui.base.text import clean_text, shorten

MAX_EXERCISES = 10_000
MAX_MOVES = 5000
MAX_STEPS, MAX_ALIASES, MAX_TARGETS = 20, 20, 20
MAX_LISTED = 200
"""Items of an exercise's list (its muscles, steps, other names) read at most: enough to find the 20 of each
a move may keep among blanks and repeats, and a bound on the work a list of a million takes."""
LISTS = ("primaryMuscles", "secondaryMuscles", "instructions", "alternateNames")
MAX_TEXT, MAX_NAME = 2000, 80
SOURCE = {
    "author": "Free Exercise DB contributors (yuhonas and others)",
    "license": "Unlicense (public domain)",
    "homepage": "https://github.com/yuhonas/free-exercise-db",
}

MUSCLES = {
    "abdominals": "core", "abductors": "abductors", "adductors": "adductors", "calves": "calves",
    "glutes": "glutes", "hamstrings": "hamstrings", "lower back": "low-back", "quadriceps": "quads",
}  # fmt: skip
"""Muscles that are one of hiptui's targets; the rest become tags of their own (see `_GUESSED_MUSCLES`)."""
_GUESSED_MUSCLES = {"middle back": "thoracic-spine"}
_NAME_TARGETS = (
    (re.compile(r"hip flexor|psoas|iliopsoas", re.I), "hip-flexors"),
    (re.compile(r"piriformis", re.I), "piriformis"),
    (re.compile(r"\bit band|iliotibial", re.I), "lateral-thigh"),
    (re.compile(r"groin", re.I), "adductors"),
)
"""Targets free-exercise-db has no muscle for, read from the exercise's name."""
GEAR = {"body only": [], "foam roll": ["foam-roller"], "bands": ["long-band"]}
_GUESSED_GEAR = {"bands": "long-band (it may be a mini-band)", "other": "none listed (its gear is 'other')"}
HIP_MUSCLES = frozenset({"glutes", "abductors", "adductors", "hamstrings", "quadriceps", "lower back", "calves"})
BODY_ONLY_GEAR = frozenset({"body only", "bands", "foam roll", None})
_SIDED = re.compile(r"\b(each (side|leg)|other (side|leg)|one (leg|side|knee|foot)|switch sides|left|right)\b", re.I)
_POSITIONS = (
    (re.compile(r"\b(lie|lying) (on your back|supine|face up)|\bsupine\b", re.I), "supine"),
    (re.compile(r"\b(lie|lying) (on your stomach|face down|prone)|\bprone\b", re.I), "prone"),
    (re.compile(r"\b(lie|lying) on your side\b", re.I), "side-lying"),
    (re.compile(r"\bkneel", re.I), "kneeling"),
    (re.compile(r"\b(sit|seated)\b", re.I), "seated"),
    (re.compile(r"\bstand", re.I), "standing"),
)
_REPEATED = re.compile(r"\b(repeat|repetitions|reps)\b", re.I)
"""A stretch whose steps count repetitions is done for reps, not held."""
LEVELS = {"beginner": "beginner", "intermediate": "intermediate", "expert": "advanced"}
DOSES: dict[str, dict[str, Any]] = {
    "stretch": {"style": "static", "hold": 30, "when": ["post-run", "rest-day"]},
    "dynamic-stretch": {"style": "dynamic", "reps": 10, "when": ["pre-run"]},
    "foam-rolling": {"style": "release", "hold": 45, "when": ["post-run", "rest-day"]},
    "strength": {"style": "strength", "reps": 10, "sets": 2, "rest": 30, "when": ["strength-day"]},
    "plyometrics": {"style": "dynamic", "reps": 8, "sets": 2, "rest": 30, "when": ["pre-run"]},
    "other": {"style": "dynamic", "hold": 60, "when": ["rest-day"]},
}
DOSE_NOTE = "doses: stretches hold 30 s, foam rolling 45 s, strength 2 x 10 reps with 30 s rest, anything else 60 s"


class ImportProblem(ValueError):
    """The file cannot be imported at all; the message is one line."""


@dataclass
class Imported:
    document: dict[str, Any]
    read: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    guesses: list[str] = field(default_factory=list)

    @property
    def kept(self) -> int:
        return len(self.document["moves"])


def parse_exercises(data: bytes) -> list[Any]:
    """The exercises of a free-exercise-db file: a list of them, or one exercise."""
    try:
        value = json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise ImportProblem("the file is not UTF-8 text") from None
    except RecursionError:
        raise ImportProblem("the JSON nests too deeply") from None
    except ValueError as error:
        raise ImportProblem(f"the file is not JSON: {shorten(str(error), 100)}") from None
    exercises = [value] if isinstance(value, dict) else value
    if not isinstance(exercises, list):
        raise ImportProblem(f"expected a list of exercises, found {type(value).__name__}")
    if len(exercises) > MAX_EXERCISES:
        raise ImportProblem(f"the file has {len(exercises)} exercises; at most {MAX_EXERCISES} are imported")
    return exercises


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON allows")


def import_exercises(exercises: list[Any], pack: dict[str, str], keep_all: bool = False) -> Imported:
    """The pack document for `exercises`; `pack` gives the [pack] table's id, name, version, description."""
    result = Imported({"format": 1, "pack": {**pack, **SOURCE}, "moves": []}, read=len(exercises))
    ids: dict[str, int] = {}  # every move id given, and for each, the number its next namesake tries first
    guessed: Counter[str] = Counter()
    for exercise in map(_bounded, exercises):
        reason = _why_not(exercise, keep_all)
        if reason:
            result.skipped[reason] += 1
            continue
        if len(result.document["moves"]) >= MAX_MOVES:
            result.skipped[f"past the {MAX_MOVES} moves a pack holds"] += 1
            continue
        result.document["moves"].append(_move(exercise, ids, guessed))
    result.guesses = [DOSE_NOTE] if result.document["moves"] else []
    ordered = sorted(guessed.items(), key=lambda item: (-item[1], item[0]))
    result.guesses += [f"{what} ({count} move{'s' * (count != 1)})" for what, count in ordered]
    return result


def _bounded(exercise: Any) -> Any:
    """The exercise with each of its lists cut to `MAX_LISTED` items, before anything walks them."""
    if not isinstance(exercise, dict):
        return exercise
    cut = {key: exercise[key][:MAX_LISTED] for key in LISTS if isinstance(exercise.get(key), list)}
    return {**exercise, **cut} if cut else exercise


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _texts(value: Any) -> list[str] | None:
    if value is None:
        return []
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    return None


def _why_not(exercise: Any, keep_all: bool) -> str | None:
    """Why this exercise is skipped, or None."""
    if not isinstance(exercise, dict):
        return "not an object"
    name = _text(exercise.get("name"))
    if name is None or not clean_text(name):
        return "no name"
    for key in ("primaryMuscles", "secondaryMuscles", "instructions", "alternateNames"):
        if _texts(exercise.get(key)) is None:
            return f"'{key}' is not a list of text"
    for key in ("category", "equipment", "level", "force", "mechanic"):
        if exercise.get(key) is not None and _text(exercise.get(key)) is None:
            return f"'{key}' is not text"
    if not any(clean_text(step) for step in exercise.get("instructions") or []):
        return "no instructions"
    if keep_all:
        return None
    category, gear = exercise.get("category"), exercise.get("equipment")
    if category == "stretching" or gear == "foam roll":
        return None
    if category != "strength":
        return f"category {shorten(category, 30)}" if category else "no category"
    if gear not in BODY_ONLY_GEAR:
        return "strength with gym equipment"
    if not HIP_MUSCLES & set(exercise.get("primaryMuscles") or []):
        return "strength not for the hips and legs"
    return None


def _slug(text: str) -> str:
    """Lowercase letters, digits and '-', or "" when `text` has none."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")


def _move(exercise: dict[str, Any], ids: dict[str, int], guessed: Counter[str]) -> dict[str, Any]:
    name = clean_text(exercise["name"])[:MAX_NAME].strip()
    source_id = _text(exercise.get("id"))
    base = _slug(name) or _slug(clean_text(source_id or "")[:MAX_NAME]) or "move"
    move_id, number = base, ids.get(base, 1)
    while move_id in ids:
        number += 1
        move_id = f"{base[:56]}-{number}"
    ids[base] = number  # the next move named so starts counting here, not at 2
    ids.setdefault(move_id, 1)
    guesses: set[str] = set()  # what was guessed for this move, each once however many muscles led to it
    kind = _kind(exercise.get("category"), exercise.get("equipment"))
    steps = [clean_text(step)[:MAX_TEXT] for step in exercise["instructions"] if clean_text(step)]
    if len(steps) > MAX_STEPS:
        guesses.add(f"steps past {MAX_STEPS} dropped")
    text = " ".join([name, *steps])
    move: dict[str, Any] = {"id": move_id, "name": name or move_id}
    gear = exercise.get("equipment")
    move["category"] = (
        "stretch"
        if kind.endswith("stretch")
        else "foam-rolling"
        if kind == "foam-rolling"
        else "banded-strength"
        if gear == "bands"
        else "mobility"
    )
    if kind == "stretch" and _REPEATED.search(text):
        kind = "dynamic-stretch"
        guesses.add("a stretch done for 10 reps, not held, as its steps count repetitions")
    dose = dict(DOSES[kind])
    move["style"] = dose.pop("style")
    if position := next((slug for pattern, slug in _POSITIONS if pattern.search(text)), None):
        move["position"] = position
        guesses.add("position read from the steps")
    move["targets"] = _targets(exercise, name, guesses)
    move["equipment"] = _gear(gear, guesses)
    if level := LEVELS.get(str(exercise.get("level"))):
        move["level"] = level
    move["when"] = dose.pop("when")
    if _SIDED.search(text):
        move["per_side"] = True
        guesses.add("per_side from words such as 'each side' or 'left'")
    move |= dose
    move["steps"] = steps[:MAX_STEPS]
    aliases = [clean_text(alias)[:MAX_NAME] for alias in exercise.get("alternateNames") or []]
    if aliases := [alias for alias in aliases if alias][:MAX_ALIASES]:
        move["aliases"] = aliases
    guessed.update(guesses)
    return move


def _kind(category: str | None, gear: str | None) -> str:
    if gear == "foam roll":
        return "foam-rolling"
    if category == "stretching":
        return "stretch"
    if category in ("strength", "powerlifting", "olympic weightlifting", "strongman"):
        return "strength"
    return "plyometrics" if category == "plyometrics" else "other"


def _targets(exercise: dict[str, Any], name: str, guesses: set[str]) -> list[str]:
    targets: dict[str, None] = {}  # ordered, and a repeat costs one look-up
    for muscle in [*(exercise.get("primaryMuscles") or []), *(exercise.get("secondaryMuscles") or [])]:
        if len(targets) == MAX_TARGETS:
            break
        muscle = clean_text(muscle[:MAX_NAME]).lower()
        if muscle in MUSCLES:
            target = MUSCLES[muscle]
        elif muscle in _GUESSED_MUSCLES:
            target = _GUESSED_MUSCLES[muscle]
            guesses.add(f"muscle {muscle!r} taken as {target!r}")
        else:
            target = _slug(muscle)[:40].strip("-")
            if not target:
                continue
            if target not in TARGETS and target not in targets:
                guesses.add(f"muscle {shorten(muscle, 30)!r} kept as its own tag (not one of hiptui's targets)")
        targets[target] = None
    for pattern, target in _NAME_TARGETS:
        if len(targets) < MAX_TARGETS and pattern.search(name) and target not in targets:
            targets[target] = None
            guesses.add(f"target {target!r} read from the name")
    return list(targets)


def _gear(gear: Any, guesses: set[str]) -> list[str]:
    if gear is None:
        return []
    if gear in _GUESSED_GEAR:
        guesses.add(f"equipment {gear!r} taken as {_GUESSED_GEAR[gear]}")
    if gear in GEAR:
        return list(GEAR[gear])
    if gear == "other":
        return []
    slug = _slug(clean_text(gear[:MAX_NAME]))[:40].strip("-")
    if not slug:
        return []
    if slug not in EQUIPMENT:
        guesses.add(f"equipment {shorten(gear, 30)!r} kept as its own tag (not hiptui's gear)")
    return [slug]
