"""The document model: what a document says, as blocks holding runs, for every writer.

Content (a loaded :class:`~lampiran.content.loading.Year`) is turned into this model by a
document module (:mod:`lampiran.documents.lampiran2`, ``pernyataan``, ``lampiran1``,
``pk``); writers (.docx, HTML, later the
tracked-changes .docx) turn the model into bytes. Nothing here knows about Word or HTML:
a block says *what* it is (a heading, a list, the indicator table), a writer decides how
that looks. Prose written in Markdown becomes blocks through one parser
(:mod:`lampiran.text.markdown`), so the Word document, the web page, the diff and the
spelling check can never disagree about what a paragraph, a list item or a sentence is.

Every class is a frozen dataclass: a model is a value that can be compared (the round
trip and the redline tests compare models) and shared between writers.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

# -- runs -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Text:
    """A piece of text with one formatting; ``text`` never holds a newline."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True, slots=True)
class LineBreak:
    """A hard line break inside a paragraph (two spaces at the end of a Markdown line)."""


Run: TypeAlias = Text | LineBreak
Runs: TypeAlias = tuple[Run, ...]


def plain(text: str) -> Runs:
    """One unformatted run, or none for empty text."""
    return (Text(text),) if text else ()


def runs_text(runs: Runs) -> str:
    """The text a reader sees, a line break read as a newline."""
    return "".join(run.text if isinstance(run, Text) else "\n" for run in runs)


# -- blocks ---------------------------------------------------------------------------

ParagraphRole = Literal["body", "sasaran", "intro", "date", "statement"]
"""What a paragraph is for: narrative (``body``), the title of a sasaran, the sentence
that introduces a table (kept with it), the date line of the signature, a standard
sentence of the statement page (``statement``: justified, not indented)."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    runs: Runs
    role: ParagraphRole = "body"


@dataclass(frozen=True, slots=True)
class Title:
    """The title block of a document: centred, bold lines (the first names the part)."""

    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading: level 1 for each Penjelasan Kinerja, level 2 for its parts."""

    level: int
    text: str


ListKind = Literal["bullet", "decimal"]


@dataclass(frozen=True, slots=True)
class ListItem:
    """One item: its first paragraph carries the number; further blocks are indented."""

    blocks: tuple[Paragraph | ListBlock, ...]


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bulleted or numbered list; a numbered one starts at ``start`` (1 unless written)."""

    kind: ListKind
    items: tuple[ListItem, ...]
    start: int = 1
    level: int = 0


ProseBlock: TypeAlias = Paragraph | ListBlock
Prose: TypeAlias = tuple[ProseBlock, ...]
"""A prose field after parsing: at least one block (an empty field is one empty paragraph)."""

ColumnRole = Literal["nomor", "text", "prose", "target", "amount"]
"""How a column's cells read: a row number and a target are centred, text and prose
left, an amount of money right (so that the digits of a column line up)."""


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    role: ColumnRole
    key: str
    """The content key the column shows (``nama``, ``relevansi``...), for writers and tests."""


@dataclass(frozen=True, slots=True)
class Table:
    """A table with one header row, repeated on every page it runs onto.

    A cell may span the rows below it (the sasaran of Lampiran 1 over its indicators):
    ``spans`` then says, for every cell, how many rows it covers: 1 for an ordinary
    cell, more for the first cell of a merged run, 0 for a cell covered by the one
    above (whose content is ignored). An empty ``spans`` means every cell is ordinary.
    ``total`` is a closing row (``Jumlah``), printed once after the rows.
    """

    kind: str
    """Which table this is (``indikator``, ``target``), so that a writer can style it."""
    columns: tuple[Column, ...]
    rows: tuple[tuple[Prose, ...], ...]
    spans: tuple[tuple[int, ...], ...] = ()
    total: tuple[Prose, ...] | None = None

    def span(self, row: int, column: int) -> int:
        """How many rows the cell at ``row``, ``column`` covers (0: covered from above)."""
        return self.spans[row][column] if self.spans else 1


@dataclass(frozen=True, slots=True)
class Signatory:
    """One party of the signature block, every line ready to print ("" when absent)."""

    pihak: str
    """``PIHAK PERTAMA,`` or ``PIHAK KEDUA,``."""
    jabatan: str
    nama: str
    pangkat: str
    nip: str
    """Grouped as printed (``19700101 199003 1 001``), or empty."""


@dataclass(frozen=True, slots=True)
class Signature:
    """The signature block: the date line above the right column, two parties side by side.

    ``left`` is the PIHAK KEDUA (the regional head), ``right`` the PIHAK PERTAMA, as the
    signed documents print them. The block is kept whole and with what precedes it.
    """

    tempat: str
    tanggal: str
    left: Signatory
    right: Signatory

    @property
    def date_line(self) -> str:
        return f"{self.tempat}, {self.tanggal}"


@dataclass(frozen=True, slots=True)
class Fields:
    """Labelled lines aligned on their colon (``Nama : ...`` / ``Jabatan : ...``)."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class PageBreak:
    """The next block starts a new page (between the parts of the whole PK)."""


Block: TypeAlias = Title | Heading | Paragraph | ListBlock | Table | Fields | Signature | PageBreak


@dataclass(frozen=True, slots=True)
class Properties:
    """What a file says about itself: title, author, subject, language and date."""

    title: str
    author: str
    subject: str
    date: str
    """ISO 8601 in UTC (``2024-01-02T00:00:00Z``): fixed by the content, never the clock."""
    language: str = "id-ID"


@dataclass(frozen=True, slots=True)
class Document:
    """One document ready for any writer: its blocks in reading order and its properties."""

    name: str
    """The file name without extension (``lampiran-2-perjanjian-kinerja-2024``)."""
    properties: Properties
    blocks: tuple[Block, ...] = field(default_factory=tuple)


def prose_blocks(blocks: Prose) -> Iterator[Paragraph]:
    """Every paragraph of prose in reading order, list items' paragraphs included."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block
        else:
            for item in block.items:
                yield from prose_blocks(item.blocks)
