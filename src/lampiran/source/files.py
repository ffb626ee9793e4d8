"""Reading the user's files safely: regular files only, never through a link, bounded.

A year folder may come from a colleague's zip or a git clone, so what sits in it is not
always what it looks like: ``dokumen.yaml -> /etc/shadow`` would be read and quoted in
error messages, ``/dev/zero`` grows memory until the machine gives up, a FIFO named
``x.yaml`` waits forever, and ``lampiran new`` would copy the target of a link (a secret
file, a whole home folder) into the new year. The rule (security.md) is enforced here,
in one place, for every file lampiran reads on its own:

* **Every symbolic link is refused**, whatever it points to, even a file inside the same
  year. Accepting links that stay inside would mean resolving and comparing paths
  (races, ``..``, mount points, Windows junctions) for a convenience nobody needs: a
  year is a handful of small files, and a copy works everywhere. The same holds for the
  year folder and its ``sasaran/`` folder; the folders *above* the year (``content/``,
  the project, ``/tmp`` on macOS) are the user's choice and are not looked at.
* Only regular files are read: a folder, FIFO, device or socket is refused by its kind
  before anything is read. Files are opened with ``O_NOFOLLOW`` (a link swapped in
  after the check still fails) and ``O_NONBLOCK`` (a FIFO cannot hang the open), and
  ``fstat`` of the open file decides.
* What is read is capped (:data:`MAX_CONTENT_BYTES` for content files), so a huge file
  is refused with the limit in the message instead of filling memory.

Every refusal is a :class:`FileRefused` whose Indonesian ``reason`` says what the thing
is and never anything of what a link points to; :meth:`FileRefused.problem` makes it a
located ``file:1:1:`` problem.

A file the user names on the command line (``--template``) may be a link: that link is
the user's own choice, so :func:`read_regular_file` follows it when asked to, and still
reads regular files only, within the limit.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from lampiran.errors import Problem, StepFailed, os_reason

MAX_CONTENT_BYTES = 2 * 1024 * 1024
"""Largest content file read (``dokumen.yaml``, a sasaran, ``kamus.txt``): real ones are
a few kilobytes, so 2 MB is generous and still cheap to hold in memory."""

_CHUNK = 64 * 1024
_MOUNT_POINT_TAG = 0xA0000003
"""``IO_REPARSE_TAG_MOUNT_POINT``: a Windows junction (``stat`` names it only on Windows)."""

_LINKED_FILE = (
    "ini pintasan (symlink), sehingga tidak dibaca: lampiran hanya membaca berkas biasa, "
    "agar tidak ada berkas dari luar folder isi yang ikut terbaca; ganti pintasan itu "
    "dengan salinan aslinya"
)
_LINKED_FOLDER = (
    "folder ini pintasan (symlink), sehingga tidak dibaca: lampiran hanya membaca folder "
    "biasa; ganti pintasan itu dengan salinan foldernya"
)
_KINDS = (
    (stat.S_ISFIFO, "sebuah pipa (FIFO)"),
    (stat.S_ISCHR, "sebuah perangkat (device)"),
    (stat.S_ISBLK, "sebuah perangkat (device)"),
    (stat.S_ISSOCK, "sebuah soket (socket)"),
)


class FileRefused(StepFailed):
    """A file or folder that lampiran will not read, with the Indonesian ``reason``."""

    def __init__(self, path: Path, reason: str, *, missing: bool = False) -> None:
        super().__init__(f"{path.as_posix()}: {reason}")
        self.path = path
        self.reason = reason
        self.missing = missing
        """Whether the path does not exist at all (some callers treat that as normal)."""

    def problem(self) -> Problem:
        """The refusal as a located problem at the start of the file."""
        return Problem(self.path, 1, 1, "", self.reason)


def read_regular_file(
    path: Path, limit: int = MAX_CONTENT_BYTES, *, follow_links: bool = False
) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    Raises :class:`FileRefused` for a link (unless ``follow_links``), anything that is
    not a regular file, a file over the limit, and any error of the system.
    """
    descriptor = _open_regular(path, follow_links=follow_links)
    try:
        if os.fstat(descriptor).st_size > limit:
            raise _too_large(path, limit)
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(descriptor, min(_CHUNK, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew after fstat, or the size lied
                raise _too_large(path, limit)
        return b"".join(chunks)
    except OSError as exc:
        raise FileRefused(path, f"berkas tidak dapat dibaca: {os_reason(exc)}") from None
    finally:
        os.close(descriptor)


def copy_regular_file(source: Path, target: Path) -> None:
    """Copy a regular file (never a link) to a new ``target``, keeping mode and times.

    The source is refused like in :func:`read_regular_file`, but not limited in size: it
    is copied in pieces. Errors writing ``target`` are ``OSError`` as usual.
    """
    descriptor = _open_regular(source, follow_links=False)
    try:
        status = os.fstat(descriptor)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _flag("O_BINARY") | _flag("O_NOFOLLOW")
        written = os.open(target, flags, 0o600)
        try:
            while chunk := _read_chunk(source, descriptor):
                view = memoryview(chunk)
                while view:
                    view = view[os.write(written, view) :]
        finally:
            os.close(written)
        os.chmod(target, stat.S_IMODE(status.st_mode))
        os.utime(target, ns=(status.st_atime_ns, status.st_mtime_ns))
    finally:
        os.close(descriptor)


def _read_chunk(path: Path, descriptor: int) -> bytes:
    try:
        return os.read(descriptor, _CHUNK)
    except OSError as exc:
        raise FileRefused(path, f"berkas tidak dapat dibaca: {os_reason(exc)}") from None


def status_of(path: Path) -> os.stat_result | None:
    """The status of ``path`` itself (a link is not followed); ``None`` when it is absent.

    Raises :class:`FileRefused` when the system will not say (no permission on the folder).
    """
    try:
        return os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise FileRefused(path, f"tidak dapat dibuka: {os_reason(exc)}") from None


def check_real_folder(path: Path) -> None:
    """Refuse ``path`` unless it is a folder itself, not a link to one, and can be listed."""
    status = status_of(path)
    if status is None:
        raise FileRefused(path, "folder ini tidak ada", missing=True)
    if _is_link(status):
        raise FileRefused(path, _LINKED_FOLDER)
    if not stat.S_ISDIR(status.st_mode):
        raise FileRefused(path, f"{path.name} bukan folder")
    list_folder(path)
    try:
        # Listing needs read permission, looking at what is inside needs search ("x").
        os.lstat(os.path.join(path, os.curdir))
    except OSError as exc:
        raise FileRefused(path, f"folder tidak dapat dibuka: {os_reason(exc)}") from None


def list_folder(path: Path) -> list[Path]:
    """The entries of a folder, by name; raises :class:`FileRefused` when it cannot be read."""
    try:
        with os.scandir(path) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError as exc:
        raise FileRefused(path, f"folder tidak dapat dibuka: {os_reason(exc)}") from None
    return [path / name for name in names]


def is_link(path: Path) -> bool:
    """Whether ``path`` is a symbolic link (or a Windows junction)."""
    status = status_of(path)
    return status is not None and _is_link(status)


def _open_regular(path: Path, *, follow_links: bool) -> int:
    """An open descriptor of ``path``, which is a regular file; see the module docstring."""
    try:
        status = os.stat(path) if follow_links else os.lstat(path)
    except OSError as exc:
        missing = exc.errno == errno.ENOENT and not os.path.lexists(path)
        raise FileRefused(
            path, f"berkas tidak dapat dibaca: {os_reason(exc)}", missing=missing
        ) from None
    _refuse_kind(path, status)
    flags = os.O_RDONLY | _flag("O_BINARY") | _flag("O_NONBLOCK") | _flag("O_CLOEXEC")
    if not follow_links:
        flags |= _flag("O_NOFOLLOW")
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow_links:
            raise FileRefused(path, _LINKED_FILE) from None
        raise FileRefused(path, f"berkas tidak dapat dibaca: {os_reason(exc)}") from None
    try:
        _refuse_kind(path, os.fstat(descriptor))
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def _refuse_kind(path: Path, status: os.stat_result) -> None:
    if stat.S_ISDIR(status.st_mode) and not _is_link(status):
        raise FileRefused(path, f"{path.name} adalah folder, padahal harus berupa berkas")
    refused = refusal(path, status)
    if refused is not None:
        raise refused


def refusal(path: Path, status: os.stat_result) -> FileRefused | None:
    """Why an entry (its ``lstat``) is not read, or ``None`` for a real folder or file."""
    if _is_link(status):
        return FileRefused(path, _LINKED_FILE)
    if stat.S_ISDIR(status.st_mode) or stat.S_ISREG(status.st_mode):
        return None
    kind = next((name for test, name in _KINDS if test(status.st_mode)), "jenis berkas khusus")
    return FileRefused(
        path,
        f"ini {kind}, bukan berkas biasa, sehingga tidak dibaca; "
        "lampiran hanya membaca berkas biasa",
    )


def _is_link(status: os.stat_result) -> bool:
    """A symbolic link, or a Windows junction (which ``lstat`` does not follow either).

    Other reparse points (OneDrive placeholders) are ordinary files to the user.
    """
    junction = getattr(status, "st_reparse_tag", 0) == _MOUNT_POINT_TAG
    return stat.S_ISLNK(status.st_mode) or junction


def _too_large(path: Path, limit: int) -> FileRefused:
    return FileRefused(
        path,
        f"berkas ini lebih besar dari {_size(limit)}, batas yang diterima lampiran; "
        "periksa apakah ini memang berkas yang dimaksud",
    )


def _size(count: int) -> str:
    megabytes = count / (1024 * 1024)
    return f"{megabytes:g} MB" if megabytes >= 1 else f"{count // 1024} KB"


def _flag(name: str) -> int:
    """An ``os.O_*`` flag, or 0 where the system has no such flag (Windows)."""
    return int(getattr(os, name, 0))
