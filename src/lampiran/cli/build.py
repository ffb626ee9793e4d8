"""``lampiran build``: the documents of one or more years, and their PDFs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

import click

from lampiran.cli.app import (
    Choice,
    cli,
    outdir_option,
    paper_option,
    print_report,
    print_written,
    template_option,
)
from lampiran.errors import EXIT_FAILED, StepFailed

if TYPE_CHECKING:
    from lampiran.documents.pk import DocumentKind


@cli.command()
@click.argument(
    "folders", metavar="[FOLDER]...", nargs=-1, type=click.Path(path_type=Path, file_okay=True)
)
@outdir_option()
@paper_option()
@template_option()
@click.option(
    "--dokumen",
    "dokumen",
    type=Choice(["pk", "pernyataan", "lampiran-1", "lampiran-2"]),
    multiple=True,
    metavar="[pk|pernyataan|lampiran-1|lampiran-2]",
    help=(
        "Dokumen yang dibuat (boleh diulang): pk = perjanjian kinerja lengkap (pernyataan, "
        "Lampiran 1, Lampiran 2), atau satu bagiannya. Bawaan: lampiran-2."
    ),
)
@click.option(
    "--pdf", "pdf", is_flag=True, help="Buat juga PDF di samping setiap .docx (perlu LibreOffice)."
)
@click.option(
    "--pdfa",
    "pdfa",
    is_flag=True,
    help="Buat PDF/A-2b untuk arsip dan tanda tangan elektronik (sudah termasuk --pdf).",
)
@click.option(
    "--html",
    "html",
    is_flag=True,
    help="Buat juga halaman web (.html) untuk diterbitkan di situs instansi atau PPID.",
)
def build(
    folders: tuple[Path, ...],
    outdir: Path,
    paper: str,
    template: Path | None,
    dokumen: tuple[str, ...],
    pdf: bool,
    pdfa: bool,
    html: bool,
) -> None:
    """Buat dokumen Word Perjanjian Kinerja dari satu atau beberapa folder tahun.

    FOLDER adalah folder tahun, misalnya content/2024 atau content/bkpsdm/2025, atau
    folder instansi (tahun terbarunya); boleh beberapa sekaligus, misalnya
    content/*/2025. Bila tidak disebut, dipakai tahun terbaru di content/ (untuk setiap
    instansi). Tanpa --dokumen dibuat Lampiran 2; --dokumen pk membuat perjanjian
    kinerja lengkap (pernyataan, Lampiran 1, Lampiran 2), yang bersama pernyataan dan
    Lampiran 1 memerlukan 'penandatangan' di dokumen.yaml. Semua folder diperiksa dulu
    seperti 'lampiran check'; bila ada kesalahan, semuanya ditampilkan dan tidak ada
    berkas yang ditulis. Untuk banyak instansi (content/<instansi>/<tahun>), hanya
    instansi yang isinya salah yang ditolak; yang lain tetap dibuat ke
    FOLDER_TUJUAN/<instansi>/, dan ringkasan per instansi ditampilkan di akhir.
    Berkas lama hanya diganti bila dokumen baru sudah selesai dibuat. Dengan --pdf
    atau --pdfa, semua .docx diubah ke PDF sekaligus dalam satu kali jalan LibreOffice,
    lalu setiap .docx ditulis bersama PDF-nya. PDF lama di samping .docx yang berubah
    tanpa PDF baru dihapus, agar tidak tertukar dengan yang baru.
    Dengan --html dibuat juga satu halaman web mandiri per dokumen, yang dapat dibuka
    tanpa internet dan dibaca di ponsel.

    \b
    Hasilnya (FOLDER_TUJUAN diatur dengan -o; untuk banyak instansi di
    FOLDER_TUJUAN/<instansi>/), dengan .html (--html) dan .pdf (--pdf) di sampingnya:
      --dokumen lampiran-2 (bawaan):
        FOLDER_TUJUAN/lampiran-2-perjanjian-kinerja-<tahun>.docx
      --dokumen pk:
        FOLDER_TUJUAN/perjanjian-kinerja-<tahun>.docx
      --dokumen pernyataan:
        FOLDER_TUJUAN/pernyataan-perjanjian-kinerja-<tahun>.docx
      --dokumen lampiran-1:
        FOLDER_TUJUAN/lampiran-1-perjanjian-kinerja-<tahun>.docx
    """
    from lampiran.build import build_years
    from lampiran.cli.summary import FolderOutcome, Progress, print_missing, print_summary
    from lampiran.workspace import missing_newest, resolve_years

    chosen = resolve_years(folders)
    many = any(year.instansi is not None for year in chosen)
    kinds = cast("list[DocumentKind]", list(dokumen) or ["lampiran-2"])
    result = build_years(
        [year.folder for year in chosen],
        outdir,
        paper.upper(),
        template,
        pdf=pdf,
        pdfa=pdfa,
        html=html,
        dokumen=kinds,
        each_alone=many,
        progress=Progress(),
    )
    if result.report.problems:
        print_report(result.report)
    print_written(result.written)
    for note in result.notes():
        click.echo(note)
    if many:
        outcomes = [
            FolderOutcome(
                year,
                result.reports[year.folder],
                written=len(result.outputs.get(year.folder, [])),
                refused=year.folder in result.refused,
            )
            for year in chosen
        ]
        print_summary(outcomes, building=True)
    if not folders:
        print_missing(missing_newest(Path(), chosen), chosen[0].tahun)
    if result.pdf_failure is not None:
        raise StepFailed(
            f"{result.pdf_failure}\nDokumen Word sudah ditulis; hanya PDF-nya yang belum dibuat."
        )
    if result.refused:
        sys.exit(EXIT_FAILED)
