"""The ``lampiran`` command line: the only place that prints and picks exit codes.

Each command parses its options, calls one function of the pipeline and prints the
result. Heavy libraries (pydantic, docxtpl, ...) are imported inside the commands, so
that ``lampiran --help`` stays instant.

Exit codes: 0 no error, 1 an error in the content (or a failed step), 2 a usage mistake.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from lampiran import __version__, clicklocale
from lampiran.errors import ContentError, Report, UsageProblem

clicklocale.install()

EXIT_OK = 0
EXIT_CONTENT = 1
EXIT_USAGE = 2

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class StepFailed(Exception):
    """A step outside the content failed (LibreOffice, a template, the disk): exit 1."""


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
@click.version_option(__version__, "-V", "--version", prog_name="lampiran",
                      message="%(prog)s %(version)s")
@click.option("--debug", is_flag=True, help="Tampilkan traceback bila lampiran sendiri galat (bug).")
def cli(debug: bool) -> None:
    """Lampiran 2 Perjanjian Kinerja (Penjelasan Kinerja) dari berkas YAML.

    Isi dokumen ditulis di content/<tahun>/: dokumen.yaml dan satu berkas per sasaran
    di content/<tahun>/sasaran/. Periksa dengan 'lampiran check', lalu buat dokumen
    Word dengan 'lampiran build'.
    """


def year_argument(function: F) -> F:
    """The optional FOLDER argument shared by the commands that read one year."""
    return click.argument(
        "folder", required=False, type=click.Path(path_type=Path, file_okay=True),
    )(function)


def print_report(report: Report) -> None:
    """Every problem, one per line, sorted by file and line, then the summary line."""
    for problem in report.sorted():
        click.echo(problem.format())
    click.echo(report.summary())


@cli.command()
@year_argument
def check(folder: Path | None) -> None:
    """Periksa isi satu tahun dan tampilkan semua kesalahan sekaligus.

    FOLDER adalah folder tahun, misalnya content/2024; bila tidak disebut, dipakai
    tahun terbaru di content/. Setiap masalah ditampilkan sebagai
    berkas:baris:kolom: kunci: pesan. Keluar dengan kode 1 bila ada kesalahan.
    """
    from lampiran.content import load_year, resolve_year_folder

    folder = resolve_year_folder(folder)
    year, report = load_year(folder)
    if year is not None:
        count = sum(len(s.model.indikator) for s in year.sasaran)
        click.echo(
            f"{folder.as_posix()}: {len(year.sasaran)} sasaran, {count} indikator diperiksa."
        )
    print_report(report)
    if report.has_errors:
        sys.exit(EXIT_CONTENT)


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
    except click.Abort:
        _fail("dibatalkan.", EXIT_CONTENT)
    except ContentError as exc:
        print_report(exc.report)
        sys.exit(EXIT_CONTENT)
    except UsageProblem as exc:
        _fail(str(exc), EXIT_USAGE)
    except StepFailed as exc:
        _fail(str(exc), EXIT_CONTENT)
    except KeyboardInterrupt:
        _fail("dihentikan.", 130)
    except Exception as exc:
        if debug:
            raise
        _fail(
            f"terjadi kesalahan di dalam lampiran sendiri ({type(exc).__name__}: {exc}). "
            "Ini bukan kesalahan isi Anda; jalankan ulang dengan --debug dan laporkan hasilnya.",
            EXIT_CONTENT,
        )
