"""Figures of moves: a simple human in key poses, moved between them and drawn in braille dots.

Pure Python and plain data: packs build a `Figure`; the app and the command line `draw` it.
"""

from hiptui.figure.draw import draw
from hiptui.figure.motion import phase_of_pose, pose_at
from hiptui.figure.pose import ANGLES, BASES, Pose, make_pose
from hiptui.figure.spec import MAX_POSES, MOTIONS, POINTS, PROPS, VIEWS, Figure, Motion, Prop, Side, View

__all__ = [
    "ANGLES",
    "BASES",
    "MAX_POSES",
    "MOTIONS",
    "POINTS",
    "PROPS",
    "VIEWS",
    "Figure",
    "Motion",
    "Pose",
    "Prop",
    "Side",
    "View",
    "draw",
    "make_pose",
    "phase_of_pose",
    "pose_at",
]
