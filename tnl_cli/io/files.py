"""Safe file writing: a temporary file in the target directory, then an atomic rename.

The user's file is either the old one or the complete new one, never half-written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from tnl_cli.errors import TnlError

# Names Windows reserves for devices, whatever the case and the extension (`con.md`, `NUL.txt`):
# such a file cannot be opened there, and the dossiers are shared with Windows desktops.
WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", "conin$", "conout$"]
    + [f"{dev}{n}" for dev in ("com", "lpt") for n in (*"123456789", "¹", "²", "³")])


def portable_stem(stem: str) -> str:
    """`stem` as a file name stem that every system accepts: not a Windows device name (`con`
    -> `con-dossier`), no trailing dot or space (Windows drops them), never empty."""
    stem = stem.rstrip(". ") or "sans-nom"
    if stem.split(".", 1)[0].rstrip(" ").lower() in WINDOWS_RESERVED:
        stem = f"{stem}-dossier"
    return stem


def same_file(a: Path, b: Path) -> bool:
    """True when `a` and `b` name one file (same path written otherwise, `./`, `..`, a
    symbolic link, a hard link): device and inode compared, as os.path.samefile does."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def refuse_input(output: Path, *inputs: Path | None) -> None:
    """Refuse an output that is one of the command's inputs: writing it would destroy what
    the command reads (`dossier --answers r.yaml -o r.yaml --force`)."""
    for source in inputs:
        if source is not None and same_file(output, source):
            raise TnlError.of("io.output_is_input", file=str(output), input=str(source))


def real_target(path: Path) -> Path:
    """Where writing `path` lands: a symbolic link is followed to its target (the link stays,
    the file it points to is replaced), so that the user's shared file is never forked."""
    if os.path.islink(path):
        return Path(os.path.realpath(path))
    return path


def _os_error(path: Path, exc: OSError) -> TnlError:
    key = "io.disk_full" if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)) \
        else "io.unwritable"
    return TnlError.of(key, file=str(path), reason=exc.strerror or str(exc), errno=exc.errno)


def check_target(path: Path, overwrite: bool) -> None:
    """Refuse at once what could not be written: a directory, an existing file (or a link,
    even one to nothing) without `overwrite`, a missing parent directory (or a file where the
    directory should be), a name the system refuses."""
    display = str(path)
    try:
        if not overwrite and os.path.lexists(path):
            raise TnlError.of("io.exists", file=display)
        target = real_target(path)
        parent = target.parent if str(target.parent) else Path(".")
        if target.is_dir():
            raise TnlError.of("io.is_dir", file=display)
        if not parent.is_dir():
            key = "io.parent_not_dir" if parent.exists() else "io.no_dir"
            raise TnlError.of(key, file=display, dir=str(parent))
        if len(os.fsencode(target.name)) > _name_max(parent):
            raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), str(path))
    except OSError as exc:
        raise _os_error(path, exc) from exc


def _name_max(directory: Path) -> int:
    try:
        return os.pathconf(directory, "PC_NAME_MAX")
    except (AttributeError, OSError, ValueError):  # Windows: no pathconf; NTFS allows 255
        return 255


# Temporary files: `.NAME.tnl-HOST-PID.RANDOM.tmp` beside the target. A run killed with
# SIGKILL (or a power cut) leaves its own behind; the next run writing into that directory
# removes those whose process is gone (on this host: a shared folder may hold another
# machine's files being written).
_TMP_MARK = ".tnl-"
_cleaned_dirs: set[str] = set()


_host: list[str] = []  # the tag, computed once: --dossiers names thousands of temporary files


def _node() -> str:
    """This machine's name (a folder shared between machines holds files of several)."""
    return os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")


def _host_tag() -> str:
    if not _host:
        import zlib

        _host.append(f"{zlib.crc32(_node().encode('utf-8', 'replace')):08x}"[:6])
    return _host[0]


def _tmp_prefix(target: Path) -> str:
    # a name near the system's limit still leaves room for the temporary file's additions
    short = os.fsencode(target.name)[:150].decode("utf-8", "ignore") or "out"
    return f".{short}{_TMP_MARK}{_host_tag()}-{os.getpid()}."


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill(pid, 0) would end the process there: tell by age instead
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, another user's
        return True
    return True


def remove_stale(directory: Path) -> None:
    """Remove the temporary files that runs of tnl killed before they could clean up left in
    `directory` (once per directory and process: a batch writes thousands of dossiers in one)."""
    import time

    key = os.path.abspath(directory)
    if key in _cleaned_dirs:
        return
    _cleaned_dirs.add(key)
    host = f"{_TMP_MARK}{_host_tag()}-"
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not (name.startswith(".") and name.endswith(".tmp") and host in name):
            continue
        pid = _pid(name.rsplit(host, 1)[1].split(".", 1)[0])
        if pid is None:  # `²³`, 30 digits: a name planted there, no pid of ours
            continue
        with contextlib.suppress(OSError):
            stale = not _alive(pid) or (
                os.name == "nt" and time.time() - entry.stat().st_mtime > 86400)
            if stale and entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)


