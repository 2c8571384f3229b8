"""The pack format's vocabulary, importable without pydantic (the command line needs it to start fast)."""

from __future__ import annotations

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}$"
REF_PATTERN = r"^(?:[a-z0-9][a-z0-9-]{0,62}/)?[a-z0-9][a-z0-9-]{0,62}$"
KNOWN_CATEGORIES = ("mobility", "yoga", "stretch", "foam-rolling", "banded-strength")
KNOWN_WHEN = ("pre-run", "post-run", "rest-day", "strength-day")
STYLES = ("dynamic", "static", "strength", "release")
LEVELS = ("beginner", "intermediate", "advanced")
HOUSEHOLD = frozenset({"wall", "chair"})
"""Gear every plan assumes is at hand."""
