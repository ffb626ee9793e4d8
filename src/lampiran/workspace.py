"""Where the content is: year folders, agencies, and what a year or an agency is.

A repository holds one agency (``content/<tahun>/``) or several
(``content/<instansi>/<tahun>/``, content-format.md 1.1); both layouts may even sit side
by side. Every command that takes year folders, or picks the newest year, asks this
module, so the rules for a year folder's name, an agency folder's name and the range of
years live in one place.

The agency's short name is the name of its folder, and it is the only thing that ever
becomes part of an output path (``dist/<instansi>/``): it must be lowercase letters,
digits and ``-``. The agency's name as written in ``dokumen.yaml`` is free text and never
becomes a path.
"""

from __future__ import annotations

import glob
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lampiran.errors import UsageProblem, os_reason
from lampiran.source.files import FileRefused, is_link, list_folder, status_of

CONTENT_DIR = "content"
MIN_TAHUN = 2000
MAX_TAHUN = 2100
"""The years content may be for (a typo such as 20024 or 1024 is caught)."""
_YEAR_NAME = re.compile(r"[0-9]{4}")
"""A year folder's name: four ASCII digits (``２０２４`` or Arabic-Indic digits are not)."""
_AGENCY_NAME = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")
"""An agency folder's name: lowercase ASCII letters, digits and ``-``, at most 64 long."""
_WILDCARDS = re.compile(r"[*?\[]")


def is_year_name(name: str) -> bool:
    """Whether ``name`` is written as a year (four ASCII digits)."""
    return _YEAR_NAME.fullmatch(name) is not None


def is_agency_name(name: str) -> bool:
    """Whether ``name`` may name an agency folder (and so an output folder)."""
    return _AGENCY_NAME.fullmatch(name) is not None and not is_year_name(name)


def suggested_agency_name(name: str) -> str:
    """A safe name close to ``name`` (``Dinas Kesehatan`` -> ``dinas-kesehatan``).

    Only ever shown in a message, never used as a path.
    """
    suggestion = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:64].strip("-")
    return suggestion if is_agency_name(suggestion) else "nama-instansi"


@dataclass(frozen=True)
class YearFolder:
    """A year folder to work on, and the agency it belongs to (``None``: one agency)."""

    folder: Path
    instansi: str | None = None

    @property
    def tahun(self) -> str:
        return Path(os.path.abspath(self.folder)).name

    def output_folder(self, outdir: Path) -> Path:
        """Where its documents go: ``outdir/<instansi>`` or, for one agency, ``outdir``."""
        return outdir / self.instansi if self.instansi is not None else outdir

    @property
    def label(self) -> str:
        """How summaries name it: ``bkpsdm 2025``, or the folder for one agency."""
        if self.instansi is not None:
            return f"{self.instansi} {self.tahun}"
        return self.folder.as_posix()


def agency_of(folder: Path) -> str | None:
    """The agency of the year folder ``folder`` (``content/<instansi>/<tahun>``), if any.

    ``None`` in the one-agency layout (``content/<tahun>``) and for a year folder outside
    a ``content/`` folder. Raises :class:`UsageProblem` when the folder above the year is
    an agency folder whose name cannot name an output folder.
    """
    absolute = Path(os.path.abspath(folder))
    parent = absolute.parent
    if parent.name == CONTENT_DIR or parent.parent.name != CONTENT_DIR:
        return None
    if not is_agency_name(parent.name):
        raise _bad_agency_name(parent)
    return parent.name


def _bad_agency_name(folder: Path) -> UsageProblem:
    return UsageProblem(
        f"nama folder instansi '{folder.name}' ({_shown(folder)}) tidak dapat dipakai: "
        "nama folder instansi hanya boleh berisi huruf kecil, angka dan '-', karena "
        "menjadi nama folder hasilnya (dist/<instansi>/); ganti namanya, misalnya "
        f"menjadi '{suggested_agency_name(folder.name)}'"
    )


def find_year_folders(root: Path) -> list[Path]:
    """The ``content/<tahun>`` folders under ``root`` (one agency), oldest first."""
    content = root / CONTENT_DIR
    try:
        if not content.is_dir():
            return []
    except OSError as exc:
        raise FileRefused(content, f"tidak dapat dibuka: {os_reason(exc)}") from None
    return years_in(content)


def years_in(folder: Path) -> list[Path]:
    """The year folders directly inside ``folder``, oldest first."""
    # A year that is a link is listed too, so that loading it says why it is refused
    # instead of an older year being taken without a word.
    return [
        path for path in list_folder(folder) if is_year_name(path.name) and _is_folder_or_link(path)
    ]


