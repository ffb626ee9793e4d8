"""``lampiran new`` and ``lampiran diff``: from one year to the next."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

import click

from lampiran.cli.app import Choice, Command, Tahun, cli, fail, print_report
from lampiran.errors import EXIT_FAILED, EXIT_USAGE, ContentError, LampiranError, Report


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
