"""``lampiran init``: a new content repository for one agency."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from lampiran.cli.app import Choice, Tahun, cli, print_written
from lampiran.cli.importer import print_notices
from lampiran.errors import UsageProblem, visible
from lampiran.workspace import CONTENT_DIR

if TYPE_CHECKING:
    from lampiran.importers.yearfiles import Notice


@cli.command("init")
@click.argument(
    "folder", metavar="[FOLDER]", required=False, type=click.Path(path_type=Path, file_okay=False)
)
@click.option(
    "--instansi", metavar="NAMA", help="Nama perangkat daerah, misalnya 'Dinas Kesehatan'."
)
@click.option("--tahun", type=Tahun(), help="Tahun perjanjian kinerja (bawaan: tahun ini).")
@click.option(
    "--dari",
    "dari",
    metavar="BERKAS.docx",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Isi tahunnya dari Lampiran 2 yang sudah ada (seperti 'lampiran import').",
)
@click.option(
    "--ci",
    type=Choice(["gitlab", "github"]),
    help="Tulis juga contoh CI (GitLab atau GitHub) dan .pre-commit-config.yaml.",
)
def init_command(
    folder: Path | None, instansi: str | None, tahun: int | None, dari: Path | None, ci: str | None
) -> None:
    """Mulai repositori isi untuk satu instansi di FOLDER (bawaan: folder ini).

    Menulis content/<tahun>/ (dokumen.yaml dan satu contoh sasaran, dengan komentar
    yang menjelaskan setiap isian), content/kamus.txt, skema VS Code (schema/ dan
    .vscode/settings.json) dan .gitignore. Dengan --dari, tahun itu diisi dari dokumen
    Word yang sudah ada. Yang belum disebut ditanyakan bila dijalankan di terminal.
    Tidak pernah menimpa: bila content/ sudah ada, tidak ada yang diubah.
    """
    from lampiran import scaffold

    target = folder if folder is not None else Path()
    interactive = sys.stdin.isatty()
    if dari is not None:
        if instansi is not None:
            raise UsageProblem(
                "--instansi tidak dipakai bersama --dari: nama instansi dibaca dari dokumennya"
            )
        from lampiran.importers.importing import read_word_file

        read, files = read_word_file(dari, tahun)
        year_files = files.files
        tahun = files.tahun
        instansi = read.instansi or "(instansi belum diisi)"
        notices: list[Notice] = files.notices
    else:
        if instansi is None:
            if not interactive:
                raise UsageProblem(
                    'sebutkan nama instansi, misalnya: lampiran init --instansi "Dinas Kesehatan"'
                )
            instansi = click.prompt("Nama instansi (perangkat daerah)").strip()
        if not instansi.strip():
            raise UsageProblem("nama instansi tidak boleh kosong")
        if tahun is None:
            this_year = datetime.date.today().year
            tahun = (
                click.prompt("Tahun perjanjian kinerja", default=this_year, type=Tahun())
                if interactive
                else this_year
            )
        year_files = scaffold.example_year(instansi.strip(), tahun)
        notices = []
    made = scaffold.starter(year_files, tahun, ci)  # type: ignore[arg-type]
    written = scaffold.create_repository(target, made)
    shown = target.as_posix()
    click.echo(
        visible(f"Repositori isi {instansi} tahun {tahun} dibuat di {shown}.", keep_newlines=False)
    )
    print_written(written)
    for hint in made.hints:
        click.echo(f"Catatan: {hint}.")
    year = f"{CONTENT_DIR}/{tahun}"
    print_notices(notices, target / year)
    placeholders = scaffold.placeholder_lines(target, written)
    if placeholders:
        click.echo("")
        click.echo(
            "Ganti alamat contoh proyek lampiran dengan alamat yang dipakai "
            f"instansi Anda: {', '.join(placeholders)}."
        )
    click.echo("")
    click.echo("Langkah berikutnya" + ("" if folder is None else f" (cd {shown})") + ":")
    if dari is None:
        click.echo(
            f"1. Isi {year}/dokumen.yaml dan {year}/sasaran/{scaffold.EXAMPLE_SASARAN}: "
            "ganti teks HURUF BESAR dan teks contohnya."
        )
    else:
        fix = " dan perbaiki yang disebut di atas" if notices else ""
        click.echo(f"1. Baca hasil impor di {year}/{fix}.")
    click.echo("2. Periksa dengan 'lampiran check'.")
    click.echo("3. Buat dokumennya dengan 'lampiran build'.")
