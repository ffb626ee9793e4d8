"""The pernyataan: the statement page that opens the Perjanjian Kinerja.

Its sentences are the form text of the PK technical guide (Permenpan RB 53/2014), which
agencies keep word for word (pk-package.md); they are written here once, and the Word
template is generated from them (``scripts/make_template.py``), where a Word user may
still reword them. Only the title, the instansi and the two parties come from content.
"""

from __future__ import annotations

from dataclasses import dataclass

from lampiran.blocks import (
    Block,
    Document,
    Fields,
    Paragraph,
    Properties,
    Signatory,
    Signature,
    Title,
    plain,
)
from lampiran.content.loading import Year
from lampiran.documents.common import (
    iso_date,
    perjanjian,
    perjanjian_words,
    require_signature,
)

TITLE_LINE = "{perjanjian} TAHUN {tahun}"
OPENING = (
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan "
    "akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
)
NAMA_LABEL = "Nama"
JABATAN_LABEL = "Jabatan"
PIHAK_PERTAMA_CLAUSE = "selanjutnya disebut pihak pertama"
PIHAK_KEDUA_CLAUSE = "selaku atasan langsung pihak pertama, selanjutnya disebut pihak kedua"
JANJI_PIHAK_PERTAMA = (
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
    "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
    "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target "
    "kinerja tersebut menjadi tanggung jawab kami."
)
JANJI_PIHAK_KEDUA = (
    "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi "
    "terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan "
    "dalam rangka pemberian penghargaan dan sanksi."
)


@dataclass(frozen=True)
class Pernyataan:
    """The statement page: title, the two parties, the promises, the signature block."""

    perjanjian: str
    tahun: int
    instansi: str
    penandatangan: Signature
    properties: Properties
    name: str

    @property
    def title_lines(self) -> tuple[str, ...]:
        return (
            TITLE_LINE.format(perjanjian=self.perjanjian, tahun=self.tahun),
            self.instansi.upper(),
        )

    @property
    def pihak_pertama(self) -> Signatory:
        return self.penandatangan.right

    @property
    def pihak_kedua(self) -> Signatory:
        return self.penandatangan.left

    def blocks(self) -> tuple[Block, ...]:
        return (
            Title(self.title_lines),
            Paragraph(plain(OPENING), "statement"),
            _party(self.pihak_pertama),
            Paragraph(plain(PIHAK_PERTAMA_CLAUSE), "statement"),
            _party(self.pihak_kedua),
            Paragraph(plain(PIHAK_KEDUA_CLAUSE), "statement"),
            Paragraph(plain(JANJI_PIHAK_PERTAMA), "statement"),
            Paragraph(plain(JANJI_PIHAK_KEDUA), "statement"),
            self.penandatangan,
        )

    def document(self) -> Document:
        return Document(self.name, self.properties, self.blocks())


def _party(party: Signatory) -> Fields:
    return Fields(((NAMA_LABEL, party.nama), (JABATAN_LABEL, party.jabatan)))


def pernyataan(year: Year) -> Pernyataan:
    """The pernyataan of a valid year that has a ``penandatangan``.

    Raises :class:`~lampiran.errors.ContentError` (located at ``dokumen.yaml``) without one:
    a statement nobody signs cannot be made.
    """
    dokumen = year.dokumen
    return Pernyataan(
        perjanjian=perjanjian(year),
        tahun=dokumen.tahun,
        instansi=dokumen.instansi,
        penandatangan=require_signature(year, "pernyataan"),
        properties=Properties(
            title=f"Pernyataan {perjanjian_words(year)} {dokumen.tahun}",
            author=dokumen.instansi,
            subject=f"{perjanjian_words(year)} Tahun {dokumen.tahun}",
            date=iso_date(year),
        ),
        name=output_stem(year),
    )


def output_stem(year: Year) -> str:
    """``pernyataan-perjanjian-kinerja-2025``."""
    return f"pernyataan-perjanjian-kinerja-{year.dokumen.tahun}"
