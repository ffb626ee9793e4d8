"""Reading a content folder as it is in a git revision, without touching the disk.

A reviewer of a merge request wants "what does this branch change compared with
``main``", and must not have their checkout, index or stash disturbed to get it.

A revision is untrusted input: a colleague's branch can hold trees that no ordinary git
command makes (git does not check the trees it fetches by default), with entries named
``..``, ``a/b`` or nothing at all. So nothing from a revision is ever written: its trees
are read and checked name by name, the files the loader asks for are read into memory
(each and all together bounded in size), and the year is loaded from there
(:class:`RevisionFiles`). Symbolic links and submodules are never followed.

Problems are reported with paths such as ``main:content/2024/dokumen.yaml``, which is
where the author would look.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lampiran.content.loading import Year, load_year_files
from lampiran.errors import ContentError, Problem, StepFailed, UsageProblem
from lampiran.source.yamlreader import SourceFile, read_yaml_bytes
from lampiran.source.yearfiles import Kind

GIT_TIMEOUT_SECONDS = 60
MAX_FILE_BYTES = 2 * 1024 * 1024
"""Largest file (or folder listing) read from a revision; content files are a few KB."""
MAX_TOTAL_BYTES = 8 * 1024 * 1024
"""Most read from one revision in all, so that many entries naming one big file are
bounded too."""

_TYPE_BITS = 0o170000
_TREE, _FILE, _SYMLINK, _SUBMODULE = 0o040000, 0o100000, 0o120000, 0o160000
_WINDOWS_DRIVE = re.compile(r"[A-Za-z]:")


class GitFailed(StepFailed):
    """git is missing or failed in an unexpected way (exit 1, not a content problem)."""


class UnsafeRevision(StepFailed):
    """A revision holds a tree that ordinary git never makes: it is not read (exit 1)."""


def _git(
    args: list[str], cwd: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    git = shutil.which("git")
    if git is None:
        raise GitFailed("git tidak ditemukan; pasang git untuk memakai --rev")
    try:
        return subprocess.run(
            [git, *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            timeout=GIT_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise GitFailed(f"git {args[0]} tidak selesai dalam {GIT_TIMEOUT_SECONDS} detik") from exc
    except OSError as exc:
        raise GitFailed(f"git tidak dapat dijalankan: {exc.strerror or exc}") from exc


def _error_text(result: subprocess.CompletedProcess[bytes]) -> str:
    lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else "tanpa pesan"


def repository_path(folder: Path) -> tuple[Path, PurePosixPath]:
    """The top of the repository holding ``folder`` and the folder's path inside it."""
    probe = folder if folder.is_dir() else folder.parent
    result = _git(["rev-parse", "--show-toplevel"], cwd=probe if probe.is_dir() else Path.cwd())
    if result.returncode != 0:
        raise UsageProblem(
            f"'{folder.as_posix()}' tidak berada di dalam repositori git; --rev hanya "
            "bisa dipakai di dalam repositori"
        )
    top = Path(result.stdout.decode("utf-8").strip()).resolve()
    try:
        inside = folder.resolve().relative_to(top)
    except ValueError as exc:
        raise UsageProblem(f"'{folder.as_posix()}' berada di luar repositori {top}") from exc
    return top, PurePosixPath(inside.as_posix())


def resolve_revision(top: Path, rev: str) -> str:
    """The commit id of ``rev``; a revision git does not know is a usage mistake."""
    if rev.startswith("-"):
        raise UsageProblem(f"revisi '{rev}' tidak valid")
    result = _git(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], cwd=top
    )
    if result.returncode != 0:
        raise UsageProblem(
            f"revisi '{rev}' tidak ditemukan di repositori git; contoh yang benar: "
            "HEAD, HEAD~1, main, origin/main, atau id commit"
        )
    return result.stdout.decode("ascii").strip()


