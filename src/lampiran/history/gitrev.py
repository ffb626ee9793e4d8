"""Reading a content folder as it is in a git revision, without touching the working tree.

A reviewer of a merge request wants "what does this branch change compared with
``main``", and must not have their checkout, index or stash disturbed to get it. So
the files are read with git itself (``git ls-tree`` to list them, ``git cat-file
--batch`` to read them all in one process) into a temporary folder that is loaded like
any other year and then deleted.

The temporary folder is named after the year, so the loader's "``tahun`` equals the
folder name" check still applies, and problems found in it are reported with paths
such as ``main:content/2024/dokumen.yaml``, which is where the author would look.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from lampiran.content.loading import Year, load_year
from lampiran.errors import ContentError, Report, StepFailed, UsageProblem

_BLOB_MODES = {"100644", "100755"}
GIT_TIMEOUT_SECONDS = 60


class GitFailed(StepFailed):
    """git is missing or failed in an unexpected way (exit 1, not a content problem)."""


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


def export_folder(top: Path, commit: str, inside: PurePosixPath, destination: Path) -> int:
    """Write the files under ``inside`` at ``commit`` into ``destination``; return the count."""
    listing = _git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", f"{inside}/"], cwd=top)
    if listing.returncode != 0:
        raise GitFailed(f"git ls-tree gagal: {_error_text(listing)}")
    entries: list[tuple[str, PurePosixPath]] = []
    for record in listing.stdout.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, kind, sha = meta.decode("ascii").split()
        if kind == "blob" and mode in _BLOB_MODES:
            entries.append((sha, PurePosixPath(name.decode("utf-8", "surrogateescape"))))
    if not entries:
        return 0
    batch = _git(
        ["cat-file", "--batch"],
        cwd=top,
        stdin="".join(f"{sha}\n" for sha, _ in entries).encode("ascii"),
    )
    if batch.returncode != 0:
        raise GitFailed(f"git cat-file gagal: {_error_text(batch)}")
    data, offset = batch.stdout, 0
    for _, path in entries:
        header_end = data.index(b"\n", offset)
        size = int(data[offset:header_end].split()[2])
        start = header_end + 1
        relative = path.relative_to(inside)
        target = destination.joinpath(*relative.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data[start : start + size])
        offset = start + size + 1  # the blob is followed by a newline
    return len(entries)


@contextmanager
def year_at_revision(folder: Path, rev: str) -> Iterator[tuple[Year, str]]:
    """The year in ``folder`` as it is at ``rev``, loaded; yields it and its label.

    Raises :class:`ContentError` (paths shown as ``REV:path``) when the old version has
    errors, :class:`UsageProblem` for a wrong revision or a folder that did not exist.
    """
    top, inside = repository_path(folder)
    commit = resolve_revision(top, rev)
    label = f"{rev}:{inside}"
    with tempfile.TemporaryDirectory(prefix="lampiran-rev-") as scratch:
        year_folder = Path(scratch) / inside.name
        year_folder.mkdir()
        if export_folder(top, commit, inside, year_folder) == 0:
            raise UsageProblem(
                f"folder {inside} belum ada di revisi {rev}; untuk tahun baru bandingkan "
                "dengan tahun sebelumnya, misalnya: lampiran diff content/2024 content/2025"
            )
        year, report = load_year(year_folder)
        if year is None:
            raise ContentError(_relabel(report, year_folder, f"{rev}:{inside}"))
        yield year, label


def _relabel(report: Report, scratch: Path, prefix: str) -> Report:
    """Problems found in the temporary copy, with paths the author recognises."""
    relabelled = Report()
    for problem in report.problems:
        try:
            relative = problem.path.relative_to(scratch).as_posix()
        except ValueError:
            relabelled.add(problem)
            continue
        shown = Path(f"{prefix}/{relative}" if relative != "." else prefix)
        relabelled.add(dataclasses.replace(problem, path=shown))
    return relabelled
