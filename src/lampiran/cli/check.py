"""``lampiran check``: every problem of one or more years at once."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lampiran.cli.app import cli, print_report, years_argument
from lampiran.cli.spelling import print_kamus_hint, spelling_report
from lampiran.errors import EXIT_FAILED, Report


@cli.command()
@years_argument
@click.option(
    "--spelling",
    is_flag=True,
    help="Periksa juga ejaan uraian (kamus hunspell-id dan content/kamus.txt).",
)
def check(folders: tuple[Path, ...], spelling: bool) -> None:
    """Periksa isi satu atau beberapa tahun dan tampilkan semua kesalahan sekaligus.

    FOLDER adalah folder tahun, misalnya content/2024 atau content/bkpsdm/2024, atau
    folder instansi (content/bkpsdm: tahun terbarunya); boleh beberapa sekaligus,
    misalnya content/*/2025. Bila tidak disebut, dipakai tahun terbaru di content/
    (untuk setiap instansi). Setiap masalah ditampilkan sebagai
    berkas:baris:kolom: kunci: pesan. Keluar dengan kode 1 bila ada kesalahan.
    Kata yang tidak dikenal (--spelling) hanya peringatan.
    """
    from lampiran.cli.summary import FolderOutcome, print_missing, print_summary
    from lampiran.content.loading import load_year
    from lampiran.workspace import missing_newest, resolve_years

    chosen = resolve_years(folders)
    report = Report()
    outcomes = []
    hints = []
    for target in chosen:
        year, own = load_year(target.folder)
        unknown_words = spelling_report(target.folder) if spelling else Report()
        own.extend(unknown_words.problems)
        report.extend(own.problems)
        outcomes.append(FolderOutcome(target, own))
        hints.append((target.folder, unknown_words))
        if year is not None:
            count = sum(len(s.model.indikator) for s in year.sasaran)
            programs = f", {len(year.program)} program" if year.program else ""
            click.echo(
                f"{target.folder.as_posix()}: {len(year.sasaran)} sasaran, {count} "
                f"indikator{programs} diperiksa."
            )
    print_report(report)
    for folder, unknown_words in _distinct_hints(hints):
        print_kamus_hint(folder, unknown_words)
    if len(outcomes) > 1:
        print_summary(outcomes, building=False)
    if not folders:
        print_missing(missing_newest(Path(), chosen), chosen[0].tahun)
    if report.has_errors:
        sys.exit(EXIT_FAILED)


def _distinct_hints(hints: list[tuple[Path, Report]]) -> list[tuple[Path, Report]]:
    """One kamus hint per word list (the folders of one agency share theirs)."""
    seen: set[Path] = set()
    distinct = []
    for folder, words in hints:
        if words.warnings and folder.parent not in seen:
            seen.add(folder.parent)
            distinct.append((folder, words))
    return distinct
