"""Write N pack files of M moves each: valid format 1 packs with varied, searchable content.

    python benchmarks/generate.py --packs 100 --moves 100 --out /tmp/hiptui-bench/packs

The output is deterministic for a given --seed. Names, aliases (some Sanskrit, some accented),
targets, equipment, positions and text lengths are drawn from vocabularies shaped like the
built-in packs, so search, validation and rendering do realistic work (about 1 KB per move, like
packs/mobility.toml). Every file validates: `hiptui pack validate DIR` prints one "ok" line each.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

import tomli_w

CATEGORIES = ("mobility", "yoga", "stretch", "foam-rolling", "banded-strength")
STYLES = {
    "mobility": ("dynamic", "dynamic", "static"),
    "yoga": ("static", "static", "dynamic"),
    "stretch": ("static",),
    "foam-rolling": ("release",),
    "banded-strength": ("strength",),
}
WHEN = ("pre-run", "post-run", "rest-day", "strength-day")
LEVELS = ("beginner", "intermediate", "advanced")
POSITIONS = ("standing", "supine", "seated", "side-lying", "quadruped", "kneeling", "prone", "plank", "lunge", "squat")
TARGETS = (
    "hip-flexors",
    "quads",
    "glutes",
    "glute-medius",
    "abductors",
    "adductors",
    "hamstrings",
    "piriformis",
    "external-rotators",
    "internal-rotators",
    "deep-rotators",
    "hip-capsule",
    "tfl",
    "lateral-thigh",
    "low-back",
    "obliques",
    "core",
    "thoracic-spine",
    "calves",
    "feet",
    "balance",
    "psoas",
    "it-band",
)
EQUIPMENT = {
    "mobility": ((), (), ("wall",), ("chair",)),
    "yoga": ((), (), ("block",), ("strap",), ("mat",)),
    "stretch": ((), ("wall",), ("strap",), ("step",)),
    "foam-rolling": (("foam-roller",), ("foam-roller",), ("massage-ball",), ("lacrosse-ball",)),
    "banded-strength": (("mini-band",), ("mini-band",), ("long-band",), ("long-band", "anchor")),
}
BASES = {
    "mobility": (
        "Hip Circle",
        "Leg Swing",
        "90/90 Switch",
        "Hip Airplane",
        "Fire Hydrant",
        "Knee Hug",
        "Hurdle Step-Over",
        "Adductor Rock-Back",
        "Spiderman Lunge",
        "World's Greatest Stretch",
        "Cossack Squat",
        "Frog Rock",
        "Hip CARs",
        "Knee Roll-Out",
        "Foot Slide",
        "Hip Roll",
        "Deep Squat Pry",
        "Pigeon Lift-Off",
    ),
    "yoga": (
        "Pigeon",
        "Lizard",
        "Low Lunge",
        "Warrior II",
        "Warrior I",
        "Triangle",
        "Half Moon",
        "Garland Squat",
        "Bound Angle",
        "Happy Baby",
        "Child's Pose",
        "Reclined Twist",
        "Cow Face",
        "Bridge",
        "Wide-Legged Fold",
        "Half Splits",
        "Eye of the Needle",
        "Goddess",
    ),
    "stretch": (
        "Couch Stretch",
        "Kneeling Hip Flexor Stretch",
        "Standing Quad Stretch",
        "Hamstring Stretch",
        "Figure-Four Stretch",
        "Butterfly Stretch",
        "IT Band Stretch",
        "Calf Stretch",
        "Piriformis Stretch",
        "Adductor Stretch",
        "Thomas Stretch",
        "Psoas Stretch",
        "Straddle Stretch",
        "Glute Stretch",
    ),
    "foam-rolling": (
        "Quad Roll",
        "Hip Flexor Roll",
        "Glute Roll",
        "IT Band Roll",
        "Adductor Roll",
        "Hamstring Roll",
        "Calf Roll",
        "TFL Release",
        "Piriformis Release",
        "Upper Back Roll",
        "Foot Release",
        "Lateral Thigh Roll",
    ),
    "banded-strength": (
        "Lateral Band Walk",
        "Monster Walk",
        "Clamshell",
        "Glute Bridge",
        "Banded Squat",
        "Hip Thrust",
        "Standing Hip Abduction",
        "Kickback",
        "Side-Lying Leg Raise",
        "Banded Deadbug",
        "Single-Leg Bridge",
        "Hip Hike",
        "Copenhagen Plank",
        "Banded March",
        "Pallof Press",
    ),
}
MODIFIERS = (
    "",
    "",
    "",
    "Supported",
    "Elevated",
    "Reverse",
    "Half",
    "Deep",
    "Twisting",
    "Single-Leg",
    "Pulsing",
    "Slow",
    "Tempo",
    "Wall-Assisted",
    "Rotating",
    "Reaching",
    "Active",
    "Kneeling",
    "Standing",
    "Seated",
    "Supine",
    "Side-Lying",
    "Weighted",
    "Isometric",
    "Long-Lever",
    "Short-Lever",
)
SUFFIXES = ("", "", "", "", "with Reach", "with Twist", "Hold", "Pulses", "Flow", "Variation", "on a Step", "to Stand")
ALIASES = (
    "eka pada rajakapotasana",
    "anjaneyasana",
    "utthan pristhasana",
    "baddha konasana",
    "malasana",
    "ardha hanumanasana",
    "supta baddha konasana",
    "gomukhasana",
    "parsvottanasana",
    "upavistha konasana",
    "virabhadrasana",
    "trikonasana",
    "ardha chandrasana",
    "ananda balasana",
    "balasana",
    "setu bandhasana",
    "pose du pigeon",
    "étirement du psoas",
    "fente basse",
    "pont fessier",
    "Taubenhaltung",
    "Hüftbeuger-Dehnung",
    "estiramiento de cuádriceps",
    "sentadilla búlgara",
    "clam shell",
    "runner's lunge",
    "sleeper stretch",
    "hip opener",
    "glute activation",
    "band walk",
    "crab walk",
    "couch",
    "sofa stretch",
    "frog",
    "lizard lunge",
    "90-90",
    "shin box",
    "hip switch",
    "fire hydrant",
    "donkey kick",
    "dead bug",
    "bird dog",
    "hip hinge",
)
STEP_STARTS = (
    "Start {position}, with your weight spread evenly and your spine long.",
    "Set up {position} and find a steady base before you move.",
    "Begin {position}, hands where they feel supported.",
)
STEP_MIDDLES = (
    "Move slowly into the {target} until you feel a clear but comfortable stretch.",
    "Drive through the heel and squeeze the {target} without arching the low back.",
    "Keep the pelvis square and let the {target} lengthen on each breath out.",
    "Press the knee gently outward to load the {target}, keeping the foot flat.",
    "Roll slowly along the {target}, pausing for two breaths on any tender spot.",
    "Reach the opposite arm overhead and lean a little further into the {target}.",
    "Hold the end range and brace the core so the movement comes from the hip.",
    "Return to the start with control, then repeat on the same side.",
)
CUES = (
    "Breathe slowly through the nose.",
    "Keep the ribs down and the neck relaxed.",
    "Stop short of pain; a stretch should feel like tension, not a pinch.",
    "Move at a steady tempo.",
    "Squeeze the back glute to open the front of the hip.",
    "Keep the knee tracking over the second toe.",
    "Let the floor take your weight; relax the shoulders.",
    "Go a little deeper on each breath out.",
)
CAUTIONS = (
    "Skip this if you feel a pinch at the front of the hip.",
    "Keep the load light if your knee is sore.",
    "Avoid rolling directly over the bone or the side of the knee.",
    "Ease off if you feel it in the low back.",
)
THEMES = (
    "Trail Runner",
    "Track Day",
    "Marathon Build",
    "Desk Reset",
    "Recovery",
    "Strength Basics",
    "Hip Opener",
    "Morning Flow",
    "Evening Unwind",
    "Speed Prep",
    "Hill Repeats",
    "Long Run",
)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:63].rstrip("-") or "move"


def make_move(rng: random.Random, pack_index: int, move_index: int, used_ids: set[str]) -> dict[str, object]:
    category = rng.choice(CATEGORIES)
    base = rng.choice(BASES[category])
    modifier = rng.choice(MODIFIERS)
    suffix = rng.choice(SUFFIXES)
    name = " ".join(part for part in (modifier, base, suffix) if part)
    ident = slug(name)
    if ident in used_ids:
        ident = f"{ident[:56]}-{move_index}"
        name = f"{name} {move_index}"[:80]
    used_ids.add(ident)
    position = rng.choice(POSITIONS)
    targets = rng.sample(TARGETS, rng.randint(1, 4))
    move: dict[str, object] = {
        "id": ident,
        "name": name,
        "category": category,
        "style": rng.choice(STYLES[category]),
        "position": position,
        "targets": targets,
        "equipment": list(rng.choice(EQUIPMENT[category])),
        "level": rng.choice(LEVELS),
        "when": rng.sample(WHEN, rng.randint(1, 2)),
        "per_side": rng.random() < 0.6,
    }
    if category in ("banded-strength",) or (category == "mobility" and rng.random() < 0.5):
        move["reps"] = rng.choice((6, 8, 10, 12, 15))
        if rng.random() < 0.5:
            move["rep_seconds"] = rng.choice((2, 3, 4, 6, 8))
    else:
        move["hold"] = rng.choice((20, 30, 45, 60, 90, "1m30s", "2m"))
    move["sets"] = rng.choice((1, 1, 1, 2, 3))
    if move["sets"] != 1:
        move["rest"] = rng.choice((10, 15, 20, 30))
    readable = position.replace("-", " ")
    steps = [rng.choice(STEP_STARTS).format(position=readable)]
    steps += [
        line.format(target=rng.choice(targets).replace("-", " "))
        for line in rng.sample(STEP_MIDDLES, rng.randint(2, 4))
    ]
    move["steps"] = steps
    move["cues"] = rng.sample(CUES, rng.randint(1, 3))
    if rng.random() < 0.4:
        move["cautions"] = [rng.choice(CAUTIONS)]
    move["aliases"] = rng.sample(ALIASES, rng.randint(0, 3))
    return move


def make_pack(rng: random.Random, index: int, moves: int, previous: str | None = None) -> dict[str, object]:
    """One pack document; `previous` is a "pack/move" of the pack before, for a cross-pack routine entry."""
    theme = THEMES[index % len(THEMES)]
    pack_id = f"bench-{index:03d}"
    used: set[str] = set()
    move_list = [make_move(rng, index, m, used) for m in range(moves)]
    document: dict[str, object] = {
        "format": 1,
        "pack": {
            "id": pack_id,
            "name": f"{theme} Pack {index}",
            "version": "1.0.0",
            "description": f"Generated benchmark pack {index}: {moves} moves for a {theme.lower()} block.",
            "author": "hiptui benchmarks",
            "license": "CC0-1.0",
        },
        "moves": move_list,
    }
    if move_list:
        routines = []
        for number in range(min(2, len(move_list))):
            chosen = rng.sample(move_list, min(5, len(move_list)))
            entries: list[object] = [str(move["id"]) for move in chosen]
            entries[0] = {"move": entries[0], "sets": 2}
            if previous:
                entries.append(previous)
            routines.append(
                {
                    "id": f"{theme.lower().replace(' ', '-')}-{number + 1}",
                    "name": f"{theme} Routine {number + 1}",
                    "description": "A generated routine.",
                    "when": [rng.choice(WHEN)],
                    "moves": entries,
                }
            )
        document["routines"] = routines
    return document


def generate(out: Path, packs: int, moves: int, seed: int = 6) -> list[Path]:
    if not 1 <= moves <= 5000:
        raise SystemExit("--moves must be between 1 and 5000 (a pack holds at most 5,000 moves)")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    previous: str | None = None
    for index in range(packs):
        rng = random.Random(f"{seed}:{index}")
        document = make_pack(rng, index, moves, previous)
        previous = f"bench-{index:03d}/{document['moves'][0]['id']}"  # type: ignore[index]
        path = out / f"bench-{index:03d}.toml"
        path.write_text(tomli_w.dumps(document, multiline_strings=False), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--packs", type=int, default=100, help="number of pack files (default 100)")
    parser.add_argument("--moves", type=int, default=100, help="moves per pack (default 100)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into (created if missing)")
    parser.add_argument("--seed", type=int, default=6, help="random seed (default 6)")
    args = parser.parse_args(argv)
    paths = generate(args.out, args.packs, args.moves, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(
        f"wrote {len(paths)} packs x {args.moves} moves = {len(paths) * args.moves} moves, "
        f"{size / 1024 / 1024:.1f} MiB, in {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
