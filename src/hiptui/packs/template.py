"""The commented pack template written by `hiptui pack new`."""

from __future__ import annotations

SCHEMA_FILE = "hiptui-pack.schema.json"
"""Written beside the template; its first line points editors (Taplo, Tombi) to it, relative to the pack."""

TEMPLATE = """\
#:schema ./{schema_file}
# A hiptui content pack. Check it with:  hiptui pack validate {id}.toml
# Install it with:                       hiptui pack install {id}.toml
format = 1                              # the pack format version; only 1 exists

[pack]
id = "{id}"                             # unique slug: lowercase letters, digits and '-'
name = "{name}"                         # shown in the app, 1-80 characters
version = "0.1.0"                       # your pack's version
description = "What this pack is for."  # optional, one or two sentences
author = ""                             # optional: you
license = "CC-BY-4.0"                   # optional: how others may reuse it
homepage = ""                           # optional: where it lives

[[moves]]
id = "half-kneeling-hip-flexor"         # slug, unique in this pack; elsewhere "{id}/half-kneeling-hip-flexor"
name = "Half-Kneeling Hip Flexor Stretch"   # 1-80 characters
category = "stretch"                    # mobility, yoga, stretch, foam-rolling or banded-strength
style = "static"                        # dynamic, static, strength or release
position = "kneeling"                   # a slug: standing, seated, supine, kneeling, ...
targets = ["hip-flexors", "quads"]      # slugs of what it works
equipment = []                          # slugs of the gear it needs; empty means none
level = "beginner"                      # beginner, intermediate or advanced
when = ["post-run", "rest-day"]         # pre-run, post-run, rest-day, strength-day
per_side = true                         # done on the left, then on the right
hold = "40s"                            # seconds (40, "40s", "1m30s"); give hold OR reps
sets = 1                                # 1-20
rest = 0                                # seconds between sets
steps = [                               # 1-20 short steps, in order
  "Kneel on one knee with the other foot flat in front.",
  "Tuck your tail under and shift your hips forward until the front of the hip stretches.",
]
cues = ["Squeeze the glute of the kneeling leg."]           # optional tips
cautions = ["Put a cushion under the knee on a hard floor."]  # optional; add one when a joint is loaded
aliases = ["kneeling lunge stretch"]    # optional other names; searchable
why = "Opens the front of the hip after hours of sitting or a long run."   # optional, one line
feel = "The front of the kneeling hip and thigh."                           # optional, one line
easier = ["mobility/thomas-stretch"]    # optional progressions: "move-id" or "pack-id/move-id"
harder = ["mobility/couch-stretch"]     # optional, as easier

[moves.figure]                          # optional: how the move looks ("Figures" in CONTRIBUTING.md)
view = "side"                           # side, front or three-quarter
props = []                              # e.g. ["wall"], or [{{ prop = "foam-roller", at = "back" }}]
poses = [                               # 1-8 key poses: a base posture and the angles (degrees) that differ
  {{ base = "half-kneeling" }},
  {{ base = "half-kneeling", hip = 60, knee = 100, other_hip = -30, trunk = -5 }},
]
motion = "back-and-forth"               # back-and-forth or loop: how a rep moves through the poses
hold_pose = 2                           # the pose a hold shows, counting from 1 (default: the last)

[[moves]]
id = "side-lying-leg-raise"
name = "Side-Lying Leg Raise"
category = "mobility"
style = "strength"
position = "side-lying"
targets = ["abductors", "glute-medius"]
equipment = []
level = "beginner"
when = ["strength-day"]
per_side = true
reps = 12                               # reps per set (per side); give reps OR hold
rep_seconds = 3                         # seconds one rep takes (default 3)
sets = 2
rest = "20s"
steps = [
  "Lie on your side with your legs straight and stacked.",
  "Lift the top leg a little behind your body, then lower it slowly.",
]
cues = ["Lead with the heel, toes facing forward."]

[[routines]]
id = "evening-reset"                    # slug, unique in this pack
name = "Evening Reset"                  # shown in the routine picker
description = "A short reset after a day at a desk."
when = ["rest-day"]
moves = [                               # "move-id", "pack-id/move-id", or a table with a dose override
  "half-kneeling-hip-flexor",
  {{ move = "side-lying-leg-raise", reps = 10, sets = 1 }},
]
"""


def render_template(pack_id: str) -> str:
    name = pack_id.replace("-", " ").title()[:80]
    return TEMPLATE.format(id=pack_id, name=name, schema_file=SCHEMA_FILE)
