"""Table columns sized from their content, within the text width of their section.

Each column gets at least the width of the longest word it prints, measured with the
font its styles give it (:mod:`.fonts`, :mod:`.styles`), plus the cell's padding and the
paragraph's indent: so no ordinary word is ever broken inside a cell, on any paper and
with any margins the template sets. Underlined text (a signatory's name) counts as one
word, so a name is never split under its underline where a wider column holds it. The
width left over is shared as the template's own grid shares it, so a template that gives
"Penjelasan" the widest column keeps it so.

The same measure estimates each row's height: a short row is kept whole on one page
(``cantSplit``), a tall one may continue on the next page under the repeated header row,
so that it never leaves a large empty space at a page foot (layout.md).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from lampiran.writers.docx.fonts import metrics
from lampiran.writers.docx.oxml import Element, child, qn, val
from lampiran.writers.docx.styles import StyleSheet, paragraph_text_runs

TWIPS_PER_POINT = 20
TWIPS_PER_CM = 1440 / 2.54

DEFAULT_CELL_MARGINS = {"left": 108, "right": 108, "top": 0, "bottom": 0}
"""Word's cell padding when neither the table nor its style sets one (0.19 cm)."""

WORD_SAFETY = 1.03
"""Measured words are widened by 3 %: Word and LibreOffice round positions and may kern."""
WORD_SLACK_TWIPS = 30

SPLITTABLE_ROW_CM = 2.5
"""A row estimated taller than this may split across pages; a shorter one never does."""

SPLITTABLE_FIRST_ROW_CM = 1.2
"""The same for the first row under the header: it moves together with the heading, the
intro sentence and the header row (about 3.6 cm), so only its first lines may join them,
or that chain would leave a page foot empty."""

LINE_HEIGHT_EM = 1.15
"""Height of one line at single spacing, in ems (Arial's ascent + descent is 1.117)."""

_BREAK = re.compile(r"(?<=[-/])|\s+")
"""Where a line may break inside a run of text: spaces, and after a hyphen or slash."""


@dataclass(frozen=True)
class Piece:
    """A stretch of text that a line never breaks, and its width in twips."""

    width: float
    space_after: float


@dataclass(frozen=True)
class MeasuredParagraph:
    indent: int
    first_line: int
    pieces: tuple[Piece, ...]
    line_twips: float
    before: int
    after: int

    @property
    def longest(self) -> float:
        widest = max((piece.width for piece in self.pieces), default=0.0)
        return self.indent + max(self.first_line, 0) + widest

    def height(self, width: float) -> float:
        """The paragraph's height in twips when set ``width`` twips wide (greedy lines)."""
        lines, used = 1, float(self.indent + self.first_line)
        available = max(width, 1.0)
        for piece in self.pieces:
            if used > self.indent and used + piece.width > available:
                lines += 1
                used = float(self.indent)
            used += piece.width + piece.space_after
        return self.before + lines * self.line_twips + self.after


@dataclass(frozen=True)
class Cell:
    element: Element
    column: int
    span: int
    paragraphs: tuple[MeasuredParagraph, ...]


def fit_table(table: Element, width: int, sheet: StyleSheet, *, keep_rows_whole: bool) -> None:
    """Give ``table`` the total ``width`` (twips), its columns sized from their content.

    Rows are then marked: ``keep_rows_whole`` keeps every row on one page (the signature
    block); otherwise only header rows and rows short enough never to leave a large empty
    space are kept whole.
    """
    grid = table.find(qn("w:tblGrid"))
    columns = grid.findall(qn("w:gridCol")) if grid is not None else []
    if not columns or width <= 0:
        return
    margins = _cell_margins(table, sheet)
    padding = margins["left"] + margins["right"]
    rows = [_measure_row(row, sheet) for row in table.findall(qn("w:tr"))]
    least = [0.0] * len(columns)
    for row in rows:
        for cell in row:
            if cell.span == 1 and cell.column < len(columns):
                longest = max((p.longest for p in cell.paragraphs), default=0.0)
                least[cell.column] = max(least[cell.column], longest + padding)
    preferred = [_int(column.get(qn("w:w"))) for column in columns]
    widths = share_width(width, preferred, least)
    for column, value in zip(columns, widths, strict=True):
        column.set(qn("w:w"), str(value))
    properties = child(table, "w:tblPr")
    child(properties, "w:tblW", w=str(width), type="dxa")
    child(properties, "w:tblLayout", type="fixed")
    first_content_row = True
    for tr, row in zip(table.findall(qn("w:tr")), rows, strict=True):
        header = tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        limit = SPLITTABLE_FIRST_ROW_CM if first_content_row and not header else SPLITTABLE_ROW_CM
        first_content_row = first_content_row and header
        height = 0.0
        for cell in row:
            cell_width = sum(widths[cell.column : cell.column + cell.span])
            child(child(cell.element, "w:tcPr"), "w:tcW", w=str(cell_width), type="dxa")
            inner = cell_width - padding
            height = max(height, sum(p.height(inner) for p in cell.paragraphs))
        height += margins["top"] + margins["bottom"]
        # A row of a vertical merge stays whole: the merged cell would split oddly.
        merged = tr.find(f"{qn('w:tc')}/{qn('w:tcPr')}/{qn('w:vMerge')}") is not None
        _mark_row(tr, keep_rows_whole or merged or height <= limit * TWIPS_PER_CM)


