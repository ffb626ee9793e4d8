"""``lampiran watch``: rebuild the document (and its PDF) whenever a content file is saved."""

from __future__ import annotations

import time
from pathlib import Path

import click

from lampiran.cli.app import (
    cli,
    outdir_option,
    paper_option,
    print_report,
    template_option,
    years_argument,
)
from lampiran.errors import UsageProblem, visible


@cli.command()
@years_argument
@outdir_option()
@paper_option()
@template_option()
@click.option("--pdf", "pdf", is_flag=True, help="Buat juga PDF setiap kali (perlu LibreOffice).")
@click.option("--pdfa", "pdfa", is_flag=True, help="Buat PDF/A-2b (sudah termasuk --pdf).")
@click.option(
    "--interval",
    metavar="DETIK",
    type=click.FloatRange(0.05, 10),
    default=0.2,
    show_default=True,
    help="Jeda antara dua kali memeriksa berkas, dalam detik.",
)
def watch(
    folders: tuple[Path, ...],
    outdir: Path,
    paper: str,
    template: Path | None,
    pdf: bool,
    pdfa: bool,
    interval: float,
) -> None:
    """Buat ulang dokumen setiap kali berkas isi disimpan (hentikan dengan Ctrl-C).

    FOLDER seperti pada 'lampiran build' (bawaan: tahun terbaru). Dokumen dibuat sekali
    di awal, lalu setiap kali sebuah berkas di folder tahun itu berubah. Bila isinya
    salah, kesalahannya ditampilkan dan dokumen lama dibiarkan sampai disimpan lagi.
    Dengan --pdf, LibreOffice dijalankan sekali dan dibiarkan hidup selama menunggu,
    sehingga PDF baru siap dalam sekitar setengah detik; buka PDF itu di penampil yang
    memuat ulang sendiri (misalnya Okular, Evince, SumatraPDF).
    """
    from lampiran.watch import Watch
    from lampiran.workspace import resolve_years

    chosen = resolve_years(folders)
    if len({(year.instansi, year.tahun) for year in chosen}) != len(chosen):
        raise UsageProblem("dua folder yang disebut berisi tahun yang sama; sebutkan sekali saja")
    watcher = Watch(chosen, outdir, paper.upper(), template, pdf, pdfa, interval)
    try:
        watcher.run(_tell, _idle)
    finally:
        watcher.close()


def _tell(rebuild: object) -> None:
    from lampiran.watch import Rebuild

    assert isinstance(rebuild, Rebuild)
    clock = time.strftime("%H:%M:%S")
    folder = rebuild.year.folder.as_posix()
    if rebuild.report.problems:
        print_report(rebuild.report)
    if rebuild.failure:
        click.echo(f"{clock} {folder}: Galat: {visible(rebuild.failure)}", err=True)
    elif rebuild.written:
        shown = ", ".join(path.as_posix() for path in rebuild.written)
        seconds = f"{rebuild.seconds:.2f}".replace(".", ",")
        click.echo(f"{clock} {shown} ditulis ({seconds} detik).")
    else:
        click.echo(
            f"{clock} {folder}: belum dibuat ulang; perbaiki kesalahan di atas lalu simpan lagi."
        )


def _idle() -> None:
    click.echo("Menunggu perubahan berkas; tekan Ctrl-C untuk berhenti.")
