"""``lampiran import``: an existing Lampiran 2 in Word, as a year of content."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from lampiran.cli.app import Tahun, cli, print_written
from lampiran.errors import visible

if TYPE_CHECKING:
    from lampiran.importers.yearfiles import Notice


def print_notices(notices: Sequence[Notice], folder: Path) -> None:
    """What the import could not map exactly, each with where its text is kept."""
    if not notices:
        return
    click.echo("")
    click.echo("Periksa (tidak dapat dipetakan persis):")
    for notice in notices:
        kept = ""
        if notice.kept_at is not None:
            path, line = notice.kept_at
            kept = f"; teksnya disimpan sebagai komentar di {(folder / path).as_posix()}:{line}"
        click.echo(visible(f"- {notice.place}: {notice.message}{kept}", keep_newlines=False))


@cli.command("import")
@click.argument("berkas", metavar="BERKAS.docx", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    "content_dir",
    metavar="FOLDER_ISI",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("content"),
    show_default=True,
    help="Folder isi; tahunnya ditulis ke FOLDER_ISI/<tahun>/.",
)
@click.option(
    "--tahun",
    type=Tahun(),
    help="Tahun isi yang ditulis (bawaan: tahun di judul dokumen).",
)
def import_command(berkas: Path, content_dir: Path, tahun: int | None) -> None:
    """Impor Lampiran 2 yang sudah ada (.docx, buatan Word atau lampiran) menjadi isi YAML.

    Bagian dokumen dikenali dari judulnya (Penjelasan Kinerja, Uraian Sasaran, Indikator
    Kinerja, Target Kinerja) dan tabel dari baris judul kolomnya. Tebal, miring dan
    daftar menjadi Markdown, satu kalimat per baris. Yang tidak dapat dipetakan
    disebut tempatnya di dokumen dan teksnya disimpan sebagai komentar, tidak pernah
    hilang diam-diam. Folder tahun yang sudah ada tidak diubah.
    """
    from lampiran.importers.importing import import_word_file

    imported = import_word_file(berkas, content_dir, tahun)
    folder = imported.folder.as_posix()
    click.echo(
        f"{visible(berkas.as_posix(), keep_newlines=False)}: {imported.sasaran} sasaran, "
        f"{imported.indikator} indikator dibaca."
    )
    print_written(imported.written)
    print_notices(imported.notices, Path())
    click.echo("")
    click.echo(
        f"Lalu periksa dengan 'lampiran check {folder}' dan buat dokumennya dengan "
        f"'lampiran build {folder}'."
    )
