"""``lampiran rekap``: the sasaran, indikator and targets of many agencies in one table."""

from __future__ import annotations

from pathlib import Path

import click

from lampiran.cli.app import Choice, cli, years_argument
from lampiran.errors import ContentError, Report, StepFailed, UsageProblem, os_reason

FORMATS = ("xlsx", "csv")


@cli.command()
@years_argument
@click.option(
    "-o",
    "--output",
    "output",
    metavar="BERKAS",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Berkas hasil (bawaan: rekap-<tahun>.xlsx di folder ini).",
)
@click.option(
    "--format",
    "output_format",
    type=Choice(list(FORMATS)),
    help="xlsx (Excel, LibreOffice) atau csv; bawaan: menurut akhiran BERKAS, selain itu xlsx.",
)
def rekap(folders: tuple[Path, ...], output: Path | None, output_format: str | None) -> None:
    """Rekap sasaran, indikator dan target semua instansi dalam satu tabel.

    FOLDER seperti pada 'lampiran check': folder tahun (content/bkpsdm/2025), folder
    instansi, atau beberapa sekaligus (content/*/2025); bila tidak disebut, tahun
    terbaru setiap instansi. Satu baris per indikator: instansi, sasaran, indikator,
    target seperti tertulis, lalu angka dan satuannya (99,99% menjadi 99,99 dan %);
    lalu satu baris per program (program.yaml) dengan anggarannya, dan jumlah
    anggaran di bawahnya. Lembar kedua (Jumlah) berisi jumlah sasaran, indikator,
    program dan anggaran per instansi dan seluruhnya; berkas csv hanya berisi
    baris-barisnya. Semua folder diperiksa dulu
    seperti 'lampiran check'; bila ada kesalahan, tidak ada yang ditulis. Isi yang
    sama selalu menghasilkan berkas yang sama persis.
    """
    from lampiran import atomic
    from lampiran.cli.app import print_report
    from lampiran.content.loading import load_year
    from lampiran.rekap import rekap_rows
    from lampiran.workspace import resolve_years
    from lampiran.writers.xlsx import write_csv, write_xlsx

    chosen = resolve_years(folders)
    report = Report()
    years = []
    for target in chosen:
        year, own = load_year(target.folder)
        report.extend(own.problems)
        if year is not None:
            years.append((target.instansi or "", year))
    if report.has_errors:
        raise ContentError(report)
    if report.problems:
        print_report(report)
    tahun = {target.tahun for target in chosen}
    kind = output_format or _format_of(output)
    path = output or Path(f"rekap-{tahun.pop()}.{kind}" if len(tahun) == 1 else f"rekap.{kind}")
    table = rekap_rows(years)
    data = write_xlsx(table) if kind == "xlsx" else write_csv(table)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic.publish_all([(path, data)])
    except (OSError, atomic.PublishFailed) as exc:
        reason = os_reason(exc.error if isinstance(exc, atomic.PublishFailed) else exc)
        raise StepFailed(
            f"'{path.as_posix()}' tidak dapat ditulis ({reason}); bila berkas itu sedang "
            "terbuka di Excel atau LibreOffice, tutup dulu lalu jalankan ulang."
        ) from None
    programs = f", {table.program} program" if table.program else ""
    click.echo(
        f"{path.as_posix()} ditulis: {len(table.totals)} instansi, {table.sasaran} sasaran, "
        f"{table.indikator} indikator{programs}."
    )


def _format_of(output: Path | None) -> str:
    if output is None:
        return "xlsx"
    suffix = output.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    raise UsageProblem(
        f"akhiran '{output.name}' tidak dikenal; akhiri nama berkasnya dengan .xlsx atau "
        ".csv, atau sebutkan --format xlsx"
    )
