"""Whether a running session's process still lives: it holds an advisory lock that dies with it.

A process id cannot tell (it is reused, and in a container hiptui is often PID 1); a `flock` is
released by the kernel the moment its holder exits, however it exits. Each session under way has
its own lock file, named by its id, locked by the process writing it. Where `fcntl` is missing
(Windows) no lock is taken and every session left running counts as interrupted.
"""

from __future__ import annotations

import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class SessionLocks:
    """The lock files of one history: `<history>.running/<session id>.lock`."""

    def __init__(self, history_path: Path) -> None:
        self.folder = history_path.with_name(history_path.name + ".running")
        self._held: dict[int, int] = {}

    def _path(self, session_id: int) -> Path:
        return self.folder / f"{session_id}.lock"

    def hold(self, session_id: int) -> None:
        """Lock the file of a session this process writes (OSError if the folder cannot be written)."""
        if fcntl is None:
            return
        self.folder.mkdir(exist_ok=True)
        descriptor = os.open(self._path(session_id), os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(descriptor)
            raise
        self._held[session_id] = descriptor

    def release(self, session_id: int) -> None:
        descriptor = self._held.pop(session_id, None)
        if descriptor is None:
            return
        self._path(session_id).unlink(missing_ok=True)
        os.close(descriptor)

    def release_all(self) -> None:
        for session_id in list(self._held):
            self.release(session_id)

    def alive(self, session_id: int) -> bool:
        """Whether some process (this one included) holds the session's lock."""
        if fcntl is None:
            return False
        if session_id in self._held:
            return True
        try:
            descriptor = os.open(self._path(session_id), os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
        except OSError:
            return False  # no lock file: its process ended, or it came from a hiptui before locks
        try:
            fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        except OSError:
            return False
        finally:
            os.close(descriptor)
        return False

    def forget(self, session_id: int) -> None:
        """Remove the lock file of a session found dead and closed."""
        try:
            self._path(session_id).unlink(missing_ok=True)
        except OSError:
            pass