def _pid(text: str) -> int | None:
    """A process id read from a file's name or a lock (the one bounded parser: os.kill takes
    no int over a C long, and `²` passes isdigit() but not int())."""
    from tnl_cli.numbers import NumberRefused, read_int

    try:
        return read_int(text, low=1, high=2**31 - 1)
    except NumberRefused:
        return None


@contextlib.contextmanager
def temporary_beside(path: Path, *, overwrite: bool) -> Iterator[str]:
    """The name of a temporary file next to `path` (next to its target when `path` is a
    symbolic link), for the block to fill. When the block ends without error the file
    replaces the target; otherwise it is removed. OS errors become clear messages (disk full,
    permission, name too long...)."""
    import tempfile  # ~1.5 ms of start-up (it imports random): only when writing

    check_target(path, overwrite)
    target = real_target(path)
    parent = target.parent if str(target.parent) else Path(".")
    remove_stale(parent)
    prefix = _tmp_prefix(target)
    tmp_name = None
    done = False
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=parent)
        os.close(fd)
        yield tmp_name
        replace_with(tmp_name, target, overwrite, shown=path)
        done = True
    except OSError as exc:
        raise _os_error(path, exc) from exc
    finally:
        if not done:
            _remove_own(parent, prefix, tmp_name)


def _remove_own(parent: Path, prefix: str, tmp_name: str | None) -> None:
    """Remove this process's temporary file for a target. A signal (Ctrl-C, SIGTERM) can come
    after mkstemp has created the file but before its name is known here: then every file of
    this process's prefix for that target is removed (the prefix holds the pid)."""
    if tmp_name is not None:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        return
    with contextlib.suppress(OSError):
        for entry in os.scandir(parent):
            if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def write_atomic(path: Path, content: str | bytes, *, overwrite: bool = True) -> None:
    """Write `content` to `path` atomically; refuse to replace a file unless `overwrite`."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    with temporary_beside(path, overwrite=overwrite) as tmp_name, open(tmp_name, "wb") as handle:
        handle.write(data)


def replace_with(tmp_name: str, path: Path, overwrite: bool, shown: Path | None = None) -> None:
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
    if not overwrite and os.path.lexists(shown or path):  # appeared while we were writing
        raise TnlError.of("io.exists", file=str(shown or path))
    os.replace(tmp_name, path)


def private(st: os.stat_result) -> bool:
    """A file (or directory) this user owns and nobody else may change. A cache that is
    unpickled or holds compiled code runs what it contains: another user's file, or one that
    others could have rewritten, is never read. (Windows has no uids: a user's profile is
    private there, so any file is taken.)"""
    getuid = getattr(os, "getuid", None)
    if getuid is None:
        return True
    return st.st_uid == getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read_private(path: Path) -> bytes | None:
    """The bytes of `path` if it is a regular file that `private` accepts (not a link: the
    file checked is the file read), else None."""
    fd = _open_no_link(path)
    if fd is None:
        return None
    with os.fdopen(fd, "rb") as handle:
        found = os.fstat(fd)
        if not (stat.S_ISREG(found.st_mode) and private(found)):
            return None
        return handle.read()


def write_private(path: Path, data: bytes) -> None:
    """Write a cache file readable and writable by this user only, atomically (a temporary
    file named like the others, so that one a killed run left is removed by the next)."""
    import tempfile

    remove_stale(path.parent)
    # mkstemp: a new file (O_EXCL, so never a link planted under a name known in advance),
    # 0600 from the start
    fd, tmp = tempfile.mkstemp(prefix=_tmp_prefix(path), suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# The lock of an answers file: `.NAME.tnl-lock` beside it (beside its target when a link), put in
# place whole (a hard link; O_EXCL where there are none) and holding the holder's pid, machine
# and start. Advisory: tnl itself honours it, so that a walk's autosave, `--set`, `--renew` and
# `--apply` never write over one another.
_LOCK_MARK = ".tnl-lock"
_LOCK_YOUNG = 10  # seconds: an empty lock is one being written, not one left behind
_held: dict[str, int] = {}  # lock path -> depth (a renew that walks takes it twice)


class LockHolder(NamedTuple):
    pid: str
    host: str
    since: str


def lock_path(path: Path) -> Path:
    target = real_target(path)
    short = os.fsencode(target.name)[:150].decode("utf-8", "ignore") or "out"
    return target.with_name(f".{short}{_LOCK_MARK}")


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the lock of `path` (an answers file) for the block, or refuse at once: another tnl
    that holds it is named (pid, machine, since when) with the way out, exit 2. A lock whose
    process is gone (killed, power cut) is taken over; the same process may nest."""
    lock = lock_path(path)
    key = os.path.abspath(lock)
    if key in _held:
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    held = _acquire(lock, path)
    _held[key] = 1
    try:
        yield
    finally:
        del _held[key]
        if held:
            _release(lock)


