"""Page layout of the rendered document: paper size, table widths, keeping together.

The template keeps its margins and styles; the paper is set here (F4 by default, A4 on
request), every table is sized to the text width of its own section with columns that
hold their longest word (:mod:`.tablewidths`), and the signature block is kept whole,
together with the lines before it.

The signature block is found by what it prints, the signatories' names, not by a
marker the template carries: Word and LibreOffice drop or rename markers such as table
captions when a user saves the template (pitfalls.md), but a template that prints the
names still prints them after any save.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from lampiran.writers.docx.oxml import Element, child, qn
from lampiran.writers.docx.styles import StyleSheet
from lampiran.writers.docx.tablewidths import fit_table

PAPER_SIZES: Mapping[str, tuple[int, int]] = {"F4": (12189, 18709), "A4": (11906, 16838)}
"""Portrait page sizes in twips: F4 215 x 330 mm, A4 210 x 297 mm."""

SIGNATURE_CAPTION = "Tanda tangan"
"""The Alt Text the template gives the signature table, for screen readers. The block is
not found by it: LibreOffice drops table captions when it saves a template."""

_UNITS = {"mm": 1440 / 25.4, "cm": 1440 / 2.54, "in": 1440.0, "pt": 20.0, "pc": 240.0, "pi": 240.0}
_MEASURE = re.compile(r"(-?\d+(?:\.\d+)?)(mm|cm|in|pt|pc|pi)?")


def finish_document(
    root: Element,
    paper: str,
    sheet: StyleSheet | None = None,
    signature_texts: Sequence[str] = (),
) -> None:
    """Set the paper size, size every table to its section, keep the signature whole.

    ``signature_texts`` are lines only a signature block prints (the signatories'
    names); every top-level block holding one is a signature block (a document of
    several parts has one per part).
    """
    sheet = sheet if sheet is not None else StyleSheet(None)
    width, height = PAPER_SIZES[paper]
    for sect_pr in root.iter(qn("w:sectPr")):
        size = child(sect_pr, "w:pgSz")
        landscape = size.get(qn("w:orient")) == "landscape"
        size.set(qn("w:w"), str(height if landscape else width))
        size.set(qn("w:h"), str(width if landscape else height))
    body = root.find(qn("w:body"))
    if body is None:
        return
    _drop_trailing_empty_paragraphs(body)
    signatures = _signature_blocks(body, signature_texts)
    for table, text_width in _tables_with_text_width(body):
        indent = _measure(table.find(f"{qn('w:tblPr')}/{qn('w:tblInd')}"), "w")
        whole = any(table is block for block in signatures)
        fit_table(table, text_width - max(indent, 0), sheet, keep_rows_whole=whole)
    for block in signatures:
        _keep_with_previous(block)


def text_width(sect_pr: Element) -> int:
    """The width of one text column of a section in twips (0 when it cannot be read)."""
    size, margins = sect_pr.find(qn("w:pgSz")), sect_pr.find(qn("w:pgMar"))
    if size is None or margins is None:
        return 0
    page = _measure(size, "w")
    usable = page - sum(_measure(margins, side) for side in ("left", "right", "gutter"))
    columns = sect_pr.find(qn("w:cols"))
    if columns is not None:
        count = _measure(columns, "num")
        if count > 1:
            space = _measure(columns, "space") if columns.get(qn("w:space")) else 720
            usable = (usable - space * (count - 1)) // count
    return max(usable, 0)


def _measure(element: Element | None, attribute: str) -> int:
    """A twips attribute, also when written as a measure with a unit ("2.5cm")."""
    if element is None:
        return 0
    text = element.get(qn(f"w:{attribute}"), "0")
    match = _MEASURE.fullmatch(text.strip())
    if match is None:
        return 0
    number, unit = match.groups()
    return round(float(number) * _UNITS[unit]) if unit else round(float(number))


def _tables_with_text_width(body: Element) -> Iterator[tuple[Element, int]]:
    """Every table at the top of the body, with the text width of its section.

    A section ends at a paragraph carrying a ``w:sectPr``; the last section's
    properties are the body's own ``w:sectPr``.
    """
    pending: list[Element] = []
    for element in _top_level(body):
        if element.tag == qn("w:tbl"):
            pending.append(element)
        elif element.tag == qn("w:p"):
            section = element.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
            if section is not None:
                yield from ((table, text_width(section)) for table in pending)
                pending = []
    final = body.find(qn("w:sectPr"))
    width = text_width(final) if final is not None else 0
    yield from ((table, width) for table in pending)


def _top_level(body: Element) -> Iterator[Element]:
    """The body's blocks, looking inside block-level content controls."""
    for element in body:
        if element.tag == qn("w:sdt"):
            content = element.find(qn("w:sdtContent"))
            if content is not None:
                yield from content
        else:
            yield element


def drop_trailing_empty_paragraphs(root: Element) -> None:
    """What :func:`finish_document` drops at the end of a document, on its own (the
    redline drops it from each year's render before merging them)."""
    body = root.find(qn("w:body"))
    if body is not None:
        _drop_trailing_empty_paragraphs(body)


def _drop_trailing_empty_paragraphs(body: Element) -> None:
    """No empty paragraph ends the document (the template's spacer after the last
    table, say): it would print a blank page when the text just fills the last one."""
    for element in reversed([e for e in body if e.tag != qn("w:sectPr")]):
        if element.tag != qn("w:p") or any(c.tag != qn("w:pPr") for c in element):
            return
        if element.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            return
        body.remove(element)


def _signature_blocks(body: Element, texts: Sequence[str]) -> list[Element]:
    """The top-level blocks (tables, as a rule) holding a signature line."""
    wanted = {" ".join(text.split()) for text in texts if text.strip()}
    found: list[Element] = []
    if not wanted:
        return found
    for element in _top_level(body):
        paragraphs = [element] if element.tag == qn("w:p") else element.iter(qn("w:p"))
        if any(_text(paragraph) in wanted for paragraph in paragraphs):
            found.append(element)
    return found


def _text(paragraph: Element) -> str:
    return " ".join("".join(t.text or "" for t in paragraph.iter(qn("w:t"))).split())


def _keep_with_previous(block: Element) -> None:
    """The signature block never starts a page alone and is never split.

    Its rows cannot split (set when its table was sized) and every paragraph but
    those of the last row keeps with the next. Before it, the empty paragraphs (spacers),
    and the last line of content, a paragraph or the last row of a table, are marked
    "keep with next".
    """
    if block.tag == qn("w:tbl"):
        rows = block.findall(qn("w:tr"))
        for row in rows[:-1]:
            for paragraph in row.iter(qn("w:p")):
                child(child(paragraph, "w:pPr"), "w:keepNext")
    else:
        child(child(block, "w:pPr"), "w:keepNext")
    previous = block.getprevious()
    while previous is not None and previous.tag == qn("w:p"):
        child(child(previous, "w:pPr"), "w:keepNext")
        if _text(previous):
            return
        previous = previous.getprevious()
    if previous is not None and previous.tag == qn("w:tbl"):
        rows = previous.findall(qn("w:tr"))
        if rows:
            for paragraph in rows[-1].iter(qn("w:p")):
                child(child(paragraph, "w:pPr"), "w:keepNext")
