"""Reading a Lampiran 2 out of a Word document: which paragraph and which table is what.

The document may have been made by lampiran or typed by hand, so nothing is recognised
by its look alone. Parts are recognised by their headings ("Penjelasan Kinerja 1",
"Uraian Sasaran", "Indikator Kinerja", "Target Kinerja", with or without typed numbers,
in any case), tables by their header rows ("No | Uraian | Relevansi | Formulasi | Sumber
Data", "Indikator Kinerja | Target | Penjelasan", with common variants), the title by its
lines (in three paragraphs or one with line breaks) and the signature by its "PIHAK
PERTAMA" / "PIHAK KEDUA" labels, with the date line above it or in it.

What typists do is tolerated: direct formatting instead of styles, empty paragraphs for
spacing, typed numbers in the No column, soft line breaks in cells, Word lists whose
numbering runs on from one list to the next, typed "1." and "-" markers, bold and italic
runs. The sentences lampiran computes itself ("Sasaran kinerja ini memiliki …") are
recognised and dropped. Everything else is a :class:`Finding`: where it is in the
document, what could not be mapped, and its text, which the writer keeps in a comment.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass, field
from typing import Literal

from lampiran.blocks import LineBreak, ListBlock, ListItem, Paragraph, Prose, Run, Runs, Text
from lampiran.content.models import STATUS_WORDS
from lampiran.documents.lampiran2 import (
    ABSENT,
    INDIKATOR_HEADING,
    SECTION_HEADING,
    SUBTITLE_LINE,
    TARGET_HEADING,
    TITLE_LINE,
    URAIAN_HEADING,
)
from lampiran.errors import shorten
from lampiran.importers.wordbody import BodyItem, ListMark, WordCell, WordParagraph, WordTable
from lampiran.text.formatting import read_tanggal_indonesia
from lampiran.text.markdown_writer import canonical_runs

Where = Literal["dokumen"] | int
"""Which file a finding's text is kept in: ``dokumen.yaml`` or the sasaran (0-based)."""

_OWN_PROSE_STYLES = frozenset({"IsiUraian", "DaftarUraian", "IsiTabel", "DaftarTabel"})
"""Style ids of lampiran's own prose paragraphs: their text is never re-read as typed lists."""

_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
_LINE_SEPARATORS = re.compile("[\u2028\u2029\x85\r]")


@dataclass(frozen=True)
class Finding:
    """Something in the document that was not mapped exactly, with its place and text."""

    place: str
    message: str
    kept: str = ""
    """The text kept in a comment of the written file ("" when nothing is kept)."""
    where: Where = "dokumen"


@dataclass
class IndikatorRead:
    nama: str
    relevansi: Prose | None = None
    formulasi: Prose | None = None
    sumber_data: Prose | None = None
    target: str | None = None
    penjelasan_target: Prose | None = None
    place: str = ""


@dataclass
class SasaranRead:
    sasaran: str = ""
    uraian: list[WordParagraph] = field(default_factory=list)
    indikator: list[IndikatorRead] = field(default_factory=list)
    targets: list[tuple[str, str, Prose | None, str]] = field(default_factory=list)
    """Rows of the target table: (nama, target, penjelasan, place)."""
    place: str = ""
    stated_count: tuple[int, str] | None = None
    """The number of indicators the computed sentence stated, and where."""

    @property
    def started(self) -> bool:
        return bool(self.sasaran or self.uraian or self.indikator or self.targets)


@dataclass(frozen=True)
class PihakRead:
    nama: str
    jabatan: str
    pangkat: str = ""
    nip: str = ""
    status: str = ""
    """``Plt.``, ``Plh.`` or ``Pj.`` when the jabatan was printed after one."""


@dataclass(frozen=True)
class PenandatanganRead:
    tempat: str
    tanggal: datetime.date | None
    pihak_pertama: PihakRead
    pihak_kedua: PihakRead


@dataclass
class DocumentRead:
    """What the document says, in content terms, and what could not be mapped."""

    lampiran: str = ""
    instansi: str = ""
    tahun: int | None = None
    pemerintah_daerah: str = ""
    perubahan: bool = False
    penandatangan: PenandatanganRead | None = None
    sasaran: list[SasaranRead] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


# -- patterns ----------------------------------------------------------------------------


def _words(text: str) -> str:
    """Lower case, punctuation at the ends and repeated spaces removed: for matching."""
    return " ".join(text.replace("\xa0", " ").split()).strip(" .:;,").casefold()


def _pattern(template: str, **fields: str) -> re.Pattern[str]:
    """A pattern for one of lampiran's own lines, with ``{field}`` parts as groups."""
    parts = re.split(r"(\{\w+\})", _words(template))
    regex = ""
    for part in parts:
        name = part[1:-1]
        if part.startswith("{") and name in fields:
            regex += f"(?P<{name}>{fields[name]})"
        else:
            regex += r"\s+".join(re.escape(word) for word in part.split(" "))
    return re.compile(regex.replace(r"\ ", r"\s+"))