def _acquire(lock: Path, shown: Path) -> bool:
    """Create the lock; False when the folder takes no file at all (read-only, missing): then
    nothing can be written there either, and the write says why."""
    import time

    record = f"{os.getpid()}\n{_node()}\n{time.strftime('%Y-%m-%d %H:%M')}\n".encode()
    for _ in range(5):
        try:
            _create_lock(lock, record)
        except FileExistsError:
            found = _read_lock(lock)
            holder = _holder(lock, found)
            if holder is None:
                _break(lock, found)
                continue
            raise TnlError.of("io.locked", file=str(shown), pid=holder.pid, host=holder.host,
                              since=holder.since, lock=str(lock)) from None
        except OSError:  # read-only, missing folder, disk full: the write will say so
            return False
        return True
    raise TnlError.of("io.locked", file=str(shown), pid="?", host="?", since="?",
                      lock=str(lock))


def _create_lock(lock: Path, record: bytes) -> None:
    """Put the lock in place complete, or raise FileExistsError: written to a temporary file
    first, then linked under the lock's name (atomic, never over a file or a link). A file
    system without hard links (FAT, some shares) gets it with O_EXCL, then its record."""
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=_tmp_prefix(lock), suffix=".tmp", dir=lock.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(record)
        try:
            os.link(tmp, lock)
            return
        except FileExistsError:
            raise
        except OSError:
            pass
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                 | getattr(os, "O_BINARY", 0), 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(record)
    except BaseException:  # Ctrl-C, SIGTERM, disk full: no empty lock left behind
        with contextlib.suppress(OSError):
            os.unlink(lock)
        raise


def _open_no_link(path: Path) -> int | None:
    """A descriptor of `path` open for reading, never through a symbolic link; None if it
    cannot be opened."""
    try:
        return os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None


def _read_lock(lock: Path) -> bytes | None:
    fd = _open_no_link(lock)
    if fd is None:
        return None
    # a directory or a named pipe under the lock's name is no lock to read (a pipe would
    # block): the caller says it is held by someone unknown, for the user to remove it
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None
    with os.fdopen(fd, "rb") as handle:
        return handle.read(1024)


def _holder(lock: Path, found: bytes | None) -> LockHolder | None:
    """Who holds `lock`, or None when nobody does any more: its process gone (this machine),
    an empty lock older than a few seconds, on Windows one a day old (no safe way to ask there
    whether a process lives)."""
    import time

    try:
        age = time.time() - os.lstat(lock).st_mtime
    except OSError:
        return None  # gone meanwhile: try again
    if found is None:  # not ours to read (another user's), or a link: not ours to remove
        return LockHolder("?", "?", "?")
    lines = found.decode("utf-8", "replace").splitlines()
    host, since = (line[:64] for line in (lines + ["", "", ""])[1:3])  # for a message
    pid = _pid(lines[0]) if lines else None
    if pid is None:
        return LockHolder("?", host or "?", since or "?") if 0 <= age < _LOCK_YOUNG else None
    # our own pid in a lock this process does not hold is a run killed before us that had the
    # same pid (a container may give every run the same one)
    ours = pid == os.getpid() and os.path.abspath(lock) not in _held
    if host == _node() and (ours or not _alive(pid)):
        return None
    if os.name == "nt" and age > 86400:
        return None
    return LockHolder(str(pid), host or "?", since or "?")


def _break(lock: Path, found: bytes | None) -> None:
    """Remove a lock left behind. Moved aside first, then checked to be the one judged stale:
    another tnl may have broken it and taken a fresh one meanwhile, which is put back."""
    aside = lock.with_name(f"{_tmp_prefix(lock)}old.tmp")  # if killed here: remove_stale's
    try:
        os.replace(lock, aside)
    except OSError:
        return
    if _read_lock(aside) != found:
        with contextlib.suppress(OSError):
            os.link(aside, lock)
    with contextlib.suppress(OSError):
        os.unlink(aside)


def _release(lock: Path) -> None:
    found = _read_lock(lock)
    if found is not None and found.split(b"\n", 1)[0] == str(os.getpid()).encode():
        with contextlib.suppress(OSError):
            os.unlink(lock)


def keep_copy(path: Path, raw: str, tag: str) -> Path:
    """Keep `raw` (a file's text before tnl rewrites it) beside `path`, under a name that says
    what it is and does not exist yet: `lettret.avant-2025.yaml`, then `lettret.avant-2025-2.yaml`."""
    for n in range(1, 100):
        suffix = f".{tag}" if n == 1 else f".{tag}-{n}"
        copy = path.with_name(f"{path.stem}{suffix}{path.suffix or '.yaml'}")
        if not copy.exists():
            write_atomic(copy, raw, overwrite=False)
            return copy
    raise TnlError.of("io.exists", file=str(copy))