def find_agencies(root: Path) -> list[Path]:
    """The agency folders ``content/<instansi>/`` under ``root`` that hold a year, by name.

    A folder under ``content/`` that holds year folders but whose name cannot be an
    agency's (``Dinas Kesehatan``), or an agency folder that is a link, is refused
    rather than silently left out of a build of every agency.
    """
    content = root / CONTENT_DIR
    try:
        if not content.is_dir():
            return []
    except OSError as exc:
        raise FileRefused(content, f"tidak dapat dibuka: {os_reason(exc)}") from None
    agencies = []
    for entry in list_folder(content):
        if entry.name.startswith(".") or is_year_name(entry.name):
            continue
        status = status_of(entry)
        if status is None or not (stat.S_ISDIR(status.st_mode) or is_link(entry)):
            continue
        if is_link(entry):
            raise FileRefused(
                entry,
                "folder instansi ini pintasan (symlink), sehingga tidak dibaca: lampiran "
                "hanya membaca folder biasa; ganti pintasan itu dengan salinan foldernya",
            )
        if not years_in(entry):
            continue
        if not is_agency_name(entry.name):
            raise _bad_agency_name(entry)
        agencies.append(entry)
    return agencies


def workspace_years(root: Path) -> list[YearFolder]:
    """Every year folder of the workspace: one agency's first, then each agency's."""
    found = [YearFolder(folder) for folder in find_year_folders(root)]
    for agency in find_agencies(root):
        found += [YearFolder(folder, agency.name) for folder in years_in(agency)]
    return found


def newest_years(root: Path) -> list[YearFolder]:
    """The newest year of the workspace: its folder for one agency, or every agency's.

    An agency that has no folder for that year yet is left out (see :func:`missing_newest`).
    """
    found = workspace_years(root)
    if not found:
        content = (root / CONTENT_DIR).as_posix()
        raise UsageProblem(
            f"tidak ada folder tahun di {content}/; sebutkan foldernya, misalnya: "
            "lampiran check content/2024"
        )
    newest = max(year.tahun for year in found)
    return [year for year in found if year.tahun == newest]


def missing_newest(root: Path, chosen: Sequence[YearFolder]) -> list[str]:
    """The agencies of the workspace that have no folder of the year ``chosen`` is of."""
    if not chosen:
        return []
    tahun = chosen[0].tahun
    return [
        agency.name
        for agency in find_agencies(root)
        if not any(folder.name == tahun for folder in years_in(agency))
    ]


def expand_wildcards(arguments: Sequence[Path]) -> list[Path]:
    """``content/*/2025`` as the folders it names, for shells that do not expand it.

    The Windows command prompt passes wildcards on as they are. An argument that exists
    as it is written, or has no wildcard, is kept as it is.
    """
    expanded: list[Path] = []
    for argument in arguments:
        text = str(argument)
        if not _WILDCARDS.search(text) or os.path.lexists(argument):
            expanded.append(argument)
            continue
        matches = sorted(glob.glob(text))
        if not matches:
            raise UsageProblem(
                f"tidak ada folder yang cocok dengan '{argument.as_posix()}'; "
                "periksa penulisannya, misalnya content/*/2025"
            )
        expanded += [Path(match) for match in matches]
    return expanded


def resolve_years(arguments: Sequence[Path], root: Path | None = None) -> list[YearFolder]:
    """The year folders the arguments name; without arguments, the newest year.

    An argument may be a year folder or an agency folder (its newest year); wildcards
    are expanded (:func:`expand_wildcards`). Raises
    :class:`UsageProblem` (exit 2) for an argument that names none of these.
    """
    base = root if root is not None else Path()
    if not arguments:
        return newest_years(base)
    resolved: list[YearFolder] = []
    for argument in expand_wildcards(arguments):
        resolved += _resolve_argument(argument, root)
    return resolved


def _resolve_argument(argument: Path, root: Path | None) -> list[YearFolder]:
    if not is_link(argument) and argument.is_dir():
        absolute = Path(os.path.abspath(argument))
        if not is_year_name(absolute.name) and absolute.parent.name == CONTENT_DIR:
            years = years_in(argument)
            if years:
                if not is_agency_name(absolute.name):
                    raise _bad_agency_name(absolute)
                return [YearFolder(years[-1], absolute.name)]
    folder = resolve_year_folder(argument, root)
    return [YearFolder(folder, agency_of(folder))]


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
            if is_year_name(parent.name) and CONTENT_DIR in (
                parent.parent.name,
                parent.parent.parent.name,
            ):
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
