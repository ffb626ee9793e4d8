"""Lampiran 1: every sasaran, indicator and target of the year, and the programs' budget.

It repeats what Lampiran 2 explains, so it is made from the same loaded year and can
never disagree with it: one row per indicator, the sasaran cell merged over its
indicators and numbered per sasaran. When the year has ``program.yaml``, a second table
lists the programs with their anggaran (right-aligned, thousands dots) and the computed
``Jumlah``. The signature block closes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from lampiran.blocks import (
    Block,
    Column,
    Document,
    Paragraph,
    Properties,
    Prose,
    Signature,
    Table,
    Text,
    Title,
    plain,
)
from lampiran.content.loading import Year
from lampiran.documents.common import iso_date, perjanjian, perjanjian_words, signature
from lampiran.text.formatting import ribuan, rupiah

TITLE_LINE = "LAMPIRAN 1 {perjanjian} TAHUN {tahun}"
JUMLAH = "Jumlah"
"""The label of the program table's closing row."""
CURRENCY = "Rp"
"""Written before every amount, as :func:`lampiran.text.formatting.rupiah` does."""

SASARAN_COLUMNS = (
    Column("No", "nomor", "nomor"),
    Column("Sasaran Strategis", "text", "sasaran"),
    Column("Indikator Kinerja", "text", "nama"),
    Column("Target", "target", "target"),
)
PROGRAM_COLUMNS = (
    Column("No", "nomor", "nomor"),
    Column("Program", "text", "nama"),
    Column("Anggaran", "amount", "anggaran"),
    Column("Keterangan", "text", "keterangan"),
)


@dataclass(frozen=True)
class IndikatorTarget:
    nama: str
    target: str


@dataclass(frozen=True)
class SasaranTarget:
    """One sasaran with its indicators' targets, numbered in file order."""

    nomor: int
    sasaran: str
    indikator: tuple[IndikatorTarget, ...]


@dataclass(frozen=True)
class ProgramRow:
    nomor: int
    nama: str
    anggaran: int
    keterangan: str
    """Empty when the content gives none."""

    @property
    def anggaran_ribuan(self) -> str:
        """``4.100.832.755``: the template writes the currency before it."""
        return ribuan(self.anggaran)


@dataclass(frozen=True)
class Lampiran1:
    """Lampiran 1: title, the target table, the program table (if any), the signature."""

    perjanjian: str
    tahun: int
    instansi: str
    sasaran: tuple[SasaranTarget, ...]
    program: tuple[ProgramRow, ...]
    penandatangan: Signature | None
    properties: Properties
    name: str

    @property
    def jumlah_anggaran(self) -> int:
        return sum(row.anggaran for row in self.program)

    @property
    def title_lines(self) -> tuple[str, ...]:
        return (TITLE_LINE.format(perjanjian=self.perjanjian, tahun=self.tahun), self.instansi)

    def target_table(self) -> Table:
        rows: list[tuple[Prose, ...]] = []
        spans: list[tuple[int, ...]] = []
        for item in self.sasaran:
            count = len(item.indikator)
            for index, indikator in enumerate(item.indikator):
                first = index == 0
                rows.append(
                    (
                        _line(str(item.nomor)),
                        _line(item.sasaran),
                        _line(indikator.nama),
                        _line(indikator.target),
                    )
                )
                spans.append((count if first else 0, count if first else 0, 1, 1))
        return Table("sasaran", SASARAN_COLUMNS, tuple(rows), tuple(spans))

    def program_table(self) -> Table:
        rows = tuple(
            (
                _line(str(row.nomor)),
                _line(row.nama),
                _line(rupiah(row.anggaran)),
                _line(row.keterangan),
            )
            for row in self.program
        )
        total = (
            _line(""),
            (Paragraph((Text(JUMLAH, bold=True),)),),
            (Paragraph((Text(rupiah(self.jumlah_anggaran), bold=True),)),),
            _line(""),
        )
        return Table("program", PROGRAM_COLUMNS, rows, total=total)

    def blocks(self) -> tuple[Block, ...]:
        blocks: list[Block] = [Title(self.title_lines), self.target_table()]
        if self.program:
            blocks.append(self.program_table())
        if self.penandatangan is not None:
            blocks.append(self.penandatangan)
        return tuple(blocks)

    def document(self) -> Document:
        return Document(self.name, self.properties, self.blocks())


def lampiran1(year: Year) -> Lampiran1:
    """Lampiran 1 of a valid year (its signature block only when the content has one)."""
    dokumen = year.dokumen
    return Lampiran1(
        perjanjian=perjanjian(year),
        tahun=dokumen.tahun,
        instansi=dokumen.instansi,
        sasaran=tuple(
            SasaranTarget(
                nomor=nomor,
                sasaran=item.model.sasaran,
                indikator=tuple(
                    IndikatorTarget(ind.nama, ind.target) for ind in item.model.indikator
                ),
            )
            for nomor, item in enumerate(year.sasaran, start=1)
        ),
        program=tuple(
            ProgramRow(nomor, program.nama, program.anggaran, program.keterangan or "")
            for nomor, program in enumerate(year.program, start=1)
        ),
        penandatangan=signature(year),
        properties=Properties(
            title=f"Lampiran 1 {perjanjian_words(year)} {dokumen.tahun}",
            author=dokumen.instansi,
            subject=f"Sasaran, Indikator, Target dan Program Tahun {dokumen.tahun}",
            date=iso_date(year),
        ),
        name=output_stem(year),
    )


def output_stem(year: Year) -> str:
    """``lampiran-1-perjanjian-kinerja-2025``."""
    return f"lampiran-1-perjanjian-kinerja-{year.dokumen.tahun}"


def _line(text: str) -> Prose:
    """A one-line cell, printed as written (never Markdown)."""
    return (Paragraph(plain(text)),)