_TYPED_PREFIX = re.compile(r"^(?:[a-zA-Z]|\d{1,2}(?:\.\d{1,2})*|[ivxIVX]{1,4})[.)]\s+")
_SECTION = _pattern(SECTION_HEADING, nomor=r"\d{1,3}")
_TITLE = _pattern(
    TITLE_LINE, lampiran=r"\S{1,10}", perjanjian=r"perjanjian\s+kinerja(?:\s+perubahan)?"
)
_SUBTITLE = _pattern(SUBTITLE_LINE, tahun=r"\d{4}")
_SUBTITLE_WITHOUT_YEAR = re.compile(r"penjelasan\s+kinerja")
_TITLE_WITH_YEAR = re.compile(r"(?P<tahun>20\d\d|2100)")
_GOVERNMENT = re.compile(r"pemerintah\s+(kabupaten|kota|provinsi|kab\.)\b")
_INDIKATOR_SENTENCE = re.compile(
    r"sasaran\s+kinerja\s+ini\s+memiliki\s+(?P<jumlah>\d+)\s*(?:\([^)]*\)\s*)?indikator"
)
_TARGET_SENTENCE = re.compile(
    r"dalam\s+perjanjian\s+kinerja\s+ini,?\s+setiap\s+indikator\s+kinerja\s+telah\s+ditetapkan"
)
_PIHAK = re.compile(r"^pihak\s+(?P<pihak>pertama|kesatu|kedua)\s*,?\s*(?P<rest>.*)$")
_NIP = re.compile(r"^nip\s*\.?\s*:?\s*(?P<nip>[\d\s]+)$")
_DATE_LINE = re.compile(r"^(?P<tempat>[^,]+?)\s*,\s*(?P<tanggal>.*\d{4})$")

_HEADINGS = {
    _words(URAIAN_HEADING): "uraian",
    _words(INDIKATOR_HEADING): "indikator",
    _words(TARGET_HEADING): "target",
}

_TYPED_DECIMAL = re.compile(r"^\s*(?P<number>\d{1,3})[.)]\s+(?=\S)")
_TYPED_BULLET = re.compile("^\\s*[-•●▪◦‣⁃–—*·\uf0a7\uf0b7]\\s+(?=\\S)")

# Header cells, read with _words(): each known spelling and the content key it means.
_INDIKATOR_COLUMNS = {
    "no": "nomor",
    "nomor": "nomor",
    "no urut": "nomor",
    "uraian": "nama",
    "indikator": "nama",
    "indikator kinerja": "nama",
    "uraian indikator": "nama",
    "uraian indikator kinerja": "nama",
    "relevansi": "relevansi",
    "formulasi": "formulasi",
    "formula": "formulasi",
    "rumus": "formulasi",
    "cara perhitungan": "formulasi",
    "formulasi perhitungan": "formulasi",
    "sumber data": "sumber_data",
}
_TARGET_COLUMNS = {
    "no": "nomor",
    "nomor": "nomor",
    "indikator kinerja": "nama",
    "indikator": "nama",
    "uraian": "nama",
    "target": "target",
    "target kinerja": "target",
    "penjelasan": "penjelasan_target",
    "penjelasan target": "penjelasan_target",
}
_COLUMN_NUMBERS = re.compile(r"^\(?\d{1,2}\)?$")


def heading_kind(paragraph: WordParagraph) -> tuple[str, int] | None:
    """``("section", n)``, ``("uraian", 0)``, ... for a heading paragraph, else ``None``.

    A list item, or a paragraph in lampiran's own prose styles, is prose even when it
    reads "Target kinerja."; a typed heading may carry a typed number ("B. Target Kinerja").
    """
    if paragraph.list_mark is not None or paragraph.style_id in _OWN_PROSE_STYLES:
        return None
    text = _words(paragraph.text)
    if len(text) > 40:
        return None
    text = _words(_TYPED_PREFIX.sub("", text))
    found = _SECTION.fullmatch(text)
    if found:
        return "section", int(found.group("nomor"))
    kind = _HEADINGS.get(text)
    return (kind, 0) if kind else None


# -- places ---------------------------------------------------------------------------


def paragraph_place(paragraph: WordParagraph) -> str:
    return f'paragraf {paragraph.number} ("{shorten(paragraph.text, 50)}")'


def cell_place(table: WordTable, row: int, cell: WordCell) -> str:
    return f"tabel {table.number}, baris {row + 1}, kolom {cell.column + 1}"


