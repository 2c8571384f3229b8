"""A moving figure's frames in time: one cycle of key poses per rep, a few frames a second."""

from __future__ import annotations

import math
from dataclasses import dataclass

FRAMES_PER_SECOND = 4
"""Enough to read the movement; few enough that a timer on a laptop's battery hardly wakes."""
_EPSILON = 1e-9


@dataclass(frozen=True)
class Frame:
    phase: float
    """Where in the cycle of key poses, from 0 to 1, on a grid of whole frames (so frames repeat exactly)."""
    frame_seconds: float
    """How long this frame (and every frame of the move) lasts."""


def figure_motion(elapsed: float, rep_seconds: float) -> Frame:
    """The frame `elapsed` seconds into rep-based work at `rep_seconds` a rep."""
    frames = max(2, round(rep_seconds * FRAMES_PER_SECOND))
    frame_seconds = rep_seconds / frames
    index = math.floor(max(0.0, elapsed) / frame_seconds + _EPSILON)
    return Frame((index % frames) / frames, frame_seconds)
