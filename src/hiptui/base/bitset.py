"""Sets of indexes into one sequence of `size` items, held as a Python int with a bit per item.

Union, intersection and difference are then single operations in C over size / 8 bytes, where sets of
thousands of ints cost a hash per member. Item i is bit `size - 1 - i`, so the int's binary digits,
read left to right, flag the items in order: listing the members is one pass in C as well.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import compress
from typing import TypeVar

T = TypeVar("T")
_AS_FLAGS = bytes.maketrans(b"01", b"\0\1")


def of(indexes: Iterable[int], size: int) -> int:
    """The set of `indexes` (each below `size`)."""
    digits = bytearray(b"0") * size
    for index in indexes:
        digits[index] = 49  # "1"
    return int(digits, 2) if size else 0


def flags(bits: int, size: int) -> bytes:
    """One byte per item, 1 for members and 0 for the rest: selectors for `itertools.compress`."""
    return format(bits, f"0{size}b").encode("ascii").translate(_AS_FLAGS)


def members(bits: int, items: Sequence[T]) -> list[T]:
    """The items in the set, in their order."""
    return list(compress(items, flags(bits, len(items)))) if bits else []
