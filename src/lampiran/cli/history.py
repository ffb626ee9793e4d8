"""``lampiran new`` and ``lampiran diff``: from one year to the next."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from lampiran.cli.app import (
    Choice,
    Command,
    Tahun,
    cli,
    fail,
    paper_option,
    print_report,
    template_option,
)
from lampiran.errors import (
    EXIT_FAILED,
    EXIT_USAGE,
    ContentError,
    LampiranError,
    Report,
    StepFailed,
    UsageProblem,
    os_reason,
    visible,
)

if TYPE_CHECKING:
    from lampiran.history.diffsides import Sides


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


class DiffCommand(Command):
    """``lampiran diff``: with ``--format json``, a failure is a JSON object on stdout too.

    A tool that asked for JSON can then always parse what it gets; the usual message
    still goes to stderr for whoever reads the log, and the exit code stays (1 or 2).
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        raw = list(args)  # click consumes the list it parses
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            if not _asks_for_json(raw):
                raise
            exc.show()
            _echo_json_error(exc.format_message(), Report())
            sys.exit(EXIT_USAGE)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except LampiranError as exc:
            if ctx.params.get("output_format") != "json":
                raise
            if not isinstance(exc, ContentError):
                _echo_json_error(str(exc), Report())
                fail(str(exc), exc.exit_code)
            _echo_json_error(str(exc), exc.report)
            print_report(exc.report, err=True)
            sys.exit(exc.exit_code)


def _asks_for_json(args: Sequence[str]) -> bool:
    """Whether raw ``diff`` arguments hold ``--format json``, for when click could not
    read them."""
    return "--format=json" in args or any(
        arg == "--format" and value == "json" for arg, value in pairwise(args)
    )


def _echo_json_error(message: str, report: Report) -> None:
    from lampiran.history.diffformat import error_json

    click.echo(error_json(message, report.sorted()))