def year_at_revision(folder: Path, rev: str) -> tuple[Year, str]:
    """The year in ``folder`` as it is at ``rev``, loaded from memory, and its label.

    Raises :class:`ContentError` (paths shown as ``REV:path``) when the old version has
    errors, :class:`UsageProblem` for a wrong revision or a folder that did not exist,
    :class:`UnsafeRevision` for a tree no ordinary git makes.
    """
    top, inside = repository_path(folder)
    commit = resolve_revision(top, rev)
    label = f"{rev}:{inside}"
    files = RevisionFiles(GitObjects(top, commit), rev, inside, folder.resolve().name)
    year, report = load_year_files(files)
    if year is None:
        raise ContentError(report)
    return year, label


@dataclass(frozen=True)
class _Entry:
    """One entry of a git tree: its file type bits and its object id."""

    kind: int
    oid: str


class GitObjects:
    """Objects of one repository read into memory with ``git cat-file``.

    :meth:`describe` gives an object's size before :meth:`read` reads it, so that the
    caller can refuse an object too big to hold.
    """

    def __init__(self, top: Path, commit: str) -> None:
        self.top = top
        self.commit = commit
        self.hash_bytes = len(commit) // 2  # 20 for SHA-1 repositories, 32 for SHA-256

    def path_oid(self, inside: PurePosixPath) -> str | None:
        """The id of what the commit holds at ``inside``, or ``None`` when nothing."""
        path = "" if inside == PurePosixPath(".") else inside.as_posix()
        result = _git(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{self.commit}:{path}"],
            cwd=self.top,
        )
        return result.stdout.decode("ascii").strip() if result.returncode == 0 else None

    def describe(self, oid: str) -> tuple[str, int] | None:
        """The type and size of an object, or ``None`` when the repository lacks it."""
        result = _git(["cat-file", "--batch-check"], cwd=self.top, stdin=f"{oid}\n".encode())
        if result.returncode != 0:
            raise GitFailed(f"git cat-file gagal: {_error_text(result)}")
        fields = result.stdout.decode("ascii", "replace").split()
        if len(fields) != 3 or not fields[2].isdigit():
            return None  # "<oid> missing"
        return fields[1], int(fields[2])

    def read(self, kind: str, oid: str) -> bytes:
        """The content of an object, once :meth:`describe` said its size is bearable."""
        result = _git(["cat-file", kind, oid], cwd=self.top)
        if result.returncode != 0:
            raise GitFailed(f"git cat-file gagal: {_error_text(result)}")
        return result.stdout


