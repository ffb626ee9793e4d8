"""``lampiran check``: every problem of a year at once."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lampiran.cli.app import cli, print_report, year_argument
from lampiran.cli.spelling import print_kamus_hint, spelling_report
from lampiran.errors import EXIT_FAILED, Report


@cli.command()
@year_argument
@click.option(
    "--spelling",
    is_flag=True,
    help="Periksa juga ejaan uraian (kamus hunspell-id dan content/kamus.txt).",
)
def check(folder: Path | None, spelling: bool) -> None:
    """Periksa isi satu tahun dan tampilkan semua kesalahan sekaligus.

    FOLDER adalah folder tahun, misalnya content/2024; bila tidak disebut, dipakai
    tahun terbaru di content/. Setiap masalah ditampilkan sebagai
    berkas:baris:kolom: kunci: pesan. Keluar dengan kode 1 bila ada kesalahan.
    Kata yang tidak dikenal (--spelling) hanya peringatan.
    """
    from lampiran.content.loading import load_year
    from lampiran.workspace import resolve_year_folder

    folder = resolve_year_folder(folder)
    year, report = load_year(folder)
    unknown_words = spelling_report(folder) if spelling else Report()
    report.extend(unknown_words)
    if year is not None:
        count = sum(len(s.model.indikator) for s in year.sasaran)
        programs = f", {len(year.program)} program" if year.program else ""
        click.echo(
            f"{folder.as_posix()}: {len(year.sasaran)} sasaran, {count} indikator{programs} "
            "diperiksa."
        )
    print_report(report)
    print_kamus_hint(folder, unknown_words)
    if report.has_errors:
        sys.exit(EXIT_FAILED)
