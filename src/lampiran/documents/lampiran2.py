"""Lampiran 2 — Penjelasan Kinerja: what it says, for every writer.

For each sasaran: its heading, the uraian, the computed sentence with the number of
indicators in words, the indicator table (No | Uraian | Relevansi | Formulasi | Sumber
Data), the target sentence and the target table (Indikator Kinerja | Target |
Penjelasan); then the signature block. The standard sentences are written here once:
the shipped Word template is generated from them (``scripts/make_template.py``), and the
web page prints them from here.

:func:`lampiran2` gives the structured :class:`Lampiran2` (what the Word template's
variables are made of); :meth:`Lampiran2.document` the same as plain blocks in reading
order, for writers without a template.
"""

from __future__ import annotations

from dataclasses import dataclass

from lampiran.blocks import (
    Block,
    Column,
    Document,
    Heading,
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
from lampiran.documents.common import (
    PERJANJIAN,
    iso_date,
    perjanjian,
    perjanjian_words,
    safe_label,
    signature,
)
from lampiran.text.formatting import terbilang
from lampiran.text.markdown import parse_prose

ABSENT = "-"
"""Printed for an absent formulasi or sumber data."""

TITLE_LINE = "LAMPIRAN {lampiran} {perjanjian}"
SUBTITLE_LINE = "PENJELASAN KINERJA TAHUN {tahun}"
SECTION_HEADING = "Penjelasan Kinerja {nomor}"
URAIAN_HEADING = "Uraian Sasaran"
INDIKATOR_HEADING = "Indikator Kinerja"
TARGET_HEADING = "Target Kinerja"
INDIKATOR_SENTENCE = (
    "Sasaran kinerja ini memiliki {jumlah} ({terbilang}) indikator kinerja yang akan "
    "menggambarkan secara langsung ketercapaian/kondisi sasaran kinerja yang akan "
    "diwujudkan, antara lain:"
)
TARGET_SENTENCE = (
    "Dalam perjanjian kinerja ini, setiap indikator kinerja telah ditetapkan besaran target "
    "kinerja yang akan dicapai dengan penjelasan sebagai berikut:"
)

INDIKATOR_COLUMNS = (
    Column("No", "nomor", "nomor"),
    Column("Uraian", "text", "nama"),
    Column("Relevansi", "prose", "relevansi"),
    Column("Formulasi", "prose", "formulasi"),
    Column("Sumber Data", "prose", "sumber_data"),
)
TARGET_COLUMNS = (
    Column("Indikator Kinerja", "text", "nama"),
    Column("Target", "target", "target"),
    Column("Penjelasan", "prose", "penjelasan_target"),
)


@dataclass(frozen=True)
class IndikatorRow:
    """One indicator as both tables print it, numbered within its sasaran."""

    nomor: int
    nama: str
    relevansi: Prose
    formulasi: Prose
    sumber_data: Prose
    target: str
    penjelasan_target: Prose


@dataclass(frozen=True)
class PenjelasanKinerja:
    """The explanation of one sasaran."""

    nomor: int
    sasaran: str
    uraian: Prose
    indikator: tuple[IndikatorRow, ...]

    @property
    def jumlah_indikator(self) -> int:
        return len(self.indikator)

    @property
    def terbilang(self) -> str:
        """The number of indicators in words, as the computed sentence prints it."""
        return terbilang(len(self.indikator))

    @property
    def indikator_sentence(self) -> str:
        return INDIKATOR_SENTENCE.format(jumlah=self.jumlah_indikator, terbilang=self.terbilang)

    def blocks(self) -> tuple[Block, ...]:
        rows = self.indikator
        return (
            Heading(1, SECTION_HEADING.format(nomor=self.nomor)),
            Heading(2, URAIAN_HEADING),
            Paragraph((Text(self.sasaran),), "sasaran"),
            *self.uraian,
            Heading(2, INDIKATOR_HEADING),
            Paragraph(plain(self.indikator_sentence), "intro"),
            Table(
                "indikator",
                INDIKATOR_COLUMNS,
                tuple(
                    (
                        _line(str(row.nomor)),
                        _line(row.nama),
                        row.relevansi,
                        row.formulasi,
                        row.sumber_data,
                    )
                    for row in rows
                ),
            ),
            Heading(2, TARGET_HEADING),
            Paragraph(plain(TARGET_SENTENCE), "intro"),
            Table(
                "target",
                TARGET_COLUMNS,
                tuple((_line(row.nama), _line(row.target), row.penjelasan_target) for row in rows),
            ),
        )


@dataclass(frozen=True)
class Lampiran2:
    """The whole appendix: title, one explanation per sasaran, the signature block."""

    lampiran: str
    instansi: str
    tahun: int
    pemerintah_daerah: str
    sasaran: tuple[PenjelasanKinerja, ...]
    penandatangan: Signature | None
    properties: Properties
    name: str
    perjanjian: str = PERJANJIAN
    """The agreement's title words (``PERJANJIAN KINERJA [PERUBAHAN]``)."""

    @property
    def title_lines(self) -> tuple[str, ...]:
        return (
            TITLE_LINE.format(lampiran=self.lampiran, perjanjian=self.perjanjian),
            self.instansi,
            SUBTITLE_LINE.format(tahun=self.tahun),
        )

    def document(self) -> Document:
        """The appendix as blocks in reading order."""
        blocks: list[Block] = [Title(self.title_lines)]
        for item in self.sasaran:
            blocks.extend(item.blocks())
        if self.penandatangan is not None:
            blocks.append(self.penandatangan)
        return Document(self.name, self.properties, tuple(blocks))


def lampiran2(year: Year) -> Lampiran2:
    """Lampiran 2 of a valid year."""
    dokumen = year.dokumen
    sasaran = tuple(
        PenjelasanKinerja(
            nomor=nomor,
            sasaran=item.model.sasaran,
            uraian=parse_prose(item.model.uraian),
            indikator=tuple(
                IndikatorRow(
                    nomor=index,
                    nama=ind.nama,
                    relevansi=parse_prose(ind.relevansi),
                    formulasi=parse_prose(ind.formulasi or ABSENT),
                    sumber_data=parse_prose(ind.sumber_data or ABSENT),
                    target=ind.target,
                    penjelasan_target=parse_prose(ind.penjelasan_target),
                )
                for index, ind in enumerate(item.model.indikator, start=1)
            ),
        )
        for nomor, item in enumerate(year.sasaran, start=1)
    )
    return Lampiran2(
        lampiran=dokumen.lampiran,
        instansi=dokumen.instansi,
        tahun=dokumen.tahun,
        pemerintah_daerah=dokumen.pemerintah_daerah or "",
        sasaran=sasaran,
        penandatangan=signature(year),
        properties=Properties(
            title=f"Lampiran {dokumen.lampiran} {perjanjian_words(year)} {dokumen.tahun}",
            author=dokumen.instansi,
            subject=f"Penjelasan Kinerja Tahun {dokumen.tahun}",
            date=iso_date(year),
        ),
        name=output_stem(year),
        perjanjian=perjanjian(year),
    )


def output_stem(year: Year) -> str:
    """``lampiran-2-perjanjian-kinerja-2024``: from the year and the appendix number only."""
    label = safe_label(year.dokumen.lampiran, "2")
    return f"lampiran-{label}-perjanjian-kinerja-{year.dokumen.tahun}"


def _line(text: str) -> Prose:
    """A one-line cell (a number, a name, a target): printed as written, never Markdown."""
    return (Paragraph(plain(text)),)
