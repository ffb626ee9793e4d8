"""The rekap: every agency's sasaran, indikator and targets of a year, in one table.

A Bappeda checks the PKs of all its agencies against the regional plan; by hand that
means copying forty appendices into one spreadsheet. :func:`rekap_rows` makes that table
from the valid content of each year folder: one row per indikator, with the target as
it is printed and, read the Indonesian way (:func:`lampiran.content.targets.read_target`),
as a number and its unit, so that targets can be sorted and compared; then one row per
program of ``program.yaml`` with its anggaran (programs belong to the agency's year, not
to one sasaran, so those rows leave the sasaran and indikator columns empty). The writers
(:mod:`lampiran.writers.xlsx`) turn it into a workbook or a CSV file.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from lampiran.content.loading import Year
from lampiran.content.targets import read_target

COLUMNS = (
    "Instansi",
    "Nama instansi",
    "Tahun",
    "No. sasaran",
    "Sasaran",
    "No. indikator",
    "Indikator kinerja",
    "Target (tertulis)",
    "Target (angka)",
    "Satuan",
    "Program",
    "Anggaran (Rp)",
    "Keterangan",
)
"""The column headers, in Bahasa Indonesia as the sheet shows them."""


@dataclass(frozen=True)
class RekapRow:
    """One indikator, or one program, of one agency's year."""

    instansi: str
    nama_instansi: str
    tahun: int
    nomor_sasaran: int | None = None
    sasaran: str = ""
    nomor_indikator: int | None = None
    indikator: str = ""
    target: str = ""
    target_angka: Decimal | None = None
    satuan: str = ""
    program: str = ""
    anggaran: int | None = None
    keterangan: str = ""

    def values(self) -> tuple[str | int | Decimal | None, ...]:
        return (
            self.instansi,
            self.nama_instansi,
            self.tahun,
            self.nomor_sasaran,
            self.sasaran,
            self.nomor_indikator,
            self.indikator,
            self.target,
            self.target_angka,
            self.satuan,
            self.program,
            self.anggaran,
            self.keterangan,
        )


@dataclass(frozen=True)
class AgencyTotal:
    """How much one agency's year holds."""

    instansi: str
    nama_instansi: str
    tahun: int
    sasaran: int
    indikator: int
    target_angka: int
    """Targets that start with a number (the others, such as ``WTP``, are words)."""
    program: int = 0
    anggaran: int = 0


@dataclass(frozen=True)
class Rekap:
    """The rows, the totals per agency, and the date the file is stamped with."""

    rows: tuple[RekapRow, ...]
    totals: tuple[AgencyTotal, ...]
    date: datetime.datetime

    @property
    def sasaran(self) -> int:
        return sum(total.sasaran for total in self.totals)

    @property
    def indikator(self) -> int:
        return sum(total.indikator for total in self.totals)

    @property
    def target_angka(self) -> int:
        return sum(total.target_angka for total in self.totals)

    @property
    def program(self) -> int:
        return sum(total.program for total in self.totals)

    @property
    def anggaran(self) -> int:
        return sum(total.anggaran for total in self.totals)


def rekap_rows(years: Sequence[tuple[str, Year]]) -> Rekap:
    """The rekap of ``(agency short name, valid year)`` pairs, in the order given.

    The date is that of the newest document among them (its signing date, or
    ``SOURCE_DATE_EPOCH``), so the same content always gives the same file.
    """
    from lampiran.documents.common import document_date

    rows: list[RekapRow] = []
    totals: list[AgencyTotal] = []
    for instansi, year in years:
        dokumen = year.dokumen
        count = 0
        numbers = 0
        for nomor_sasaran, item in enumerate(year.sasaran, start=1):
            for nomor_indikator, indikator in enumerate(item.model.indikator, start=1):
                reading = read_target(indikator.target)
                count += 1
                numbers += reading.number is not None
                rows.append(
                    RekapRow(
                        instansi=instansi,
                        nama_instansi=dokumen.instansi,
                        tahun=dokumen.tahun,
                        nomor_sasaran=nomor_sasaran,
                        sasaran=item.model.sasaran,
                        nomor_indikator=nomor_indikator,
                        indikator=indikator.nama,
                        target=indikator.target,
                        target_angka=reading.number,
                        satuan=reading.unit if reading.number is not None else "",
                    )
                )
        for program in year.program:
            rows.append(
                RekapRow(
                    instansi=instansi,
                    nama_instansi=dokumen.instansi,
                    tahun=dokumen.tahun,
                    program=program.nama,
                    anggaran=program.anggaran,
                    keterangan=program.keterangan or "",
                )
            )
        totals.append(
            AgencyTotal(
                instansi,
                dokumen.instansi,
                dokumen.tahun,
                len(year.sasaran),
                count,
                numbers,
                len(year.program),
                year.jumlah_anggaran,
            )
        )
    dates = [document_date(year) for _, year in years]
    epoch = datetime.datetime(1980, 1, 1, tzinfo=datetime.timezone.utc)
    return Rekap(tuple(rows), tuple(totals), max(dates, default=epoch))
