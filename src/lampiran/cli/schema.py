"""``lampiran schema``: JSON Schemas of the content files, for editors."""

from __future__ import annotations

from pathlib import Path

import click

from lampiran.cli.app import cli, print_written
from lampiran.errors import StepFailed, os_reason


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
    """Tulis JSON Schema untuk dokumen.yaml, program.yaml dan berkas sasaran (bantuan VS Code).

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
