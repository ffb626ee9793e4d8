"""The ``lampiran`` command line: the only place that prints and picks exit codes.

Each command parses its options, calls one function of the pipeline and prints the
result. Heavy libraries (pydantic, docxtpl, ...) are imported inside the commands, so
that ``lampiran --help`` stays instant.

Exit codes: 0 no error, 1 an error in the content (or a failed step), 2 a usage mistake.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from lampiran import __version__
from lampiran.cli import clicklocale
from lampiran.errors import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    ContentError,
    LampiranError,
    Report,
    StepFailed,
    os_reason,
)

clicklocale.install()

EXIT_OK = 0

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Command(click.Command):
    """A click command whose usage line reads ``[PILIHAN]`` instead of ``[OPTIONS]``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[PILIHAN]")
        kwargs.setdefault("context_settings", CONTEXT_SETTINGS)
        super().__init__(*args, **kwargs)


class Group(click.Group):
    """The ``lampiran`` group: Indonesian usage line, commands built as :class:`Command`."""

    command_class = Command

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[PILIHAN]")
        kwargs.setdefault("subcommand_metavar", "PERINTAH [ARGUMEN]...")
        super().__init__(*args, **kwargs)


@click.group(cls=Group, context_settings=CONTEXT_SETTINGS)
@click.version_option(
    __version__, "-V", "--version", prog_name="lampiran", message="%(prog)s %(version)s"
)
@click.option(
    "--debug", is_flag=True, help="Tampilkan traceback bila lampiran sendiri galat (bug)."
)
def cli(debug: bool) -> None:
    """Lampiran 2 Perjanjian Kinerja (Penjelasan Kinerja) dari berkas YAML.

    Isi dokumen ditulis di content/<tahun>/: dokumen.yaml dan satu berkas per sasaran
    di content/<tahun>/sasaran/. Periksa dengan 'lampiran check', lalu buat dokumen
    Word dengan 'lampiran build'.
    """


class Choice(click.Choice):  # type: ignore[type-arg]  # generic only in newer click
    """A choice whose error lists the choices as the help shows them (F4, not f4)."""

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        return f"'{value}' tidak dikenal; pilih salah satu: {', '.join(map(str, self.choices))}"


