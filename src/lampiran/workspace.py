"""Where the content is: the year folders of a repository, and what a year is.

A repository holds ``content/<tahun>/`` (one agency). Every command that takes a year
folder, or picks the newest one, asks this module, so the rule for a year folder's name
and the range of years live in one place.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

from lampiran.errors import UsageProblem, os_reason
from lampiran.source.files import FileRefused, is_link, list_folder, status_of

CONTENT_DIR = "content"
MIN_TAHUN = 2000
MAX_TAHUN = 2100
"""The years content may be for (a typo such as 20024 or 1024 is caught)."""
_YEAR_NAME = re.compile(r"[0-9]{4}")
"""A year folder's name: four ASCII digits (``２０２４`` or Arabic-Indic digits are not)."""


def is_year_name(name: str) -> bool:
    """Whether ``name`` is written as a year (four ASCII digits)."""
    return _YEAR_NAME.fullmatch(name) is not None


def find_year_folders(root: Path) -> list[Path]:
    """The ``content/<tahun>`` folders under ``root``, oldest first."""
    content = root / CONTENT_DIR
    try:
        if not content.is_dir():
            return []
    except OSError as exc:
        raise FileRefused(content, f"tidak dapat dibuka: {os_reason(exc)}") from None
    # A year that is a link is listed too, so that loading it says why it is refused
    # instead of an older year being taken without a word.
    return [
        path
        for path in list_folder(content)
        if is_year_name(path.name) and _is_folder_or_link(path)
    ]


def _is_folder_or_link(path: Path) -> bool:
    status = status_of(path)
    return status is not None and (stat.S_ISDIR(status.st_mode) or is_link(path))


def resolve_year_folder(folder: Path | None, root: Path | None = None) -> Path:
    """The folder to work on: the one given, or the newest ``content/<tahun>``.

    Raises :class:`UsageProblem` (exit 2) when there is no such folder or its name is not
    a year, because that is a mistake in the command, not in the content.
    """
    if folder is None:
        base = root if root is not None else Path()
        years = find_year_folders(base)
        if not years:
            raise UsageProblem(
                f"tidak ada folder tahun di {(base / CONTENT_DIR).as_posix()}/; "
                "sebutkan foldernya, misalnya: lampiran check content/2024"
            )
        return years[-1]
    if is_link(folder):
        return folder  # loading it says why it is refused, without looking where it points
    try:
        return _given_year_folder(folder, root)
    except OSError as exc:
        raise FileRefused(folder, f"tidak dapat dibuka: {os_reason(exc)}") from None


def _given_year_folder(folder: Path, root: Path | None) -> Path:
    if not folder.exists():
        under_content = (root if root is not None else Path()) / CONTENT_DIR / folder
        if is_year_name(folder.name) and under_content.is_dir():
            raise UsageProblem(
                f"folder '{folder.as_posix()}' tidak ada; maksud Anda "
                f"{CONTENT_DIR}/{folder.as_posix()}?"
            )
        raise UsageProblem(f"folder '{folder.as_posix()}' tidak ada; periksa penulisannya")
    if not folder.is_dir():
        raise UsageProblem(f"'{folder.as_posix()}' bukan folder; sebutkan folder tahunnya")
    name = folder.resolve().name
    if not is_year_name(name):
        for parent in folder.resolve().parents:
            if is_year_name(parent.name) and parent.parent.name == CONTENT_DIR:
                raise UsageProblem(
                    f"'{folder.as_posix()}' ada di dalam folder tahun; sebutkan folder "
                    f"tahunnya sendiri, yaitu {_shown(parent)}"
                )
        raise UsageProblem(
            f"nama folder '{name}' bukan tahun; folder isi dinamai dengan tahunnya, "
            "misalnya content/2024"
        )
    return folder


def _shown(path: Path) -> str:
    """A folder as the user would type it: relative to the working directory if inside."""
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