@cli.command(cls=DiffCommand)
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
    type=Choice(["text", "markdown", "json", "docx"]),
    default="text",
    show_default=True,
    help=(
        "text untuk layar, markdown untuk merge request, json untuk alat lain, docx untuk "
        "dokumen Word dengan lacak perubahan (perlu -o)."
    ),
)
@click.option(
    "-o",
    "--output",
    "output",
    metavar="BERKAS",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Berkas .docx yang ditulis dengan --format docx.",
)
@click.option(
    "--penulis",
    metavar="NAMA",
    default="lampiran",
    show_default=True,
    help="Nama penulis setiap perubahan di dokumen Word (--format docx).",
)
@click.option(
    "--dokumen",
    type=Choice(["pk", "pernyataan", "lampiran-1", "lampiran-2"]),
    default="lampiran-2",
    metavar="[pk|pernyataan|lampiran-1|lampiran-2]",
    show_default=True,
    help=(
        "Dokumen yang dibandingkan dengan --format docx: pk = perjanjian kinerja lengkap, "
        "atau satu bagiannya."
    ),
)
@paper_option("Ukuran kertas dokumen Word (--format docx).")
@template_option("Templat Word (.docx) sendiri untuk --format docx; bawaan: templat lampiran.")
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
@click.pass_context
def diff(
    ctx: click.Context,
    lama: Path | None,
    baru: Path | None,
    rev: str | None,
    output_format: str,
    output: Path | None,
    penulis: str,
    dokumen: str,
    paper: str,
    template: Path | None,
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

    Dengan --format docx -o BERKAS.docx ditulis dokumen Word tahun BARU (dengan templat
    yang sama seperti 'lampiran build') yang menandai setiap perubahan dari tahun LAMA
    sebagai lacak perubahan (Track Changes): peninjau membukanya di Word, membaca,
    menerima atau menolak setiap perubahan, dan memberi komentar.
    """
    from lampiran.cli.many import agency_diffs, show_agency_diffs
    from lampiran.history.diffing import diff_years
    from lampiran.history.diffsides import load_sides

    docx = output_format == "docx"
    _check_docx_options(ctx, docx, output)
    per_agency = agency_diffs(lama, baru, rev, agencies)
    if per_agency is not None and not docx:
        show_agency_diffs(per_agency, lama, rev, output_format, exit_code, agencies)
        return
    if per_agency is not None:
        lama, baru = _one_agency(per_agency, rev)
    sides = load_sides(lama, baru, rev)
    if docx:
        assert output is not None
        _write_redline(sides, output, dokumen, template, paper.upper(), penulis)
        if not exit_code:
            return
    result = diff_years(sides.old, sides.new, sides.old_label, sides.new_label)
    if not docx:
        from lampiran.history.diffformat import format_diff

        click.echo(format_diff(result, output_format))
    if exit_code and result.has_changes:
        sys.exit(EXIT_FAILED)


def _one_agency(
    per_agency: Sequence[tuple[Path, Path | None, Path | None]], rev: str | None
) -> tuple[Path, Path | None]:
    """The two year folders of the one agency a Word redline is made for."""
    if len(per_agency) != 1:
        names = ", ".join(visible(folder.name) for folder, _, _ in per_agency)
        raise UsageProblem(
            f"--format docx membuat satu dokumen untuk satu instansi; pilih salah satu "
            f"dengan --instansi NAMA ({names})"
        )
    folder, old, new = per_agency[0]
    if old is None or (new is None and rev is None):
        raise UsageProblem(
            f"instansi {visible(folder.name)} belum punya dua folder tahun untuk "
            "dibandingkan; sebutkan keduanya, misalnya: "
            f"lampiran diff {folder.as_posix()}/2024 {folder.as_posix()}/2025 --format docx"
        )
    return old, new


_DOCX_ONLY = ("penulis", "dokumen", "paper", "template")


def _check_docx_options(ctx: click.Context, docx: bool, output: Path | None) -> None:
    """-o is needed for a Word document, and the Word options mean nothing without it."""
    if docx and output is None:
        raise UsageProblem(
            "sebutkan berkas Word yang ditulis dengan -o, misalnya: "
            "lampiran diff 2024 2025 --format docx -o perubahan-2025.docx"
        )
    if docx:
        assert output is not None
        if output.suffix.lower() != ".docx":
            raise UsageProblem(
                f"berkas keluaran '{visible(output.as_posix())}' harus berakhiran .docx, "
                "misalnya: -o perubahan-2025.docx"
            )
        return
    given = [
        name
        for name in ("output", *_DOCX_ONLY)
        if ctx.get_parameter_source(name) == click.core.ParameterSource.COMMANDLINE
    ]
    if given:
        option = "-o" if given[0] == "output" else f"--{given[0]}"
        raise UsageProblem(
            f"{option} hanya dipakai dengan --format docx; keluaran lain ditampilkan di layar"
        )


def _write_redline(
    sides: Sides, output: Path, dokumen: str, template: Path | None, paper: str, penulis: str
) -> None:
    from lampiran import atomic
    from lampiran.writers.docx.redline import check_author, redline_years

    redline = redline_years(sides.old, sides.new, dokumen, template, paper, check_author(penulis))
    if output.parent != Path():
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StepFailed(
                f"folder '{output.parent.as_posix()}' tidak dapat dibuat ({os_reason(exc)})"
            ) from None
    try:
        atomic.publish_all([(output, redline.data)])
    except atomic.PublishFailed as exc:
        reason = os_reason(exc.error)
        if exc.staging:
            raise StepFailed(
                f"tidak dapat menulis ke folder '{output.parent.as_posix()}' ({reason}); "
                "periksa izin tulis folder itu"
            ) from None
        raise StepFailed(
            f"'{output.as_posix()}' tidak dapat ditulis ({reason}); bila berkas itu sedang "
            "terbuka di Word, tutup dulu lalu jalankan ulang"
        ) from None
    labels = f"{visible(sides.old_label)} -> {visible(sides.new_label)}"
    if redline.changes:
        click.echo(f"{output.as_posix()} ditulis: perubahan {labels} ditandai (lacak perubahan).")
    else:
        click.echo(
            f"{output.as_posix()} ditulis tanpa tanda perubahan: isi yang dicetak sama ({labels})."
        )
