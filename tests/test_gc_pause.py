"""Loading a library pauses the cycle collector; the app also has what was built frozen afterwards."""

from __future__ import annotations

import gc

import pytest

import hiptui.base.gc_pause
from hiptui.base.gc_pause import gc_paused, keep_what_is_built


@pytest.fixture
def restore_the_collector():
    yield
    hiptui.base.gc_pause._freeze_what_is_built = False
    gc.unfreeze()
    gc.enable()


def test_no_collection_inside_the_block_and_the_collector_back_on_after(restore_the_collector):
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_block_leaves_the_collector_off_when_it_was_off(restore_the_collector):
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()


def test_what_a_block_built_is_frozen_only_once_the_process_keeps_it(restore_the_collector):
    frozen = gc.get_freeze_count()
    with gc_paused():
        first = [[n] for n in range(1000)]
    assert gc.get_freeze_count() == frozen  # tests and commands: collected as usual

    keep_what_is_built()
    with gc_paused():
        second = [[n] for n in range(1000)]
    assert gc.get_freeze_count() >= frozen + len(second)  # out of every later pass
    assert len(first) == len(second)
