"""The pack format's vocabulary, importable without pydantic (the command line needs it to start fast)."""

from __future__ import annotations

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}$"
REF_PATTERN = r"^(?:[a-z0-9][a-z0-9-]{0,62}/)?[a-z0-9][a-z0-9-]{0,62}$"
KNOWN_CATEGORIES = ("mobility", "yoga", "stretch", "foam-rolling", "banded-strength")
KNOWN_WHEN = ("pre-run", "post-run", "rest-day", "strength-day")
LEVELS = ("beginner", "intermediate", "advanced")
HOUSEHOLD = frozenset({"wall", "chair"})
"""Gear every plan assumes is at hand."""

# The shared vocabulary of tags. Packs may use others, but these are what the planner, the history's
# balance chart and search synonyms understand, and what the built-in packs keep to.
TARGETS = (
    "hip-flexors",
    "quads",
    "glutes",
    "glute-medius",
    "deep-rotators",
    "piriformis",
    "external-rotators",
    "internal-rotators",
    "hip-capsule",
    "adductors",
    "abductors",
    "hamstrings",
    "calves",
    "lateral-thigh",
    "tfl",
    "low-back",
    "core",
    "obliques",
    "thoracic-spine",
    "balance",
    "feet",
)
EQUIPMENT = (
    "wall",
    "chair",
    "bench",
    "bed",
    "step",
    "foam-roller",
    "massage-ball",
    "mini-band",
    "long-band",
    "balance-board",
    "slider",
    "strap",
    "block",
    "desk",
    "doorway",
)
POSITIONS = (
    "standing",
    "seated",
    "supine",
    "prone",
    "side-lying",
    "quadruped",
    "kneeling",
    "lunge",
    "squat",
    "plank",
    "floor",
)
