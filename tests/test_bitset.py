from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hiptui.base import bitset

indexes = st.integers(min_value=1, max_value=300).flatmap(
    lambda size: st.tuples(st.just(size), st.lists(st.integers(min_value=0, max_value=size - 1)))
)


@given(indexes)
def test_members_lists_each_index_once_in_order(case) -> None:
    size, chosen = case
    items = [f"item {i}" for i in range(size)]
    assert bitset.members(bitset.of(chosen, size), items) == [items[i] for i in sorted(set(chosen))]


@given(indexes, indexes)
def test_set_operations_are_int_operations(first, second) -> None:
    size = min(first[0], second[0])
    a = {i for i in first[1] if i < size}
    b = {i for i in second[1] if i < size}
    bits_a, bits_b = bitset.of(a, size), bitset.of(b, size)
    everything = range(size)
    assert bitset.members(bits_a | bits_b, everything) == sorted(a | b)
    assert bitset.members(bits_a & bits_b, everything) == sorted(a & b)
    assert bitset.members(bits_a & ~bits_b, everything) == sorted(a - b)


def test_the_empty_set_and_no_items() -> None:
    assert bitset.of([], 0) == 0
    assert bitset.members(0, []) == []
    assert bitset.flags(bitset.of([0, 2], 3), 3) == b"\1\0\1"
