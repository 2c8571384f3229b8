"""Small builders for tests: packs as text, catalogues from them."""

from __future__ import annotations

from hiptui.catalog.catalog import Catalog
from hiptui.packs.loader import load_pack_text
from hiptui.packs.plain import Pack


class FakeClock:
    """A monotonic clock that moves only when a test says so."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def pack_toml(pack_id: str = "demo", moves: str = "", routines: str = "") -> str:
    return f'[pack]\nid = "{pack_id}"\nname = "Demo {pack_id}"\nversion = "1.0"\n{moves}\n{routines}'


def move_toml(move_id: str, dose: str = "hold = 30", **fields: str) -> str:
    name = fields.pop("name", None) or f'"{move_id.replace("-", " ").title()}"'
    extra = "".join(f"{key} = {value}\n" for key, value in fields.items())
    return f'[[moves]]\nid = "{move_id}"\nname = {name}\ncategory = "mobility"\n{dose}\nsteps = ["Do it."]\n{extra}'


def load_pack(text: str) -> Pack:
    result = load_pack_text(text, "test.toml")
    assert result.pack is not None, [str(p) for p in result.problems]
    return result.pack.to_plain()


def catalog_of(*texts: str) -> Catalog:
    return Catalog([load_pack(text) for text in texts])
