"""The Workspace on its own: the one owner of the queue, routines and totals, with no screen."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from hiptui.tui.keys import BUILDER
from hiptui.tui.screens.timer import TIMER
from hiptui.workspace import Workspace, WorkspaceError


@pytest.fixture
def workspace(hiptui_home: Path) -> Workspace:
    return Workspace.open(hiptui_home, entry_points=[])


def test_a_swap_puts_in_the_harder_move_keeps_what_fits_and_can_be_undone(workspace: Workspace) -> None:
    move = next(m for m in workspace.catalog.all_moves() if workspace.catalog.progressions(m)[1])
    harder = workspace.catalog.progressions(move)[1][0]
    workspace.add([move])
    workspace.set_dose(0, dataclasses.replace(move.dose, sets=3))
    assert workspace.swap(0, "harder") is harder
    assert workspace.queue[0].move is harder and workspace.queue[0].dose.sets == 3
    assert workspace.undo() == f"swap {move.name} for {harder.name}"
    assert workspace.queue[0].move is move
    assert [e.move for e in workspace.queue_store.load().entries] == [move.gid], "saved after the undo"


def test_a_move_with_no_variation_is_left_alone(workspace: Workspace) -> None:
    move = next(m for m in workspace.catalog.all_moves() if not workspace.catalog.progressions(m)[0])
    workspace.add([move])
    assert workspace.swap(0, "easier") is None and workspace.queue[0].move is move
    assert workspace.swap(5, "easier") is None


def test_one_rule_finds_a_routine(workspace: Workspace) -> None:
    assert workspace.find_routine("mobility/pre-run-warm-up").gid == "mobility/pre-run-warm-up"
    assert workspace.find_routine("pre-run-warm-up").gid == "mobility/pre-run-warm-up"
    with pytest.raises(WorkspaceError, match="did you mean 'pre-run-warm-up'"):
        workspace.find_routine("pre-run-warmup")
    with pytest.raises(WorkspaceError, match="no routine 'x'") as raised:
        workspace.find_routine("x\x1b[2J")
    assert "\x1b" not in str(raised.value), "what a user typed is cleaned before it is echoed"


def test_the_queue_comes_back_with_its_origin(hiptui_home: Path, workspace: Workspace) -> None:
    routine = workspace.find_routine("mobility/pre-run-warm-up")
    workspace.load(routine.items, routine.gid, replace=True)
    again = Workspace.open(hiptui_home, entry_points=[])
    assert again.queue.origin == routine.gid and len(again.queue) == len(routine.items)
    assert not again.queue.can_undo, "a restored queue is not a change to undo"


def test_every_key_has_an_id_of_its_own() -> None:
    ids = [binding.id for binding in [*BUILDER, *TIMER]]
    assert all(ids) and len(ids) == len(set(ids))


def test_closing_the_workspace_records_the_session_under_way_to_the_second(hiptui_home: Path, clock) -> None:
    """However the app ends (a browser tab closed, a signal), its screens may be gone by then: the
    workspace, which made the session, stops it where it is."""
    workspace = Workspace.open(hiptui_home, entry_points=[])
    workspace.add([workspace.catalog.moves["yoga/pigeon"]])
    session = workspace.new_session(clock=clock)
    session.start()
    clock.advance(10 + 13.0)
    session.update()
    workspace.close()
    (record,) = Workspace.open(hiptui_home, entry_points=[]).history.sessions()
    assert record.status == "stopped" and record.done_seconds == pytest.approx(23.0)


def test_the_catalogue_a_worker_built_is_the_one_used_and_a_toggle_builds_another(hiptui_home: Path) -> None:
    workspace = Workspace(hiptui_home)
    library = workspace.load_library(entry_points=[])  # as the app's worker does, off the event loop
    built = library.catalog(workspace.settings.disabled_packs)
    workspace.use_library(library)
    assert workspace.catalog is built
    assert workspace.toggle_pack("yoga") is False
    assert workspace.catalog is not built and not any(m.pack_id == "yoga" for m in workspace.catalog.all_moves())
    assert workspace.toggle_pack("yoga") is True
    assert any(m.pack_id == "yoga" for m in workspace.catalog.all_moves())
    workspace.close()


def test_closing_writes_the_cache_entries_of_packs_parsed_and_not_yet_written(hiptui_home: Path) -> None:
    workspace = Workspace(hiptui_home)
    workspace.use_library(workspace.load_library(entry_points=[]))
    cache = hiptui_home / "cache"
    assert not cache.exists() or not any(cache.iterdir())
    workspace.close()
    assert any(cache.iterdir())


def test_the_history_is_opened_at_its_first_use_and_not_after_close(hiptui_home: Path) -> None:
    workspace = Workspace.open(hiptui_home, entry_points=[])
    assert not (hiptui_home / "history.sqlite3").exists(), "listing moves or restoring the queue needs no history"
    history = workspace.history
    assert history is not None and workspace.history is history
    assert (hiptui_home / "history.sqlite3").exists()
    workspace.close()
    assert workspace.history is None, "a closed workspace does not open its history again"


def test_a_history_that_cannot_open_is_told_at_its_first_use(hiptui_home: Path) -> None:
    (hiptui_home / "history.sqlite3").mkdir()
    workspace = Workspace.open(hiptui_home, entry_points=[])
    assert workspace.take_notices() == []
    assert workspace.history is None
    (notice,) = workspace.take_notices()
    assert notice.startswith("History is off:") and "not a regular file" in notice
