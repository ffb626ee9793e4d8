"""``lampiran spelling``, and the spelling report that ``check --spelling`` adds."""

from __future__ import annotations

from pathlib import Path

import click

from lampiran.cli.app import cli, print_report, years_argument
from lampiran.errors import Report


@cli.command()
@years_argument
def spelling(folders: tuple[Path, ...]) -> None:
    """Periksa ejaan uraian, relevansi, formulasi, dan teks lain di berkas sasaran.

    Kata yang tidak ada di kamus hunspell-id maupun di content/kamus.txt ditampilkan
    sebagai peringatan di berkas:baris:kolom, dengan paling banyak tiga saran. Angka,
    alamat web, dan alamat surel tidak diperiksa. Kata yang benar tetapi belum dikenal
    (singkatan, nama) tambahkan ke content/kamus.txt, satu kata per baris; untuk satu
    instansi saja, ke content/<instansi>/kamus.txt. FOLDER seperti pada 'lampiran check':
    satu atau beberapa folder tahun atau instansi.
    """
    from lampiran.workspace import resolve_years

    report = Report()
    shown: set[Path] = set()
    reports = []
    for target in resolve_years(folders):
        own = spelling_report(target.folder)
        report.extend(own.problems)
        reports.append((target.folder, own))
    print_report(report)
    for folder, own in reports:
        if own.warnings and folder.parent not in shown:
            shown.add(folder.parent)
            print_kamus_hint(folder, own)


def spelling_report(folder: Path) -> Report:
    from lampiran.text.spelling import check_year_spelling

    return check_year_spelling(folder)


def print_kamus_hint(folder: Path, spelling_report: Report) -> None:
    if spelling_report.warnings:
        from lampiran.text.spelling import kamus_hint

        click.echo(kamus_hint(folder))