class RevisionFiles:
    """The files of a year folder at a revision, as :class:`~lampiran.source.yearfiles.YearFiles`.

    Trees are listed when the loader first asks about a name in them, and every name
    in a listed tree is checked; files are read only when the loader reads them.
    """

    def __init__(self, objects: GitObjects, rev: str, inside: PurePosixPath, name: str) -> None:
        self.objects = objects
        self.rev = rev
        self.inside = inside
        self._name = name
        self._listings: dict[str, dict[str, _Entry]] = {}
        self._budget = MAX_TOTAL_BYTES
        oid = objects.path_oid(inside)
        described = objects.describe(oid) if oid is not None else None
        if oid is None or described is None or described[0] != "tree":
            raise UsageProblem(
                f"folder {inside} belum ada di revisi {rev}; untuk tahun baru bandingkan "
                "dengan tahun sebelumnya, misalnya: lampiran diff content/2024 content/2025"
            )
        self._top = _Entry(_TREE, oid)

    @property
    def name(self) -> str:
        return self._name

    @property
    def root(self) -> Path:
        return Path(f"{self.rev}:{self.inside}")

    def shown(self, relative: str) -> Path:
        return self.root / relative

    def kind(self, relative: str) -> Kind | None:
        entry = self._entry(relative)
        if entry is None:
            return None
        return "dir" if entry.kind == _TREE else "file"

    def names(self, relative: str) -> list[str]:
        return sorted(self._listing(relative))

    def refusal(self, relative: str) -> Problem | None:
        """Entries of a revision are checked as they are listed (:meth:`names`)."""
        return None

    def read_yaml(self, relative: str) -> tuple[SourceFile | None, list[Problem]]:
        shown = self.shown(relative)
        entry = self._entry(relative)
        assert entry is not None and entry.kind != _TREE, relative
        raw, reason = self._file(entry)
        if raw is None:
            return None, [Problem(shown, 1, 1, "", f"berkas tidak dapat dibaca: {reason}")]
        return read_yaml_bytes(shown, raw, keep_partial=True)

    def _entry(self, relative: str) -> _Entry | None:
        if not relative:
            return self._top
        parent, _, name = relative.rpartition("/")
        parent_entry = self._entry(parent)
        if parent_entry is None or parent_entry.kind != _TREE:
            return None
        return self._listing(parent).get(name)

    def _file(self, entry: _Entry) -> tuple[bytes | None, str]:
        """The bytes of a file entry, or why it is not read."""
        if entry.kind == _SYMLINK:
            return None, (
                f"di revisi {self.rev} berkas ini berupa tautan (symlink), yang tidak diikuti; "
                "simpan isinya sebagai berkas biasa"
            )
        if entry.kind == _SUBMODULE:
            return None, (
                f"di revisi {self.rev} ini submodul git, bukan berkas; "
                "pindahkan submodul itu ke luar folder isi"
            )
        if entry.kind != _FILE:
            return None, f"di revisi {self.rev} ini bukan berkas biasa (mode {entry.kind:o})"
        described = self.objects.describe(entry.oid)
        if described is None:
            return None, (
                f"isi berkas ini di revisi {self.rev} tidak ada di repositori; "
                "jalankan 'git fetch' lalu ulangi"
            )
        if described[0] != "blob":
            return None, (
                f"di revisi {self.rev} entri ini menunjuk ke objek git jenis "
                f"'{described[0]}', bukan isi berkas; pohon git revisi itu rusak"
            )
        size = described[1]
        if size > MAX_FILE_BYTES:
            return None, (
                f"di revisi {self.rev} berkas ini berukuran {_megabytes(size)}, lebih dari "
                f"batas {_megabytes(MAX_FILE_BYTES)} untuk berkas isi"
            )
        return self._read("blob", entry.oid, size), ""

    def _read(self, kind: str, oid: str, size: int) -> bytes:
        if size > self._budget:
            raise UnsafeRevision(
                f"revisi {self.rev} tidak dibaca: berkas di {self.rev}:{self.inside} yang perlu "
                f"dibaca lebih dari {_megabytes(MAX_TOTAL_BYTES)} seluruhnya, padahal isi satu "
                "tahun biasanya tidak sampai 1 MB"
            )
        self._budget -= size
        return self.objects.read(kind, oid)

    def _listing(self, relative: str) -> dict[str, _Entry]:
        """The checked entries of the tree at ``relative`` (a folder :meth:`kind` names)."""
        if relative in self._listings:
            return self._listings[relative]
        entry = self._entry(relative)
        assert entry is not None and entry.kind == _TREE, relative
        where = PurePosixPath(self.inside, relative) if relative else self.inside
        described = self.objects.describe(entry.oid)
        if described is None or described[0] != "tree":
            raise GitFailed(
                f"folder {self.rev}:{where} tidak dapat dibaca dari repositori; "
                "jalankan 'git fetch' lalu ulangi"
            )
        if described[1] > MAX_FILE_BYTES:
            raise UnsafeRevision(
                f"revisi {self.rev} tidak dibaca: folder {self.rev}:{where} berisi lebih dari "
                f"{_megabytes(MAX_FILE_BYTES)} daftar nama, terlalu banyak untuk folder isi"
            )
        raw = self._read("tree", entry.oid, described[1])
        listing = self._check(_parse_tree(raw, self.objects.hash_bytes), where)
        self._listings[relative] = listing
        return listing

    def _check(
        self, entries: list[tuple[bytes, bytes, str]] | None, where: PurePosixPath
    ) -> dict[str, _Entry]:
        """Entries by name; the whole revision is refused at the first unsafe entry."""
        if entries is None:
            raise self._unsafe(where, "tidak dapat diurai (data pohon git-nya rusak)")
        listing: dict[str, _Entry] = {}
        for mode, raw_name, oid in entries:
            impossible = _impossible_name(raw_name)
            if impossible is not None:
                raise self._unsafe(where, impossible)
            unsafe = _unshowable_name(raw_name)
            if unsafe is not None:
                raise UnsafeRevision(
                    f"revisi {self.rev} tidak dibaca: folder {self.rev}:{where} {unsafe}. "
                    "Nama seperti itu tidak aman di Windows atau di layar; ganti nama "
                    "berkas itu di revisi tersebut. Tidak ada berkas yang ditulis."
                )
            name = raw_name.decode("utf-8")
            if not _is_octal(mode):
                shown_mode = _shown_bytes(mode)
                raise self._unsafe(where, f"memuat '{name}' dengan mode '{shown_mode}'")
            if name in listing:
                raise self._unsafe(where, f"memuat nama '{name}' dua kali")
            listing[name] = _Entry(int(mode, 8) & _TYPE_BITS, oid)
        return listing

    def _unsafe(self, where: PurePosixPath, what: str) -> UnsafeRevision:
        """A tree no ordinary git makes: made by hand, most likely to attack."""
        return UnsafeRevision(
            f"revisi {self.rev} tidak dibaca: folder {self.rev}:{where} {what}. git biasa "
            "tidak membuat pohon seperti ini, jadi revisi itu rusak atau sengaja dibuat untuk "
            "menyerang; tidak ada berkas yang ditulis. Periksa dengan: git fsck"
        )


