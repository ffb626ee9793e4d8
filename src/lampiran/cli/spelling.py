"""``lampiran spelling``, and the spelling report that ``check --spelling`` adds."""

from __future__ import annotations

from pathlib import Path

import click

from lampiran.cli.app import cli, print_report, year_argument
from lampiran.errors import Report


@cli.command()
@year_argument
def spelling(folder: Path | None) -> None:
    """Periksa ejaan uraian, relevansi, formulasi, dan teks lain di berkas sasaran.

    Kata yang tidak ada di kamus hunspell-id maupun di content/kamus.txt ditampilkan
    sebagai peringatan di berkas:baris:kolom, dengan paling banyak tiga saran. Angka,
    alamat web, dan alamat surel tidak diperiksa. Kata yang benar tetapi belum dikenal
    (singkatan, nama) tambahkan ke content/kamus.txt, satu kata per baris.
    """
    from lampiran.workspace import resolve_year_folder

    folder = resolve_year_folder(folder)
    report = spelling_report(folder)
    print_report(report)
    print_kamus_hint(folder, report)


def spelling_report(folder: Path) -> Report:
    from lampiran.text.spelling import check_year_spelling

    return check_year_spelling(folder)


def print_kamus_hint(folder: Path, spelling_report: Report) -> None:
    if spelling_report.warnings:
        from lampiran.text.spelling import kamus_hint

        click.echo(kamus_hint(folder))