# -- text -------------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """Text as content may hold it: without the control characters the content refuses.

    Invisible characters (a zero-width space, a soft hyphen) are kept, as the document
    holds them: ``lampiran check`` then points at each of them.
    """
    return _UNPRINTABLE.sub("", text)


def one_line(paragraphs: tuple[WordParagraph, ...] | list[WordParagraph]) -> str:
    """The text of paragraphs as one line: line breaks and paragraphs joined by a space."""
    pieces: list[str] = []
    for paragraph in paragraphs:
        text = _LINE_SEPARATORS.sub("\n", clean_text(paragraph.text)).replace("\t", " ")
        pieces.extend(line.strip() for line in text.split("\n") if line.strip())
    return " ".join(pieces)


def tidy_runs(runs: Runs) -> list[Runs]:
    """A paragraph's runs as printed text: one or more paragraphs (two breaks split one).

    Control and invisible characters are removed, tabs become spaces, white space is
    moved out of bold and italic (Markdown cannot open or close emphasis next to it),
    and white space at the ends of the paragraph and around line breaks is dropped.
    """
    lines: list[list[Run]] = [[]]
    for run in runs:
        if isinstance(run, LineBreak):
            lines.append([])
            continue
        text = clean_text(run.text).replace("\t", " ")
        parts = _LINE_SEPARATORS.split(text)
        for index, part in enumerate(parts):
            if index:
                lines.append([])
            if part:
                lines[-1].extend(_emphasis_without_spaces(Text(part, run.bold, run.italic)))
    paragraphs: list[list[Run]] = [[]]
    for line in lines:
        line_runs = _strip_line(line)
        if not line_runs:
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        if paragraphs[-1]:
            paragraphs[-1].append(LineBreak())
        paragraphs[-1].extend(line_runs)
    return [canonical_runs(tuple(p)) for p in paragraphs if p]


def _emphasis_without_spaces(run: Text) -> list[Text]:
    if not (run.bold or run.italic):
        return [run]
    inner = run.text.strip(" ")
    if not inner.strip():
        return [Text(run.text)]
    start = run.text.index(inner)
    before, after = run.text[:start], run.text[start + len(inner) :]
    return [Text(before), Text(inner, run.bold, run.italic), Text(after)]


def _strip_line(line: list[Run]) -> list[Run]:
    texts = [run for run in line if isinstance(run, Text) and run.text]
    if not texts:
        return []
    result: list[Run] = []
    for run in texts:
        result.append(run)
    first, last = result[0], result[-1]
    assert isinstance(first, Text) and isinstance(last, Text)
    # Spaces only, as the Markdown parser strips them: other white space is text.
    result[0] = Text(first.text.lstrip(" "), first.bold, first.italic)
    last = result[-1]
    assert isinstance(last, Text)
    result[-1] = Text(last.text.rstrip(" "), last.bold, last.italic)
    return [run for run in result if isinstance(run, Text) and run.text]


# -- prose ------------------------------------------------------------------------------


@dataclass
class _Unit:
    """One paragraph of prose on its way into blocks: a list item or not."""

    runs: Runs
    kind: Literal["bullet", "decimal"] | None = None
    level: int = 0
    start: int = 1
    continuation: bool = False
    style_id: str = ""


def read_prose(
    paragraphs: list[WordParagraph] | tuple[WordParagraph, ...],
    place: str,
    findings: list[Finding],
    where: Where,
) -> Prose | None:
    """Word paragraphs as prose blocks (paragraphs and lists), or ``None`` when empty."""
    units = _units(paragraphs, place, findings, where)
    if not units:
        return None
    return _blocks(units)


def _units(
    paragraphs: list[WordParagraph] | tuple[WordParagraph, ...],
    place: str,
    findings: list[Finding],
    where: Where,
) -> list[_Unit]:
    units: list[_Unit] = []
    joined = _hard_broken_lines(paragraphs)
    for paragraph in joined:
        if paragraph.pictures:
            findings.append(
                Finding(
                    _place_of(paragraph, place),
                    "gambar atau kotak teks tidak dapat diimpor; tambahkan di templat Word "
                    "bila memang perlu",
                    where=where,
                )
            )
        if paragraph.equations:
            findings.append(
                Finding(
                    _place_of(paragraph, place),
                    "rumus (equation) Word dibaca sebagai teks biasa; periksa penulisannya",
                    where=where,
                )
            )
        own = paragraph.style_id in _OWN_PROSE_STYLES
        pieces = tidy_runs(paragraph.runs)
        if not own and paragraph.list_mark is None:
            pieces = _split_typed_lines(pieces)
        for index, runs in enumerate(pieces):
            mark = paragraph.list_mark if index == 0 else None
            unit = _Unit(runs, style_id=paragraph.style_id)
            if mark is not None:
                _apply_mark(unit, mark, _place_of(paragraph, place), findings, where)
            elif not own:
                _apply_typed_marker(unit)
            previous = units[-1] if units else None
            if (
                unit.kind is None
                and index == 0
                and previous is not None
                and (previous.kind is not None or previous.continuation)
                and (paragraph.indented or paragraph.style_id == previous.style_id)
            ):
                unit.continuation = True
                unit.level = previous.level
            units.append(unit)
    return units


def _hard_broken_lines(
    paragraphs: list[WordParagraph] | tuple[WordParagraph, ...],
) -> list[WordParagraph]:
    """lampiran writes each hard-broken line of a paragraph as its own paragraph with no
    space after it (so that justified lines do not stretch); read them as one again."""
    result: list[WordParagraph] = []
    for paragraph in paragraphs:
        previous = result[-1] if result else None
        if (
            previous is not None
            and previous.tight_after
            and previous.style_id in _OWN_PROSE_STYLES
            and previous.style_id == paragraph.style_id
            and previous.list_mark is None
            and paragraph.list_mark is None
            and not previous.is_empty
            and not paragraph.is_empty
        ):
            result[-1] = dataclasses.replace(
                previous,
                runs=(*previous.runs, LineBreak(), *paragraph.runs),
                tight_after=paragraph.tight_after,
            )
        else:
            result.append(paragraph)
    return result


def _place_of(paragraph: WordParagraph, place: str) -> str:
    return paragraph_place(paragraph) if paragraph.number else place


def _split_typed_lines(pieces: list[Runs]) -> list[Runs]:
    """A paragraph of typed list lines (``1. …`` Shift+Enter ``2. …``) as one per line."""
    result: list[Runs] = []
    for runs in pieces:
        lines: list[list[Run]] = [[]]
        for run in runs:
            if isinstance(run, LineBreak):
                lines.append([])
            else:
                lines[-1].append(run)
        texts = ["".join(r.text for r in line if isinstance(r, Text)) for line in lines]
        marked = sum(1 for t in texts if _TYPED_DECIMAL.match(t) or _TYPED_BULLET.match(t))
        if len(lines) > 1 and marked >= 2:
            result.extend(tuple(line) for line in lines if line)
        else:
            result.append(runs)
    return result


def _apply_mark(
    unit: _Unit, mark: ListMark, place: str, findings: list[Finding], where: Where
) -> None:
    unit.kind = "bullet" if mark.kind == "bullet" else "decimal"
    unit.level = mark.level
    unit.start = mark.start
    if mark.kind == "other":
        findings.append(
            Finding(
                place,
                f"daftar bernomor '{mark.format}' (huruf atau angka Romawi) ditulis sebagai "
                "daftar 1, 2, 3: Markdown hanya mengenal angka",
                where=where,
            )
        )


def _apply_typed_marker(unit: _Unit) -> None:
    """A paragraph that starts with a typed ``1.`` or ``-`` is a list item, its marker dropped."""
    first = unit.runs[0] if unit.runs else None
    if not isinstance(first, Text):
        return
    decimal = _TYPED_DECIMAL.match(first.text)
    bullet = _TYPED_BULLET.match(first.text)
    found = decimal or bullet
    if found is None:
        return
    rest = first.text[found.end() :]
    unit.runs = canonical_runs((Text(rest, first.bold, first.italic), *unit.runs[1:]))
    unit.kind = "decimal" if decimal else "bullet"
    unit.start = int(decimal.group("number")) if decimal else 1
    if not unit.runs:
        unit.kind = None


def _blocks(units: list[_Unit]) -> Prose:
    """Units as paragraphs and lists: lists nested one level, same-kind lists joined."""
    blocks: list[Paragraph | ListBlock] = []
    index = 0
    while index < len(units):
        unit = units[index]
        if unit.kind is None and not unit.continuation:
            blocks.append(Paragraph(unit.runs))
            index += 1
            continue
        end = index
        while end < len(units) and (units[end].kind is not None or units[end].continuation):
            end += 1
        blocks.extend(_lists(units[index:end]))
        index = end
    return tuple(blocks)


def _lists(units: list[_Unit]) -> list[ListBlock]:
    """Consecutive list units as top-level lists (a new list where the kind changes)."""
    base = min((u.level for u in units if u.kind is not None), default=0)
    lists: list[ListBlock] = []
    items: list[list[Paragraph | ListBlock]] = []
    nested: list[_Unit] = []
    kind: Literal["bullet", "decimal"] | None = None
    start = 1

    def close_nested() -> None:
        if nested and items:
            items[-1].extend(_nested_lists(nested))
        nested.clear()

    def close_list() -> None:
        close_nested()
        if items and kind is not None:
            lists.append(ListBlock(kind, tuple(ListItem(tuple(i)) for i in items), start, 0))
        items.clear()

    for unit in units:
        level = 0 if unit.level <= base else 1
        if unit.kind is None:  # a further paragraph of the item above
            if level == 0 or not nested:
                close_nested()
                if items:
                    items[-1].append(Paragraph(unit.runs))
                else:
                    lists.append(ListBlock("bullet", (ListItem((Paragraph(unit.runs),)),)))
            else:
                nested.append(unit)
            continue
        if level == 1 and items:
            nested.append(unit)
            continue
        close_nested()
        if unit.kind != kind:
            close_list()
            kind = unit.kind
            start = unit.start
        items.append([Paragraph(unit.runs)])
    close_list()
    return lists


def _nested_lists(units: list[_Unit]) -> list[ListBlock]:
    result: list[ListBlock] = []
    items: list[list[Paragraph]] = []
    kind: Literal["bullet", "decimal"] | None = None
    start = 1
    for unit in units:
        if unit.kind is None:
            if items:
                items[-1].append(Paragraph(unit.runs))
            continue
        if unit.kind != kind:
            if items and kind is not None:
                result.append(ListBlock(kind, tuple(ListItem(tuple(i)) for i in items), start, 1))
            items = []
            kind = unit.kind
            start = unit.start
        items.append([Paragraph(unit.runs)])
    if items and kind is not None:
        result.append(ListBlock(kind, tuple(ListItem(tuple(i)) for i in items), start, 1))
    return result


def is_absent(prose: Prose | None) -> bool:
    """Whether a cell says nothing, or only the ``-`` printed for an absent value."""
    if prose is None:
        return True
    if len(prose) != 1 or not isinstance(prose[0], Paragraph):
        return False
    text = "".join(r.text for r in prose[0].runs if isinstance(r, Text)).strip()
    return text in ("", ABSENT, "–", "—")


# -- the document ------------------------------------------------------------------------


Part = Literal["title", "uraian", "indikator", "target", "signature", "after"]


class _Reader:
    """Walks the body once, keeping the part it is in."""

    def __init__(self) -> None:
        self.read = DocumentRead()
        self.part: Part = "title"
        self.title_lines: list[tuple[str, WordParagraph]] = []
        self.pending: list[WordParagraph] = []
        """Paragraphs of the current part not yet known to be prose or stray."""

    @property
    def current(self) -> SasaranRead | None:
        return self.read.sasaran[-1] if self.read.sasaran else None

    def where(self) -> Where:
        return len(self.read.sasaran) - 1 if self.read.sasaran else "dokumen"

    def stray(self, place: str, text: str, message: str = "") -> None:
        shown = message or "teks ini tidak dikenali sebagai bagian Lampiran 2"
        self.read.findings.append(Finding(place, shown, text, self.where()))

    def feed(self, item: BodyItem) -> None:
        if isinstance(item, WordTable):
            self.table(item)
        elif not item.is_empty:
            self.paragraph(item)

    # paragraphs ----------------------------------------------------------------------

    def paragraph(self, paragraph: WordParagraph) -> None:
        heading = heading_kind(paragraph)
        if heading is not None and self.part not in ("signature", "after"):
            self.heading(heading, paragraph)
            return
        text = one_line([paragraph])
        if self.part == "title":
            for line in _LINE_SEPARATORS.sub("\n", clean_text(paragraph.text)).split("\n"):
                if line.strip():
                    self.title_lines.append((line.strip().replace("\t", " "), paragraph))
        elif self.part == "uraian":
            current = self.current
            if current is None:
                current = SasaranRead(place=paragraph_place(paragraph))
                self.read.sasaran.append(current)
            if not current.sasaran:
                current.sasaran = text
                current.place = paragraph_place(paragraph)
            else:
                current.uraian.append(paragraph)
        elif self.part == "indikator":
            found = _INDIKATOR_SENTENCE.match(_words(text))
            if found and self.current is not None:
                self.current.stated_count = (int(found.group("jumlah")), paragraph_place(paragraph))
            else:
                self.pending.append(paragraph)
        elif self.part == "target":
            if not _TARGET_SENTENCE.match(_words(text)):
                self.pending.append(paragraph)
        else:
            self.stray(paragraph_place(paragraph), text)

    def heading(self, heading: tuple[str, int], paragraph: WordParagraph) -> None:
        kind, _ = heading
        self.flush_pending()
        if self.part == "title":
            self.finish_title()
        current = self.current
        if kind == "section" or current is None or (kind == "uraian" and current.started):
            self.read.sasaran.append(SasaranRead(place=paragraph_place(paragraph)))
        self.part = "uraian" if kind == "section" else kind  # type: ignore[assignment]

    def flush_pending(self) -> None:
        for paragraph in self.pending:
            self.stray(paragraph_place(paragraph), one_line([paragraph]))
        self.pending.clear()

    # tables --------------------------------------------------------------------------

    def table(self, table: WordTable) -> None:
        if self.part == "title":
            self.finish_title()
        if _is_signature(table):
            self.signature(table)
            return
        self.flush_pending()
        kind, header_row, columns = _classify(table)
        if kind is None or self.part in ("signature", "after"):
            self.stray_table(table)
            return
        if self.current is None:
            self.read.sasaran.append(SasaranRead(place=f"tabel {table.number}"))
            if self.part == "title":
                self.part = "uraian"
        self.stray_rows(table, range(header_row))
        current = self.current
        assert current is not None
        if kind == "indikator":
            self.indikator_rows(table, header_row, columns, current)
            self.part = "indikator"
        else:
            self.target_rows(table, header_row, columns, current)
            self.part = "target"

    def stray_table(self, table: WordTable) -> None:
        self.stray_rows(table, range(len(table.rows)), whole=True)

    def stray_rows(self, table: WordTable, rows: range, *, whole: bool = False) -> None:
        for index in rows:
            texts = [c.text for c in table.rows[index] if c.text.strip()]
            if texts:
                place = f"tabel {table.number}, baris {index + 1}"
                message = (
                    "tabel ini tidak dikenali (judul kolomnya bukan tabel indikator atau target)"
                    if whole
                    else "baris di atas judul kolom tidak dikenali"
                )
                self.stray(place, " | ".join(texts), message)

    def data_rows(
        self, table: WordTable, header_row: int
    ) -> list[tuple[int, tuple[WordCell, ...]]]:
        rows = []
        for index in range(header_row + 1, len(table.rows)):
            cells = tuple(c for c in table.rows[index] if not c.continues_merge)
            texts = [c.text.strip() for c in cells if c.text.strip()]
            if not texts:
                continue
            if len(texts) >= 2 and all(_COLUMN_NUMBERS.match(t) for t in texts):
                continue  # the (1) (2) (3) row under the headers
            rows.append((index, cells))
        return rows

    def mapped(
        self,
        table: WordTable,
        index: int,
        cells: tuple[WordCell, ...],
        columns: dict[int, str],
    ) -> dict[str, WordCell]:
        by_key: dict[str, WordCell] = {}
        for cell in cells:
            key = columns.get(cell.column)
            if key is None:
                if cell.text.strip():
                    self.stray(
                        cell_place(table, index, cell),
                        cell.text,
                        "kolom ini tidak dikenali (tidak ada judul kolom yang cocok)",
                    )
                continue
            if cell.nested_tables:
                self.read.findings.append(
                    Finding(
                        cell_place(table, index, cell),
                        "tabel di dalam sel dibaca sebagai paragraf biasa",
                        where=self.where(),
                    )
                )
            by_key[key] = cell
        return by_key

    def indikator_rows(
        self, table: WordTable, header_row: int, columns: dict[int, str], current: SasaranRead
    ) -> None:
        where = self.where()
        findings = self.read.findings
        for index, cells in self.data_rows(table, header_row):
            by_key = self.mapped(table, index, cells, columns)
            place = f"tabel {table.number}, baris {index + 1}"
            nama = one_line(by_key["nama"].paragraphs) if "nama" in by_key else ""
            prose = {
                key: read_prose(by_key[key].paragraphs, place, findings, where)
                if key in by_key
                else None
                for key in ("relevansi", "formulasi", "sumber_data")
            }
            if not nama and current.indikator:
                previous = current.indikator[-1]
                findings.append(
                    Finding(
                        place,
                        "baris tanpa nama indikator dibaca sebagai lanjutan baris di atasnya",
                        where=where,
                    )
                )
                for key, value in prose.items():
                    if value:
                        setattr(previous, key, (*(getattr(previous, key) or ()), *value))
                continue
            current.indikator.append(
                IndikatorRead(
                    nama=nama,
                    relevansi=prose["relevansi"],
                    formulasi=None if is_absent(prose["formulasi"]) else prose["formulasi"],
                    sumber_data=None if is_absent(prose["sumber_data"]) else prose["sumber_data"],
                    place=place,
                )
            )

    def target_rows(
        self, table: WordTable, header_row: int, columns: dict[int, str], current: SasaranRead
    ) -> None:
        for index, cells in self.data_rows(table, header_row):
            by_key = self.mapped(table, index, cells, columns)
            place = f"tabel {table.number}, baris {index + 1}"
            nama = one_line(by_key["nama"].paragraphs) if "nama" in by_key else ""
            target = one_line(by_key["target"].paragraphs) if "target" in by_key else ""
            penjelasan = (
                read_prose(
                    by_key["penjelasan_target"].paragraphs, place, self.read.findings, self.where()
                )
                if "penjelasan_target" in by_key
                else None
            )
            current.targets.append((nama, target, penjelasan, place))

    # the signature ---------------------------------------------------------------------

    def signature(self, table: WordTable) -> None:
        date_line = None
        for paragraph in reversed(self.pending):
            if _DATE_LINE.match(one_line([paragraph])):
                date_line = (one_line([paragraph]), paragraph_place(paragraph))
                self.pending.remove(paragraph)
                break
        self.flush_pending()
        self.part = "signature"
        signature, findings = read_signature(table, date_line)
        if self.read.penandatangan is None:
            self.read.penandatangan = signature
        self.read.findings.extend(findings)
        self.part = "after"

    # the title ---------------------------------------------------------------------------

    def finish_title(self) -> None:
        read = self.read
        lines = self.title_lines
        title_at = next((i for i, (t, _) in enumerate(lines) if _TITLE.match(_words(t))), None)
        sub_at = next(
            (i for i, (t, _) in enumerate(lines) if _SUBTITLE_WITHOUT_YEAR.match(_words(t))),
            None,
        )
        used: set[int] = set()
        if title_at is not None:
            found = _TITLE.match(_words(lines[title_at][0]))
            assert found is not None
            read.lampiran = found.group("lampiran").upper()
            read.perubahan = "perubahan" in found.group("perjanjian")
            rest = _words(lines[title_at][0])[found.end() :]
            year = _TITLE_WITH_YEAR.search(rest)
            if year:
                read.tahun = int(year.group("tahun"))
            used.add(title_at)
        if sub_at is not None:
            year = _TITLE_WITH_YEAR.search(_words(lines[sub_at][0]))
            if year:
                read.tahun = int(year.group("tahun"))
            used.add(sub_at)
        if title_at is not None:
            end = sub_at if sub_at is not None and sub_at > title_at else len(lines)
            between = list(range(title_at + 1, end))
            if between:
                read.instansi = " ".join(lines[i][0] for i in between)
                used.update(between)
        for index, (text, paragraph) in enumerate(lines):
            if index in used:
                continue
            if not read.pemerintah_daerah and _GOVERNMENT.match(_words(text)):
                read.pemerintah_daerah = text
                continue
            self.read.findings.append(
                Finding(
                    paragraph_place(paragraph),
                    "baris judul ini tidak dikenali (judul Lampiran 2: 'LAMPIRAN 2 PERJANJIAN "
                    "KINERJA', nama instansi, 'PENJELASAN KINERJA TAHUN …')",
                    text,
                )
            )
        self.title_lines = []
        self.part = "uraian"

    def finish(self) -> DocumentRead:
        if self.part == "title":
            self.finish_title()
        self.flush_pending()
        for sasaran in self.read.sasaran:
            self.join_targets(sasaran)
        return self.read

    def join_targets(self, sasaran: SasaranRead) -> None:
        """Give each indicator its row of the target table: by name, else by position."""
        where = self.read.sasaran.index(sasaran)
        names = {_words(ind.nama): ind for ind in sasaran.indikator}
        unmatched: list[tuple[str, str, Prose | None, str]] = []
        taken: set[int] = set()
        for row in sasaran.targets:
            indikator = names.get(_words(row[0]))
            if indikator is not None and id(indikator) not in taken:
                indikator.target, indikator.penjelasan_target = row[1], row[2]
                taken.add(id(indikator))
            else:
                unmatched.append(row)
        free = [ind for ind in sasaran.indikator if id(ind) not in taken]
        for row, indikator in zip(unmatched, free, strict=False):
            self.read.findings.append(
                Finding(
                    row[3],
                    f"nama indikator di tabel target ('{shorten(row[0], 60)}') berbeda dengan "
                    f"tabel indikator ('{shorten(indikator.nama, 60)}'); dipakai nama dari "
                    "tabel indikator",
                    where=where,
                )
            )
            indikator.target, indikator.penjelasan_target = row[1], row[2]
        for row in unmatched[len(free) :]:
            self.read.findings.append(
                Finding(
                    row[3],
                    "indikator ini hanya ada di tabel target; relevansinya tidak ada di tabel "
                    "indikator",
                    where=where,
                )
            )
            sasaran.indikator.append(
                IndikatorRead(nama=row[0], target=row[1], penjelasan_target=row[2], place=row[3])
            )
        stated = sasaran.stated_count
        if stated is not None and stated[0] != len(sasaran.indikator):
            self.read.findings.append(
                Finding(
                    stated[1],
                    f"kalimat ini menyebut {stated[0]} indikator, padahal tabelnya berisi "
                    f"{len(sasaran.indikator)}; lampiran menghitungnya sendiri",
                    where=where,
                )
            )


def read_lampiran2(items: list[BodyItem]) -> DocumentRead:
    """Recognise the parts of a Lampiran 2 in the body of a Word document."""
    reader = _Reader()
    for item in items:
        reader.feed(item)
    return reader.finish()


# -- tables -----------------------------------------------------------------------------


def _classify(table: WordTable) -> tuple[str | None, int, dict[int, str]]:
    """The kind of a table (``indikator``, ``target``), its header row and its columns."""
    for index, row in enumerate(table.rows[:3]):
        for kind, known in (("indikator", _INDIKATOR_COLUMNS), ("target", _TARGET_COLUMNS)):
            columns: dict[int, str] = {}
            for cell in row:
                key = known.get(_words(cell.text))
                if key is not None and key not in columns.values():
                    for column in range(cell.column, cell.column + cell.span):
                        columns[column] = key
            keys = set(columns.values())
            if kind == "indikator" and "nama" in keys and keys & {"relevansi", "formulasi"}:
                return kind, index, columns
            if kind == "target" and {"nama", "target"} <= keys:
                return kind, index, columns
    return None, 0, {}


def _is_signature(table: WordTable) -> bool:
    labels = 0
    for row in table.rows:
        for cell in row:
            for paragraph in cell.paragraphs:
                if _PIHAK.match(_words(paragraph.text)):
                    labels += 1
    return labels >= 1


@dataclass
class _Column:
    lines: list[tuple[str, bool]] = field(default_factory=list)
    """(text, emphasised); "" for an empty paragraph (the space left for signing)."""


def read_signature(
    table: WordTable, date_line: tuple[str, str] | None
) -> tuple[PenandatanganRead | None, list[Finding]]:
    """The parties, the place and the date of a signature table."""
    findings: list[Finding] = []
    columns: dict[int, _Column] = {}
    for row in table.rows:
        for cell in row:
            column = columns.setdefault(cell.column, _Column())
            for paragraph in cell.paragraphs:
                column.lines.extend(_signature_lines(paragraph))
    parties: dict[str, PihakRead] = {}
    place = f"tabel {table.number}"
    for number, column in sorted(columns.items()):
        lines = [(t, e) for t, e in column.lines]
        label_at = next((i for i, (t, _) in enumerate(lines) if _PIHAK.match(_words(t))), None)
        if label_at is None:
            texts = [t for t, _ in lines if t]
            if texts:
                findings.append(
                    Finding(
                        f"{place}, kolom {number + 1}",
                        "kolom tanda tangan ini tidak memuat 'PIHAK PERTAMA' atau 'PIHAK KEDUA'",
                        "\n".join(texts),
                    )
                )
            continue
        for text, _ in lines[:label_at]:
            if text and date_line is None and _DATE_LINE.match(text):
                date_line = (text, f"{place}, kolom {number + 1}")
            elif text:
                findings.append(
                    Finding(f"{place}, kolom {number + 1}", "baris ini tidak dikenali", text)
                )
        found = _PIHAK.match(_words(lines[label_at][0]))
        assert found is not None
        pihak = "kedua" if found.group("pihak") == "kedua" else "pertama"
        party, extra = _party(lines[label_at + 1 :], lines[label_at][0], found.group("rest"))
        for text in extra:
            findings.append(
                Finding(f"{place}, kolom {number + 1}", "baris ini tidak dikenali", text)
            )
        if pihak in parties:
            findings.append(
                Finding(f"{place}, kolom {number + 1}", f"PIHAK {pihak.upper()} tertulis dua kali")
            )
            continue
        parties[pihak] = party
    if "pertama" not in parties or "kedua" not in parties:
        missing = [f"PIHAK {p.upper()}" for p in ("pertama", "kedua") if p not in parties]
        findings.append(
            Finding(
                place,
                f"blok tanda tangan tanpa {' dan '.join(missing)}; 'penandatangan' tidak ditulis",
                _signature_text(columns),
            )
        )
        return None, findings
    tempat, tanggal = "", None
    if date_line is None:
        findings.append(
            Finding(place, "baris tempat dan tanggal di atas tanda tangan tidak ditemukan")
        )
    else:
        text, date_place = date_line
        found_date = _DATE_LINE.match(text)
        assert found_date is not None
        tempat = found_date.group("tempat").strip()
        tanggal = read_tanggal_indonesia(found_date.group("tanggal"))
        if tanggal is None:
            findings.append(
                Finding(
                    date_place,
                    f"tanggal '{found_date.group('tanggal')}' tidak lengkap atau tidak dikenali; "
                    "isi penandatangan.tanggal sendiri (TTTT-BB-HH)",
                    text,
                )
            )
    for pihak, party in parties.items():
        if not party.nama:
            findings.append(Finding(place, f"nama PIHAK {pihak.upper()} tidak ditemukan"))
    return (
        PenandatanganRead(tempat, tanggal, parties["pertama"], parties["kedua"]),
        findings,
    )


def _party(
    lines: list[tuple[str, bool]], label_line: str, rest: str
) -> tuple[PihakRead, list[str]]:
    """Jabatan, nama, pangkat and NIP from the lines under a PIHAK label."""
    jabatan: list[str] = []
    if rest:
        jabatan.append(label_line.split(",", 1)[1].strip() if "," in label_line else rest)
    index = 0
    while index < len(lines) and lines[index][0] and not lines[index][1]:
        jabatan.append(lines[index][0])
        index += 1
    while index < len(lines) and not lines[index][0]:
        index += 1
    nama = lines[index][0] if index < len(lines) else ""
    if not jabatan and index > 0 and not nama:
        nama = ""
    pangkat: list[str] = []
    nip = ""
    extra: list[str] = []
    for text, _ in lines[index + 1 :]:
        if not text:
            continue
        found = _NIP.match(_words(text))
        if found and not nip:
            nip = "".join(found.group("nip").split())
        elif not nip:
            pangkat.append(text)
        else:
            extra.append(text)
    status, title = _status(" ".join(jabatan))
    return PihakRead(nama, title, " ".join(pangkat), nip, status), extra


def _status(jabatan: str) -> tuple[str, str]:
    """``("Plt.", "Kepala Dinas")`` from ``Plt. Kepala Dinas``, as the documents print it."""
    for status in STATUS_WORDS:
        if jabatan.startswith(f"{status} ") and jabatan[len(status) + 1 :].strip():
            return status, jabatan[len(status) + 1 :].strip()
    return "", jabatan


def _signature_lines(paragraph: WordParagraph) -> list[tuple[str, bool]]:
    """The lines of a paragraph (split at line breaks), each with whether it is emphasised.

    A typist may write a whole column in one paragraph with Shift+Enter; an empty line is
    the space left for signing either way.
    """
    lines: list[list[Text]] = [[]]
    for run in paragraph.runs:
        if isinstance(run, LineBreak):
            lines.append([])
        else:
            lines[-1].append(run)
    result = []
    single = len(lines) == 1
    for line in lines:
        text = clean_text("".join(r.text for r in line)).replace("\t", " ").strip()
        bold = bool(text) and all(r.bold for r in line if r.text.strip())
        result.append((text, bool(text) and (bold or (single and paragraph.emphasised))))
    return result


def _signature_text(columns: dict[int, _Column]) -> str:
    return "\n".join(t for _, c in sorted(columns.items()) for t, _ in c.lines if t)