class Tahun(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click
    """A year between 2000 and 2100, refused in Indonesian (click's IntRange speaks math)."""

    name = "tahun"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip()
        if not (len(text) == 4 and text.isascii() and text.isdigit()):
            self.fail(f"'{value}' bukan tahun; tulis empat angka, misalnya 2025", param, ctx)
        if not 2000 <= int(text) <= 2100:
            self.fail(f"tahun {text} di luar rentang 2000 sampai 2100", param, ctx)
        return int(text)


def year_argument(function: F) -> F:
    """The optional FOLDER argument shared by the commands that read one year."""
    return click.argument(
        "folder",
        required=False,
        type=click.Path(path_type=Path, file_okay=True),
    )(function)


def print_report(report: Report, err: bool = False) -> None:
    """Every problem, one per line, sorted by file and line, then the summary line."""
    for problem in report.sorted():
        click.echo(problem.format(), err=err)
    click.echo(report.summary(), err=err)


def print_written(paths: Sequence[Path]) -> None:
    """Name every file a command wrote, one per line."""
    for path in paths:
        click.echo(f"{path.as_posix()} ditulis.")


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
    from lampiran.content.loading import load_year, resolve_year_folder

    folder = resolve_year_folder(folder)
    year, report = load_year(folder)
    spelling_report = _spelling_report(folder) if spelling else Report()
    report.extend(spelling_report)
    if year is not None:
        count = sum(len(s.model.indikator) for s in year.sasaran)
        click.echo(
            f"{folder.as_posix()}: {len(year.sasaran)} sasaran, {count} indikator diperiksa."
        )
    print_report(report)
    _print_kamus_hint(folder, spelling_report)
    if report.has_errors:
        sys.exit(EXIT_FAILED)


@cli.command()
@click.argument(
    "folders", metavar="[FOLDER]...", nargs=-1, type=click.Path(path_type=Path, file_okay=True)
)
@click.option(
    "-o",
    "--output",
    "outdir",
    metavar="FOLDER",
    default=Path("dist"),
    show_default=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder tujuan dokumen.",
)
@click.option(
    "--paper",
    type=Choice(["F4", "A4"], case_sensitive=False),
    default="F4",
    metavar="[F4|A4]",
    show_default=True,
    help="Ukuran kertas: F4 (215 x 330 mm) atau A4 (210 x 297 mm).",
)
@click.option(
    "--template",
    "template",
    metavar="BERKAS",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Templat Word (.docx) sendiri; bawaan: templat lampiran.",
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
def build(
    folders: tuple[Path, ...],
    outdir: Path,
    paper: str,
    template: Path | None,
    pdf: bool,
    pdfa: bool,
) -> None:
    """Buat dokumen Word Lampiran 2 dari satu atau beberapa folder tahun.

    FOLDER adalah folder tahun, misalnya content/2024; bila tidak disebut, dipakai
    tahun terbaru di content/. Semua folder diperiksa dulu seperti 'lampiran check';
    bila ada kesalahan, semuanya ditampilkan dan tidak ada berkas yang ditulis.
    Berkas lama hanya diganti bila dokumen baru sudah selesai dibuat. Dengan --pdf
    atau --pdfa, semua .docx diubah ke PDF sekaligus dalam satu kali jalan LibreOffice.

    \b
    Hasilnya (FOLDER_TUJUAN diatur dengan -o):
      FOLDER_TUJUAN/lampiran-2-perjanjian-kinerja-<tahun>.docx
    """
    from lampiran.build import build_years
    from lampiran.content.loading import resolve_year_folder

    resolved = [resolve_year_folder(f) for f in folders] or [resolve_year_folder(None)]
    result = build_years(resolved, outdir, paper.upper(), template)
    if result.report.problems:
        print_report(result.report)
    print_written(result.written)
    if pdf or pdfa:
        from lampiran.writers.pdf import PdfError, convert_to_pdf

        try:
            pdfs = convert_to_pdf(result.written, pdfa=pdfa)
        except PdfError as exc:
            raise StepFailed(
                f"{exc}\nDokumen Word sudah ditulis; hanya PDF-nya yang belum dibuat."
            ) from None
        print_written(pdfs)


@cli.command("new")
@click.argument("tahun", required=False, type=Tahun())
@click.option(
    "--from",
    "from_tahun",
    metavar="TAHUN",
    type=Tahun(),
    help="Tahun yang disalin (bawaan: tahun terbaru di content/).",
)
def new_year(tahun: int | None, from_tahun: int | None) -> None:
    """Mulai tahun baru dengan menyalin isi tahun sebelumnya ke content/TAHUN.

    TAHUN bawaannya tahun sesudah tahun yang disalin. Semua berkas disalin apa adanya
    (komentar, urutan kunci, tanda kutip); hanya nilai 'tahun' yang diganti. Target
    tetap seperti tahun lalu untuk diperbarui. Folder tahun yang sudah ada tidak diubah.
    """
    from lampiran.history.newyear import create_year, pick_source, review_lines

    made = create_year(pick_source(Path(), from_tahun), tahun)
    click.echo("\n".join(review_lines(made)))


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
                _fail(str(exc), exc.exit_code)
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
def diff(
    lama: Path | None, baru: Path | None, rev: str | None, output_format: str, exit_code: bool
) -> None:
    """Tampilkan perubahan isi antara dua tahun (sasaran, indikator, target, kalimat).

    LAMA dan BARU adalah folder tahun (content/2024) atau tahunnya saja (2024); bila
    tidak disebut, dipakai dua tahun terbaru. Dengan --rev, LAMA (bawaan: tahun
    terbaru) dibaca dari revisi git REV tanpa mengubah folder kerja.
    """
    from lampiran.history.diffformat import format_diff
    from lampiran.history.diffsides import compare

    result = compare(lama, baru, rev)
    click.echo(format_diff(result, output_format))
    if exit_code and result.has_changes:
        sys.exit(EXIT_FAILED)


@cli.command()
@year_argument
def spelling(folder: Path | None) -> None:
    """Periksa ejaan uraian, relevansi, formulasi, dan teks lain di berkas sasaran.

    Kata yang tidak ada di kamus hunspell-id maupun di content/kamus.txt ditampilkan
    sebagai peringatan di berkas:baris:kolom, dengan paling banyak tiga saran. Angka,
    alamat web, dan alamat surel tidak diperiksa. Kata yang benar tetapi belum dikenal
    (singkatan, nama) tambahkan ke content/kamus.txt, satu kata per baris.
    """
    from lampiran.content.loading import resolve_year_folder

    folder = resolve_year_folder(folder)
    report = _spelling_report(folder)
    print_report(report)
    _print_kamus_hint(folder, report)


def _spelling_report(folder: Path) -> Report:
    from lampiran.text.spelling import check_year_spelling

    return check_year_spelling(folder)


def _print_kamus_hint(folder: Path, spelling_report: Report) -> None:
    if spelling_report.warnings:
        from lampiran.text.spelling import kamus_hint

        click.echo(kamus_hint(folder))


@cli.command("schema")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("schema"),
    show_default=True,
    help="Folder tujuan skema.",
)
def schema_command(output: Path) -> None:
    """Tulis JSON Schema untuk dokumen.yaml dan berkas sasaran (bantuan di VS Code).

    Skema dibuat dari model isi, sehingga selalu sama dengan yang diterima
    'lampiran check'. Lihat README, bagian "Bantuan menyunting".
    """
    from lampiran.content.schema import write_schemas

    try:
        written = write_schemas(output)
    except OSError as exc:
        raise StepFailed(
            f"skema tidak dapat ditulis ke {output.as_posix()} ({os_reason(exc)})"
        ) from None
    print_written(written)


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"Galat: {message}", err=True)
    sys.exit(code)


def _with_debug_flag_first(argv: Sequence[str]) -> list[str]:
    """Accept ``--debug`` anywhere on the line (``lampiran check --debug``)."""
    args = list(argv)
    if "--debug" in args:
        args = ["--debug", *[a for a in args if a != "--debug"]]
    return args


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: run the command, turning every expected failure into a message."""
    args = _with_debug_flag_first(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    try:
        cli.main(args=args, prog_name="lampiran", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE if isinstance(exc, click.UsageError) else exc.exit_code)
    except (click.Abort, KeyboardInterrupt):
        # click turns Ctrl-C into Abort; either way the shell's code for SIGINT.
        _fail("dihentikan (Ctrl-C); tidak ada berkas yang setengah jadi.", EXIT_INTERRUPTED)
    except ContentError as exc:
        print_report(exc.report)
        sys.exit(exc.exit_code)
    except LampiranError as exc:
        _fail(str(exc), exc.exit_code)
    except Exception as exc:
        if debug:
            raise
        _fail(
            f"terjadi kesalahan di dalam lampiran sendiri ({type(exc).__name__}: {exc}). "
            "Ini bukan kesalahan isi Anda; jalankan ulang dengan --debug dan laporkan hasilnya.",
            EXIT_FAILED,
        )