def share_width(total: int, preferred: Sequence[int], least: Sequence[float]) -> list[int]:
    """Column widths summing to ``total``: each at least its ``least``, the rest shared
    in the proportions of ``preferred``.

    Columns whose share would fall below their least get their least, and the others
    share what remains, until every column holds its longest word. When even the least
    widths do not fit, they are scaled down together (a word may then break, but no
    column loses all of its room).
    """
    count = len(preferred)
    weights = [max(p, 1) for p in preferred]
    needed = [math.ceil(value) for value in least]
    if sum(needed) >= total:
        base = sum(needed) or count
        shares = [total * (n or 1) / base for n in needed]
    else:
        fixed: set[int] = set()
        while True:
            room = total - sum(needed[i] for i in fixed)
            free_weight = sum(weights[i] for i in range(count) if i not in fixed)
            shares = [
                needed[i] if i in fixed else room * weights[i] / free_weight for i in range(count)
            ]
            short = {i for i in range(count) if i not in fixed and shares[i] < needed[i]}
            if not short:
                break
            fixed |= short
    widths = [math.floor(share) for share in shares]
    widths[max(range(count), key=lambda i: shares[i])] += total - sum(widths)
    return widths


def _measure_row(row: Element, sheet: StyleSheet) -> list[Cell]:
    cells = []
    column = 0
    for cell in row.findall(qn("w:tc")):
        span_value = val(cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}"), "1") or "1"
        span = max(int(span_value), 1) if span_value.isdigit() else 1
        paragraphs = tuple(_measure_paragraph(p, sheet) for p in cell.findall(qn("w:p")))
        cells.append(Cell(cell, column, span, paragraphs))
        column += span
    return cells


def _measure_paragraph(paragraph: Element, sheet: StyleSheet) -> MeasuredParagraph:
    style = sheet.paragraph_style(paragraph)
    look = sheet.paragraph_look(paragraph)
    pieces: list[Piece] = []
    text_look = sheet.run_look(style)
    pending = 0.0  # width of a piece still growing across runs (no space between them)
    for run, text in paragraph_text_runs(paragraph):
        run_look = sheet.run_look(style, run)
        face = metrics(run_look.font, run_look.bold, run_look.italic)
        size = run_look.size_pt * TWIPS_PER_POINT
        if run_look.underline:
            pending += face.width(text.strip("\n"), size)
            continue
        space = face.width(" ", size)
        position = 0
        for match in _BREAK.finditer(text):
            part = text[position : match.start()]
            if part or pending:
                pieces.append(
                    Piece(pending + face.width(part, size), space if match.group() else 0)
                )
                pending = 0.0
            position = match.end()
        pending += face.width(text[position:], size)
    if pending:
        pieces.append(Piece(pending, 0.0))
    widened = tuple(
        Piece(piece.width * WORD_SAFETY + WORD_SLACK_TWIPS, piece.space_after) for piece in pieces
    )
    line = text_look.size_pt * LINE_HEIGHT_EM * look.line_factor * TWIPS_PER_POINT
    return MeasuredParagraph(look.left, look.first_line, widened, line, look.before, look.after)


def _cell_margins(table: Element, sheet: StyleSheet) -> dict[str, int]:
    """The cell padding (twips): the table's own, else its style's, else Word's default."""
    margins = dict(DEFAULT_CELL_MARGINS)
    sources = []
    style = val(table.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}"))
    if style is not None:
        sources.extend(sheet.table_style_properties(style))
    sources.append(table.find(qn("w:tblPr")))
    for properties in sources:
        found = properties.find(qn("w:tblCellMar")) if properties is not None else None
        if found is None:
            continue
        for side, names in (
            ("left", ("left", "start")),
            ("right", ("right", "end")),
            ("top", ("top",)),
            ("bottom", ("bottom",)),
        ):
            for name in names:
                element = found.find(qn(f"w:{name}"))
                if element is not None and element.get(qn("w:type"), "dxa") == "dxa":
                    margins[side] = _int(element.get(qn("w:w")))
    return margins


def _mark_row(row: Element, whole: bool) -> None:
    """Keep a row (and every header row) on one page, or let it split."""
    properties = row.find(qn("w:trPr"))
    header = properties is not None and properties.find(qn("w:tblHeader")) is not None
    if whole or header:
        child(child(row, "w:trPr"), "w:cantSplit")
        return
    existing = properties.find(qn("w:cantSplit")) if properties is not None else None
    if existing is not None:
        properties.remove(existing)
        if len(properties) == 0 and not properties.attrib:
            row.remove(properties)


def _int(text: str | None) -> int:
    return int(text) if text and text.isdigit() else 0
