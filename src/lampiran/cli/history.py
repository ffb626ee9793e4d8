"""``lampiran new`` and ``lampiran diff``: from one year to the next."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lampiran.cli.app import Choice, Tahun, cli
from lampiran.errors import EXIT_FAILED


@cli.command("new")
@click.argument("tahun", required=False, type=Tahun())
@click.option(
    "--from",
    "from_tahun",
    metavar="TAHUN",
    type=Tahun(),
    help="Tahun yang disalin (bawaan: tahun terbaru di content/).",
)
@click.option(
    "--instansi",
    "agencies",
    metavar="NAMA",
    multiple=True,
    help="Hanya untuk instansi ini (nama foldernya di content/); boleh diulang.",
)
def new_year(tahun: int | None, from_tahun: int | None, agencies: tuple[str, ...]) -> None:
    """Mulai tahun baru dengan menyalin isi tahun sebelumnya ke content/TAHUN.

    TAHUN bawaannya tahun sesudah tahun yang disalin. Semua berkas disalin apa adanya
    (komentar, urutan kunci, tanda kutip); hanya nilai 'tahun' yang diganti. Target
    tetap seperti tahun lalu untuk diperbarui. Folder tahun yang sudah ada tidak diubah.
    Untuk banyak instansi (content/<instansi>/<tahun>), tahun baru dibuat untuk setiap
    instansi (atau yang disebut dengan --instansi), masing-masing dari tahun terbarunya.
    """
    from lampiran.cli.many import new_years

    new_years(tahun, from_tahun, agencies)


@cli.command()
@click.argument("lama", required=False, type=click.Path(path_type=Path))
@click.argument("baru", required=False, type=click.Path(path_type=Path))
@click.option(
    "--rev",
    metavar="REV",
    help="Bandingkan folder LAMA pada revisi git REV (misalnya main) dengan isinya sekarang.",
)
@click.option(
    "--format",
    "output_format",
    type=Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="text untuk layar, markdown untuk merge request, json untuk alat lain.",
)
@click.option(
    "--exit-code", is_flag=True, help="Keluar dengan kode 1 bila ada perbedaan (seperti git diff)."
)
@click.option(
    "--instansi",
    "agencies",
    metavar="NAMA",
    multiple=True,
    help="Hanya untuk instansi ini (nama foldernya di content/); boleh diulang.",
)
def diff(
    lama: Path | None,
    baru: Path | None,
    rev: str | None,
    output_format: str,
    exit_code: bool,
    agencies: tuple[str, ...],
) -> None:
    """Tampilkan perubahan isi antara dua tahun (sasaran, indikator, target, kalimat).

    LAMA dan BARU adalah folder tahun (content/2024) atau tahunnya saja (2024); bila
    tidak disebut, dipakai dua tahun terbaru. Dengan --rev, LAMA (bawaan: tahun
    terbaru) dibaca dari revisi git REV tanpa mengubah folder kerja. Untuk banyak
    instansi (content/<instansi>/<tahun>), tahun yang disebut tanpa folder (atau dua
    tahun terbaru) dibandingkan untuk setiap instansi (atau yang disebut dengan
    --instansi).
    """
    from lampiran.cli.many import agency_diffs, show_agency_diffs

    sides = agency_diffs(lama, baru, rev, agencies)
    if sides is not None:
        show_agency_diffs(sides, lama, rev, output_format, exit_code, agencies)
        return
    from lampiran.history.diffformat import format_diff
    from lampiran.history.diffsides import compare

    result = compare(lama, baru, rev)
    click.echo(format_diff(result, output_format))
    if exit_code and result.has_changes:
        sys.exit(EXIT_FAILED)
