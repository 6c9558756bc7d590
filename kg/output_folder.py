"""Replace a build's output folder as one set.

A build writes into a fresh staging folder beside the target and then swaps it
in with one atomic step, so that a reader (or a crash, or a full disk) never
sees files from two builds mixed: the folder holds the old build or the new
one, whole. A lock beside the folder stops a second build from writing the
same folder at the same time. Problems with the folder itself (a parent that
is a file, no write permission, no free space) are found before the analysis
starts.

>>> import tempfile, pathlib
>>> parent = pathlib.Path(tempfile.mkdtemp())
>>> with OutputFolder(parent / "out") as folder:
...     _ = (folder.staging / "claims.jsonl").write_text("{}\\n")
...     folder.publish()
>>> sorted(p.name for p in parent.iterdir())
['.out.kg-lock', 'out']
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
from pathlib import Path

from .errors import InputError

__all__ = ["OutputFolder", "BUILD_FILES", "MIN_FREE_BYTES"]

#: what a build writes, in the order a build lists them; anything else in an
#: existing output folder is the user's
BUILD_FILES = ("claims.jsonl", "entities.jsonl", "documents.jsonl", "graph.ttl", "graph.graphml", "graph.html",
               "explain.jsonl", "index.sqlite", "graph.oxigraph")
#: below this much free space a build is refused before it starts
MIN_FREE_BYTES = 20 * 1024 * 1024
_STAGING, _OLD = ".kg-new-", ".kg-old-"


class OutputFolder:
    """The output folder of one build: checked and locked on entry, replaced by
    ``publish()``, and left as it was if the build fails before that."""

    def __init__(self, target: str | Path):
        self.target = Path(target)
        self.staging: Path | None = None
        self._lock = None

    def __enter__(self) -> "OutputFolder":
        parent = self._parent()
        self._lock = _take_lock(parent / f".{self.target.name}.kg-lock", self.target)
        try:
            _sweep(parent, self.target.name)
            self._check_target()
            _check_space(parent)
            self.staging = parent / f"{_STAGING}{self.target.name}-{os.getpid()}"
            self.staging.mkdir()
        except BaseException:
            self._release()
            raise
        return self

    def __exit__(self, *_exc) -> None:
        if self.staging is not None and self.staging.exists():
            shutil.rmtree(self.staging, ignore_errors=True)  # a build that failed leaves no trace
        self._release()

    def publish(self) -> None:
        """Put the staged build in place of the target, in one step where the system allows."""
        staging, self.staging = self.staging, None
        os.chmod(staging, 0o777 & ~_umask())
        if not self.target.exists():
            os.rename(staging, self.target)
            return
        if not _exchange(staging, self.target):
            old = self.target.parent / f"{_OLD}{self.target.name}-{os.getpid()}"
            os.rename(self.target, old)
            os.rename(staging, self.target)
            staging = old
        shutil.rmtree(staging, ignore_errors=True)

    def _parent(self) -> Path:
        parent = self.target.absolute().parent
        if parent.exists() and not parent.is_dir():
            raise InputError(f"{self.target}: cannot write the build there ({parent} is a file)")
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"{self.target}: cannot create the folder ({exc.strerror})") from None
        if not os.access(parent, os.W_OK | os.X_OK):
            raise InputError(f"{self.target}: no permission to write in {parent}; choose another -o folder")
        return parent

    def _check_target(self) -> None:
        if not self.target.exists():
            return
        if not self.target.is_dir():
            raise InputError(f"{self.target}: is a file, not a folder; choose another -o folder")
        foreign = sorted(p.name for p in self.target.iterdir() if p.name not in BUILD_FILES)
        if foreign:
            shown = ", ".join(foreign[:3]) + (" ..." if len(foreign) > 3 else "")
            raise InputError(f"{self.target}: holds files kg did not write ({shown}); a build replaces "
                             "the whole folder, so choose an empty or new -o folder, or move them")

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.close()  # closing the descriptor releases the lock
            self._lock = None


def _take_lock(path: Path, target: Path):
    try:
        handle = open(path, "a+", encoding="utf-8")
    except OSError as exc:  # a folder the system refuses files in (/proc, a read-only mount)
        raise InputError(f"{target}: cannot write the build there ({exc.strerror}); choose another -o folder") from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise InputError(f"{target}: another kg build is writing this folder; wait for it to "
                         "finish or choose another -o folder") from None
    return handle


def _sweep(parent: Path, name: str) -> None:
    """Remove what a killed build left beside the target (we hold the lock, so no
    build is using them)."""
    for prefix in (_STAGING, _OLD):
        for leftover in parent.glob(f"{prefix}{name}-*"):
            shutil.rmtree(leftover, ignore_errors=True)


def _check_space(parent: Path) -> None:
    free = shutil.disk_usage(parent).free
    if free < MIN_FREE_BYTES:
        raise InputError(f"{parent}: only {free // 1024} KB free; a build needs at least "
                         f"{MIN_FREE_BYTES // (1024 * 1024)} MB. Free some space or choose another -o folder")


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if done == 0:
        return True
    if ctypes.get_errno() in (errno.EINVAL, errno.ENOSYS, errno.EXDEV):
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(b))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