def _parse_tree(raw: bytes, hash_bytes: int) -> list[tuple[bytes, bytes, str]] | None:
    """``(mode, name, object id)`` of each entry of a raw tree, or ``None`` when malformed.

    Parsed here rather than by ``git ls-tree``: git stops at some bad entries (an empty
    name) with a message that names neither the folder nor the entry, and a name with a
    ``/`` in it cannot be told from a path in its output.
    """
    entries: list[tuple[bytes, bytes, str]] = []
    offset = 0
    while offset < len(raw):
        space = raw.find(b" ", offset)
        end = raw.find(b"\0", space + 1) if space >= 0 else -1
        if end < 0 or end + 1 + hash_bytes > len(raw):
            return None
        oid = raw[end + 1 : end + 1 + hash_bytes].hex()
        entries.append((raw[offset:space], raw[space + 1 : end], oid))
        offset = end + 1 + hash_bytes
    return entries


def _impossible_name(raw: bytes) -> str | None:
    """What is wrong with a name git itself never writes (it leads outside), or ``None``."""
    if not raw:
        return "memuat entri tanpa nama"
    if raw == b"..":
        return "memuat nama '..', yang menunjuk ke folder di atasnya"
    if raw == b".":
        return "memuat nama '.', yang menunjuk ke folder itu sendiri"
    if b"/" in raw:
        return f"memuat nama '{_shown_bytes(raw)}', yang berisi garis miring"
    return None


def _unshowable_name(raw: bytes) -> str | None:
    """What is wrong with a name git allows but Windows or a terminal does not, or ``None``.

    A backslash or a drive (``C:x``) leads elsewhere on Windows; a control character in
    a name shown in a message can drive the terminal.
    """
    shown = _shown_bytes(raw)
    try:
        name = raw.decode("utf-8")
    except UnicodeDecodeError:
        return f"memuat nama '{shown}', yang bukan teks UTF-8"
    if "\\" in name:
        return f"memuat nama '{shown}', yang berisi garis miring terbalik"
    if _WINDOWS_DRIVE.match(name):
        return f"memuat nama '{shown}', yang diawali nama drive seperti lokasi mutlak di Windows"
    if any(unicodedata.category(char) == "Cc" for char in name):
        return f"memuat nama '{shown}', yang berisi karakter kendali"
    return None


def _is_octal(mode: bytes) -> bool:
    return bool(mode) and len(mode) <= 6 and all(0x30 <= b <= 0x37 for b in mode)


def _shown_bytes(raw: bytes) -> str:
    """A name from a tree as it can be shown safely on a terminal (escapes spelled out)."""
    text = raw.decode("utf-8", "backslashreplace")
    return "".join(
        char if unicodedata.category(char) != "Cc" else f"\\x{ord(char):02x}" for char in text
    )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
