"""``new`` and ``diff`` over the agencies of a many-agency workspace.

Each agency is its own unit: a new year is made (or a diff shown) for every agency, one
after the other, and one agency whose content is broken or whose year exists already
does not stop the others. What failed is reported as ``lampiran`` reports any failure,
named with the agency, and the exit code is the worst of them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import click

from lampiran.cli.app import print_report
from lampiran.errors import ContentError, LampiranError, UsageProblem, visible
from lampiran.workspace import CONTENT_DIR, find_agencies, find_year_folders, is_agency_name


def chosen_agencies(agencies: Sequence[str], root: Path | None = None) -> list[Path]:
    """The agency folders to work on: those named (each must exist), else all of them."""
    base = root if root is not None else Path()
    found = find_agencies(base)
    if not agencies:
        return found
    by_name = {folder.name: folder for folder in found}
    chosen = []
    for name in dict.fromkeys(agencies):
        if name not in by_name:
            known = ", ".join(by_name) or "belum ada"
            shown = visible(name) if is_agency_name(name) else f"'{visible(name)}'"
            raise UsageProblem(
                f"instansi {shown} tidak ada di {CONTENT_DIR}/ (folder instansi yang ada: {known})"
            )
        chosen.append(by_name[name])
    return chosen


def new_years(tahun: int | None, from_tahun: int | None, agencies: Sequence[str]) -> None:
    """``lampiran new``: one new year, or one for each agency of the workspace."""
    from lampiran.history.newyear import create_year, pick_source, pick_source_in, review_lines

    folders = chosen_agencies(agencies)
    if not folders or (not agencies and find_year_folders(Path())):
        # One agency (content/<tahun>), exactly as before.
        made = create_year(pick_source(Path(), from_tahun), tahun)
        click.echo("\n".join(review_lines(made)))
        return

    def make(folder: Path) -> None:
        made = create_year(pick_source_in(folder, from_tahun), tahun)
        click.echo("\n".join(review_lines(made)))

    run_each(folders, make)


def run_each(folders: Sequence[Path], action: Callable[[Path], None]) -> None:
    """Run ``action`` for each agency folder; report failures; exit with the worst code."""
    worst = 0
    for number, folder in enumerate(folders):
        if number:
            click.echo("")
        click.echo(f"== {folder.name} ==")
        try:
            action(folder)
        except ContentError as exc:
            print_report(exc.report)
            worst = max(worst, exc.exit_code)
        except LampiranError as exc:
            click.echo(f"Galat: {folder.name}: {visible(str(exc))}", err=True)
            worst = max(worst, exc.exit_code)
    if worst:
        sys.exit(worst)


def agency_diffs(
    lama: Path | None,
    baru: Path | None,
    rev: str | None,
    agencies: Sequence[str],
) -> list[tuple[Path, Path | None, Path | None]] | None:
    """The sides of ``lampiran diff`` for each agency, or ``None`` for a plain diff.

    A plain diff is one of two folders named as paths, or any diff in a workspace
    without agencies. Otherwise bare years (``lampiran diff 2024 2025``), or none (the
    two newest), are taken inside each agency's folder.
    """
    given = [side for side in (lama, baru) if side is not None]
    if any(side.exists() for side in given) and not agencies:
        return None
    folders = chosen_agencies(agencies)
    if not folders:
        return None
    if not agencies and find_year_folders(Path()):
        return None
    return [(folder, *_sides_in(folder, lama, baru, rev)) for folder in folders]


def _sides_in(
    folder: Path, lama: Path | None, baru: Path | None, rev: str | None
) -> tuple[Path | None, Path | None]:
    from lampiran.workspace import years_in

    def inside(side: Path | None) -> Path | None:
        return None if side is None else folder / side.name

    if lama is not None:
        return inside(lama), inside(baru)
    years = years_in(folder)
    if rev is not None:
        return (years[-1] if years else None), None
    if len(years) < 2:
        return None, None  # said when this agency's turn comes
    return years[-2], years[-1]


def show_agency_diffs(
    sides: Sequence[tuple[Path, Path | None, Path | None]],
    lama: Path | None,
    rev: str | None,
    output_format: str,
    exit_code: bool,
    agencies: Sequence[str],
) -> None:
    """Print each agency's diff (one JSON object for all with ``--format json``)."""
    import json

    from lampiran.history.diffformat import format_diff
    from lampiran.history.diffsides import compare

    changed = False
    combined: dict[str, object] = {}
    by_folder = {folder: (old, new) for folder, old, new in sides}

    def show(folder: Path) -> None:
        nonlocal changed
        old, new = by_folder[folder]
        if old is None and rev is None and lama is None and not agencies:
            click.echo(f"{folder.as_posix()}: belum ada dua tahun untuk dibandingkan.")
            return
        if old is None:
            raise UsageProblem(
                f"perlu dua folder tahun di {folder.as_posix()}/ untuk dibandingkan; "
                "sebutkan keduanya, misalnya: lampiran diff 2024 2025"
                if rev is None
                else f"tidak ada folder tahun di {folder.as_posix()}/"
            )
        result = compare(old, new, rev)
        changed = changed or result.has_changes
        if output_format == "json":
            combined[folder.name] = json.loads(format_diff(result, output_format))
        else:
            click.echo(format_diff(result, output_format))

    try:
        if output_format == "json":
            _run_quietly([folder for folder, _, _ in sides], show)
        else:
            run_each([folder for folder, _, _ in sides], show)
    finally:
        if output_format == "json":
            click.echo(json.dumps(combined, ensure_ascii=False, indent=2))
    if exit_code and changed:
        sys.exit(1)


def _run_quietly(folders: Sequence[Path], action: Callable[[Path], None]) -> None:
    """:func:`run_each` without the headers (JSON output must stay one object)."""
    worst = 0
    for folder in folders:
        try:
            action(folder)
        except ContentError as exc:
            for problem in exc.report.sorted():
                click.echo(f"{folder.name}: {problem.format()}", err=True)
            worst = max(worst, exc.exit_code)
        except LampiranError as exc:
            click.echo(f"Galat: {folder.name}: {visible(str(exc))}", err=True)
            worst = max(worst, exc.exit_code)
    if worst:
        sys.exit(worst)
