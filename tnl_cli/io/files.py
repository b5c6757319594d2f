"""Safe file writing: a temporary file in the target directory, then an atomic rename.

The user's file is either the old one or the complete new one, never half-written.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from tnl_cli.errors import TnlError


def check_target(path: Path, overwrite: bool) -> None:
    """Refuse at once what could not be written: a directory, an existing file without
    `overwrite`, a missing parent directory (or a file where the directory should be)."""
    display = str(path)
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise TnlError.of("io.is_dir", file=display)
    if not overwrite and path.exists():
        raise TnlError.of("io.exists", file=display)
    if not parent.is_dir():
        key = "io.parent_not_dir" if parent.exists() else "io.no_dir"
        raise TnlError.of(key, file=display, dir=str(parent))


@contextlib.contextmanager
def temporary_beside(path: Path, *, overwrite: bool) -> Iterator[str]:
    """The name of a temporary file next to `path`, for the block to fill. When the block
    ends without error the file replaces `path`; otherwise it is removed. OS errors become
    clear messages (disk full, permission...)."""
    import tempfile  # ~1.5 ms of start-up (it imports random): only when writing

    check_target(path, overwrite)
    parent = path.parent if str(path.parent) else Path(".")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
        os.close(fd)
        yield tmp_name
        replace_with(tmp_name, path, overwrite)
        tmp_name = None
    except OSError as exc:
        key = "io.disk_full" if exc.errno == errno.ENOSPC else "io.unwritable"
        raise TnlError.of(key, file=str(path), reason=exc.strerror or str(exc),
                          errno=exc.errno) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def write_atomic(path: Path, content: str | bytes, *, overwrite: bool = True) -> None:
    """Write `content` to `path` atomically; refuse to replace a file unless `overwrite`."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    with temporary_beside(path, overwrite=overwrite) as tmp_name, open(tmp_name, "wb") as handle:
        handle.write(data)


def replace_with(tmp_name: str, path: Path, overwrite: bool) -> None:
    """Put a complete temporary file in place of `path`: the old file's permissions (or the
    umask's), flushed to disk, then renamed over in one step."""
    if path.exists():
        with contextlib.suppress(OSError):
            os.chmod(tmp_name, path.stat().st_mode & 0o777)
    else:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)
    with open(tmp_name, "rb") as handle:
        os.fsync(handle.fileno())
    if not overwrite and path.exists():  # appeared while we were writing
        raise TnlError.of("io.exists", file=str(path))
    os.replace(tmp_name, path)


def private(st: os.stat_result) -> bool:
    """A file (or directory) this user owns and nobody else may change. A cache that is
    unpickled or holds compiled code runs what it contains: another user's file, or one that
    others could have rewritten, is never read. (Windows has no uids: a user's profile is
    private there, so any file is taken.)"""
    import stat

    getuid = getattr(os, "getuid", None)
    if getuid is None:
        return True
    return st.st_uid == getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read_private(path: Path) -> bytes | None:
    """The bytes of `path` if it is a regular file that `private` accepts (not a link: the
    file checked is the file read), else None."""
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        found = os.fstat(fd)
        if not (stat.S_ISREG(found.st_mode) and private(found)):
            return None
        return handle.read()


def write_private(path: Path, data: bytes) -> None:
    """Write a cache file readable and writable by this user only, atomically."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
