"""Reading a file that may be anything a path can name: only a regular file is read, and never past a limit.

A FIFO would block `open()` and `read()` for good, and /dev/zero would never end, so the file is opened
without blocking, checked with fstat before a byte is read, and read at most `limit` + 1 bytes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_CHUNK = 1 << 20
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class NotARegularFile(OSError):
    """The path names a folder, a FIFO, a device or a socket: nothing to read a pack from."""


class TooBig(OSError):
    def __init__(self, size: int, exact: bool) -> None:
        super().__init__(size)
        self.size = size
        self.exact = exact
        """False when the file grew while it was read: `size` is only how much was read."""


def kind_of(mode: int) -> str:
    """'a FIFO (named pipe)', 'a folder', ...: what a file that is not a regular file is."""
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path` (a symlink is followed).

    Raises NotARegularFile, TooBig (past `limit` bytes), or the OSError of opening or reading it."""
    descriptor = os.open(path, _READ_FLAGS)
    try:
        mode, size = (info := os.fstat(descriptor)).st_mode, info.st_size
        if not stat.S_ISREG(mode):
            raise NotARegularFile(f"it is {kind_of(mode)}, not a regular file")
        if size > limit:
            raise TooBig(size, exact=True)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0 and (chunk := os.read(descriptor, min(left, _CHUNK))):
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > limit:
        raise TooBig(len(data), exact=False)
    return data
