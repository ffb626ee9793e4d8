"""A new content repository for one agency: ``lampiran init``.

What an agency starts from: ``content/<tahun>/`` with a ``dokumen.yaml`` and one example
sasaran, both commented in Indonesian so that they read as a form to fill in (or the
year read from the agency's own Word file, :mod:`lampiran.importers`), the project word
list ``content/kamus.txt``, the JSON Schemas and ``.vscode/settings.json`` that make VS
Code complete keys and mark mistakes, and a ``.gitignore`` for ``dist/``. On request, the
CI example of GitLab or GitHub and a pre-commit configuration.

The starter files are package data (``lampiran/data/``), so that they read as the files
they become. Nothing is ever overwritten: when any file to write exists (``content/``
above all), the command refuses before writing anything, naming what is in the way.
Only ``.gitignore`` and ``.vscode/settings.json``, which a repository may already hold
for other reasons, are then left as they are, and the user is told what to add.
Everything is built in a hidden folder inside the target and moved into place at the end.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal

from lampiran import __version__
from lampiran.content.schema import SCHEMA_DIR, SCHEMAS, render_schema
from lampiran.errors import StepFailed, os_reason
from lampiran.source.yamlwriter import scalar
from lampiran.workspace import CONTENT_DIR

CiKind = Literal["gitlab", "github"]

CI_FILES: dict[str, tuple[str, str]] = {
    "gitlab": (".gitlab-ci.yml", "gitlab-ci.yml"),
    "github": (".github/workflows/lampiran.yml", "github-workflow.yml"),
}
"""Where each CI example goes in the repository, and its package data file."""
PRE_COMMIT_FILE = ".pre-commit-config.yaml"
EXAMPLE_SASARAN = "01-contoh-sasaran.yaml"
GITIGNORE = ".gitignore"
VSCODE_SETTINGS = ".vscode/settings.json"
OPTIONAL = (GITIGNORE, VSCODE_SETTINGS)
"""Files a repository may hold already: left alone (with a hint), never a refusal."""


class InitRefused(StepFailed):
    """Something ``lampiran init`` would write is there already: nothing is changed."""


@dataclass
class Starter:
    """The files of a new repository, by path relative to its folder, and the hints."""

    files: dict[str, bytes] = field(default_factory=dict)
    hints: list[str] = field(default_factory=list)


def data_text(name: str) -> str:
    """A starter file shipped in the package (``lampiran/data/<name>``)."""
    return resources.files("lampiran").joinpath(f"data/{name}").read_text(encoding="utf-8")


def example_year(instansi: str, tahun: int) -> dict[str, str]:
    """The example year as files under ``content/<tahun>/``: a form to fill in."""
    jabatan = f"Kepala {instansi}"
    dokumen = (
        data_text("starter-dokumen.yaml")
        .replace("__INSTANSI__", scalar(instansi))
        .replace("__JABATAN__", scalar(jabatan))
        .replace("__TAHUN__", str(tahun))
    )
    return {
        "dokumen.yaml": dokumen,
        f"sasaran/{EXAMPLE_SASARAN}": data_text("starter-sasaran.yaml"),
    }


def starter(year_files: dict[str, str], tahun: int, ci: CiKind | None) -> Starter:
    """Every file of the new repository, the year given as files of ``content/<tahun>/``."""
    made = Starter()
    for relative in sorted(year_files, key=lambda name: ("/" in name, name)):
        made.files[f"{CONTENT_DIR}/{tahun}/{relative}"] = year_files[relative].encode("utf-8")
    made.files[f"{CONTENT_DIR}/kamus.txt"] = data_text("kamus.txt").encode("utf-8")
    for name, model in SCHEMAS.items():
        made.files[f"{SCHEMA_DIR}/{name}"] = render_schema(model).encode("utf-8")
    made.files[VSCODE_SETTINGS] = data_text("vscode-settings.json").encode("utf-8")
    made.files[GITIGNORE] = data_text("gitignore").encode("utf-8")
    if ci is not None:
        path, name = CI_FILES[ci]
        made.files[path] = data_text(name).encode("utf-8")
        pre_commit = data_text("pre-commit-config.yaml").replace("__VERSI__", __version__)
        made.files[PRE_COMMIT_FILE] = pre_commit.encode("utf-8")
    return made


def in_the_way(folder: Path, made: Starter) -> list[str]:
    """The files (or their folders) that exist already and must not be overwritten."""
    blocking: list[str] = []
    if os.path.lexists(folder / CONTENT_DIR):
        blocking.append(f"{CONTENT_DIR}/")
    for relative in made.files:
        if relative.startswith(f"{CONTENT_DIR}/") or relative in OPTIONAL:
            continue
        if os.path.lexists(folder / relative):
            blocking.append(relative)
    return blocking


def create_repository(folder: Path, made: Starter) -> list[Path]:
    """Write the starter files into ``folder`` (created if needed); return what was written.

    Raises :class:`InitRefused` naming everything in the way; then nothing is written.
    """
    if folder.exists() and not folder.is_dir():
        raise InitRefused(f"{folder.as_posix()} bukan folder; sebutkan folder repositori isi")
    blocking = in_the_way(folder, made)
    if blocking:
        shown = ", ".join(blocking)
        raise InitRefused(
            f"{folder.as_posix()} sudah berisi {shown}; 'lampiran init' tidak menimpa apa pun, "
            "jadi tidak ada yang diubah. Untuk tahun berikutnya pakai 'lampiran new', untuk "
            "dokumen Word pakai 'lampiran import'"
        )
    for relative in OPTIONAL:
        if os.path.lexists(folder / relative):
            del made.files[relative]
            made.hints.append(_kept_hint(relative))
    staging: Path | None = None
    moved: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".lampiran-init-", dir=folder))
        for relative, data in made.files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        for entry in sorted(staging.iterdir()):
            moved.extend(_move_in(entry, folder / entry.name))
    except OSError as exc:
        for path in reversed(moved):
            _remove(path)
        raise StepFailed(
            f"repositori isi tidak dapat dibuat di {folder.as_posix()}: {os_reason(exc)}"
        ) from None
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return [folder / relative for relative in made.files]


def _move_in(source: Path, target: Path) -> list[Path]:
    """Move a staged entry into place; into an existing folder (``.github``) entry by entry."""
    if source.is_dir() and target.is_dir() and not target.is_symlink():
        moved: list[Path] = []
        for entry in sorted(source.iterdir()):
            moved.extend(_move_in(entry, target / entry.name))
        return moved
    if os.path.lexists(target):
        raise FileExistsError(target)
    source.rename(target)
    return [target]


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _kept_hint(relative: str) -> str:
    if relative == GITIGNORE:
        return (
            f"{GITIGNORE} sudah ada dan tidak diubah; tambahkan baris 'dist/' bila belum ada, "
            "agar dokumen hasil 'lampiran build' tidak ikut di-commit"
        )
    return (
        f"{VSCODE_SETTINGS} sudah ada dan tidak diubah; salin pengaturan 'yaml.schemas' dari "
        "README (bagian VS Code) bila VS Code belum menandai kesalahan di berkas isi"
    )


def placeholder_lines(folder: Path, written: list[Path]) -> list[str]:
    """``file:line`` of each example address in the CI files, which the user must replace."""
    found = []
    for path in written:
        if path.name not in (".gitlab-ci.yml", "lampiran.yml", PRE_COMMIT_FILE):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            if "NAMA-GRUP" in line or "NAMA-ORGANISASI" in line:
                found.append(f"{path.relative_to(folder).as_posix()}:{number}")
    return found
