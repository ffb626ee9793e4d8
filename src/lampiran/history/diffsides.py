"""The two sides of ``lampiran diff``: which folders (or revision) and loading them.

Staff type years more often than paths (``lampiran diff 2024 2025``), so a bare year
that is not itself a folder is looked up under ``content/``. Anything that cannot be
resolved is a usage mistake (exit 2), never a content error. Both sides are loaded
before stopping, so broken content on either side is reported in one run, exactly as
``lampiran check`` reports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lampiran.content.loading import Year, load_year
from lampiran.errors import ContentError, Report, UsageProblem
from lampiran.history.diffing import YearDiff, diff_years
from lampiran.workspace import CONTENT_DIR, find_year_folders, is_year_name, resolve_year_folder


def year_folder(argument: Path) -> Path:
    """A folder given as a path or as a bare year under ``content/``."""
    if not argument.exists() and is_year_name(str(argument)):
        candidate = Path(CONTENT_DIR, str(argument))
        if candidate.is_dir():
            return candidate
    return resolve_year_folder(argument)


def year_pair(old: Path | None, new: Path | None) -> tuple[Path, Path]:
    """The two folders to compare: both given, or the two newest years under the working
    directory (one given: it is compared with the newest)."""
    if old is not None and new is not None:
        return year_folder(old), year_folder(new)
    years = find_year_folders(Path())
    if old is not None:
        if not years:
            raise UsageProblem("sebutkan dua folder tahun, misalnya: lampiran diff 2024 2025")
        return year_folder(old), years[-1]
    if len(years) < 2:
        raise UsageProblem(
            f"perlu dua folder tahun di {CONTENT_DIR}/ untuk "
            "dibandingkan; sebutkan keduanya, misalnya: lampiran diff 2024 2025"
        )
    return years[-2], years[-1]


@dataclass(frozen=True)
class Sides:
    """Both years loaded, with the labels that name them in the output."""

    old: Year
    new: Year
    old_label: str
    new_label: str


def compare(old: Path | None, new: Path | None, rev: str | None) -> YearDiff:
    """Load both sides and compare them; see ``lampiran diff --help`` for the arguments."""
    sides = load_sides(old, new, rev)
    return diff_years(sides.old, sides.new, sides.old_label, sides.new_label)


def load_sides(old: Path | None, new: Path | None, rev: str | None) -> Sides:
    """The two years ``lampiran diff`` compares, both loaded (every problem reported)."""
    if rev is not None:
        if new is not None:
            raise UsageProblem(
                "dengan --rev sebutkan satu FOLDER saja, misalnya: "
                "lampiran diff --rev main content/2024"
            )
        folder = year_folder(old) if old else resolve_year_folder(None, root=Path())
        return _sides_with_revision(folder, rev)
    old_folder, new_folder = year_pair(old, new)
    old_year, old_report = load_year(old_folder)
    new_year, new_report = load_year(new_folder)
    if old_year is None or new_year is None:
        report = Report()
        report.extend([*old_report.problems, *new_report.problems])
        raise ContentError(report)
    return Sides(old_year, new_year, old_folder.as_posix(), new_folder.as_posix())


def _sides_with_revision(folder: Path, rev: str) -> Sides:
    from lampiran.history.gitrev import year_at_revision

    current, report = load_year(folder)
    try:
        old_year, label = year_at_revision(folder, rev)
    except ContentError as exc:
        both = Report()
        both.extend([*exc.report.problems, *report.problems])
        raise ContentError(both) from None
    if current is None:
        raise ContentError(report)
    return Sides(old_year, current, label, folder.as_posix())
