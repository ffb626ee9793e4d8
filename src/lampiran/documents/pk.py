"""The whole Perjanjian Kinerja, or one of its parts: what ``--dokumen`` asks for.

An agency signs one Perjanjian Kinerja a year: the pernyataan, Lampiran 1 and Lampiran 2,
in that order, each starting on a new page (pk-package.md). Each part can also be made
alone. :func:`perjanjian_kinerja` gives every part of a year together with the parts
asked for, so that a writer prints exactly those, from one set of values: Lampiran 1
and Lampiran 2 are made from the same loaded year and cannot disagree.

The pernyataan and Lampiran 1 are signed by both parties, so they (and the whole PK)
need ``penandatangan``; Lampiran 2 alone does not (:func:`signature_problems`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from lampiran.blocks import Block, Document, PageBreak, Properties
from lampiran.content.loading import Year
from lampiran.documents.common import iso_date, missing_signature, perjanjian_words
from lampiran.documents.lampiran1 import Lampiran1, lampiran1
from lampiran.documents.lampiran2 import Lampiran2, lampiran2
from lampiran.documents.pernyataan import Pernyataan, pernyataan
from lampiran.errors import ContentError, Problem, Report

DocumentKind = Literal["pk", "pernyataan", "lampiran-1", "lampiran-2"]
DOCUMENT_KINDS: tuple[DocumentKind, ...] = ("pk", "pernyataan", "lampiran-1", "lampiran-2")
"""What ``lampiran build --dokumen`` accepts; ``lampiran-2`` is the default."""

Part = Literal["pernyataan", "lampiran_1", "lampiran_2"]
PARTS: tuple[Part, ...] = ("pernyataan", "lampiran_1", "lampiran_2")
"""The parts in the order they are bound (the template's ``bagian`` keys)."""

_PARTS_OF: dict[DocumentKind, tuple[Part, ...]] = {
    "pk": PARTS,
    "pernyataan": ("pernyataan",),
    "lampiran-1": ("lampiran_1",),
    "lampiran-2": ("lampiran_2",),
}
_SIGNED: dict[DocumentKind, str] = {
    "pk": "perjanjian kinerja lengkap (--dokumen pk)",
    "pernyataan": "pernyataan (--dokumen pernyataan)",
    "lampiran-1": "Lampiran 1 (--dokumen lampiran-1)",
}
"""The documents that need a signature block, as their refusal names them."""


@dataclass(frozen=True)
class PerjanjianKinerja:
    """The parts of a year's Perjanjian Kinerja, and which of them one document holds."""

    kind: DocumentKind
    parts: tuple[Part, ...]
    pernyataan: Pernyataan | None
    """``None`` when the year has no ``penandatangan`` (only Lampiran 2 can be made)."""
    lampiran1: Lampiran1
    lampiran2: Lampiran2
    perubahan: bool
    properties: Properties
    name: str

    def document(self) -> Document:
        """The parts asked for as blocks in reading order, each after a page break."""
        blocks: list[Block] = []
        for part in self.parts:
            if blocks:
                blocks.append(PageBreak())
            blocks.extend(self._part_blocks(part))
        return Document(self.name, self.properties, tuple(blocks))

    def _part_blocks(self, part: Part) -> tuple[Block, ...]:
        if part == "pernyataan":
            assert self.pernyataan is not None, "refused by perjanjian_kinerja"
            return self.pernyataan.blocks()
        if part == "lampiran_1":
            return self.lampiran1.blocks()
        return self.lampiran2.document().blocks


def perjanjian_kinerja(year: Year, kind: DocumentKind = "pk") -> PerjanjianKinerja:
    """The document ``kind`` of a valid year.

    Raises :class:`ContentError` when ``kind`` is signed and the year has no
    ``penandatangan`` (a build reports this for every year first: :func:`signature_problems`).
    """
    problems = signature_problems(year, [kind])
    if problems:
        report = Report()
        report.extend(problems)
        raise ContentError(report)
    statement = pernyataan(year) if year.dokumen.penandatangan is not None else None
    first = lampiran1(year)
    second = lampiran2(year)
    properties, name = _whole_properties(year), output_stem(year)
    if kind == "pernyataan" and statement is not None:
        properties, name = statement.properties, statement.name
    elif kind == "lampiran-1":
        properties, name = first.properties, first.name
    elif kind == "lampiran-2":
        properties, name = second.properties, second.name
    return PerjanjianKinerja(
        kind=kind,
        parts=_PARTS_OF[kind],
        pernyataan=statement,
        lampiran1=first,
        lampiran2=second,
        perubahan=year.dokumen.perubahan,
        properties=properties,
        name=name,
    )


def signature_problems(year: Year, kinds: Iterable[DocumentKind]) -> list[Problem]:
    """Located errors for each signed document asked for without ``penandatangan``."""
    problems: list[Problem] = []
    for kind in kinds:
        if kind in _SIGNED:
            problem = missing_signature(year, _SIGNED[kind])
            if problem is not None:
                problems.append(problem)
    return problems


def output_stem(year: Year) -> str:
    """``perjanjian-kinerja-2025``: the whole PK."""
    return f"perjanjian-kinerja-{year.dokumen.tahun}"


def _whole_properties(year: Year) -> Properties:
    dokumen = year.dokumen
    return Properties(
        title=f"{perjanjian_words(year)} {dokumen.tahun}",
        author=dokumen.instansi,
        subject="Pernyataan, Lampiran 1 dan Lampiran 2",
        date=iso_date(year),
    )
