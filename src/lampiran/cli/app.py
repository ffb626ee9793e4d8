"""The ``lampiran`` group and what its commands share: options, year types, printing.

Commands live in one module each (``cli/check.py``, ``cli/build.py``, ...); they parse
their options, call one function of the pipeline and print the result. Heavy libraries
(pydantic, docxtpl, ...) are imported inside the commands, so that ``lampiran --help``
stays instant.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from lampiran import __version__
from lampiran.cli import clicklocale
from lampiran.errors import Report, visible
from lampiran.workspace import MAX_TAHUN, MIN_TAHUN

clicklocale.install()

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
    """Perjanjian Kinerja (pernyataan, Lampiran 1, Lampiran 2) dari berkas YAML.

    Isi dokumen ditulis di content/<tahun>/: dokumen.yaml, program.yaml (boleh tidak
    ada) dan satu berkas per sasaran di content/<tahun>/sasaran/ (untuk banyak instansi:
    content/<instansi>/<tahun>/). Periksa dengan 'lampiran check', lalu buat dokumen
    Word dengan 'lampiran build'.
    """


class Choice(click.Choice):  # type: ignore[type-arg]  # generic only in newer click
    """A choice whose error lists the choices as the help shows them (F4, not f4)."""

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        return f"'{value}' tidak dikenal; pilih salah satu: {', '.join(map(str, self.choices))}"


class Tahun(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click
    """A year in the accepted range, refused in Indonesian (click's IntRange speaks math)."""

    name = "tahun"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip()
        if not (len(text) == 4 and text.isascii() and text.isdigit()):
            self.fail(f"'{value}' bukan tahun; tulis empat angka, misalnya 2025", param, ctx)
        if not MIN_TAHUN <= int(text) <= MAX_TAHUN:
            self.fail(f"tahun {text} di luar rentang {MIN_TAHUN} sampai {MAX_TAHUN}", param, ctx)
        return int(text)


def year_argument(function: F) -> F:
    """The optional FOLDER argument shared by the commands that read one year."""
    return click.argument(
        "folder",
        required=False,
        type=click.Path(path_type=Path, file_okay=True),
    )(function)


def years_argument(function: F) -> F:
    """The FOLDER... argument of the commands that read one or more years."""
    return click.argument(
        "folders",
        metavar="[FOLDER]...",
        nargs=-1,
        type=click.Path(path_type=Path, file_okay=True),
    )(function)


def print_report(report: Report, err: bool = False) -> None:
    """Every problem, one per line, sorted by file and line, then the summary line."""
    for problem in report.sorted():
        click.echo(problem.format(), err=err)
    click.echo(report.summary(), err=err)


def fail(message: str, code: int) -> NoReturn:
    """``Galat: message`` on stderr (escapes made visible), then exit with ``code``."""
    click.echo(f"Galat: {visible(message)}", err=True)
    sys.exit(code)


def print_written(paths: Sequence[Path]) -> None:
    """Name every file a command wrote, one per line."""
    for path in paths:
        click.echo(f"{path.as_posix()} ditulis.")


PAPER_HELP = "Ukuran kertas: F4 (215 x 330 mm) atau A4 (210 x 297 mm)."
TEMPLATE_HELP = "Templat Word (.docx) sendiri; bawaan: templat lampiran."


def paper_option(help: str = PAPER_HELP) -> Callable[[F], F]:
    """``--paper F4|A4``, shared by every command that writes a Word document."""
    return click.option(
        "--paper",
        type=Choice(["F4", "A4"], case_sensitive=False),
        default="F4",
        metavar="[F4|A4]",
        show_default=True,
        help=help,
    )


def template_option(help: str = TEMPLATE_HELP) -> Callable[[F], F]:
    """``--template BERKAS``: the user's own Word template."""
    return click.option(
        "--template",
        "template",
        metavar="BERKAS",
        type=click.Path(path_type=Path, dir_okay=False),
        help=help,
    )


def outdir_option() -> Callable[[F], F]:
    """``-o FOLDER``: where the documents are written (``dist`` unless said)."""
    return click.option(
        "-o",
        "--output",
        "outdir",
        metavar="FOLDER",
        default=Path("dist"),
        show_default=True,
        type=click.Path(path_type=Path, file_okay=False),
        help="Folder tujuan dokumen.",
    )
