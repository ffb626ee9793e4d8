"""Reading a built .docx back, the way a reader sees it: blocks of text in order."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from lampiran.content.loading import require_year
from lampiran.writers.docx.render import render_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def render_folder(folder: Path, paper: str = "F4", template: Path | None = None) -> bytes:
    year, _ = require_year(folder)
    return render_docx(year, template, paper)


def open_docx(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def blocks(data: bytes) -> list[str]:
    """Every non-empty paragraph and every table cell of the body, in reading order."""
    document = open_docx(data)
    result: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = Paragraph(child, document).text
            if text:
                result.append(text)
        elif child.tag == qn("w:tbl"):
            for row in Table(child, document).rows:
                result.extend(cell_text(cell) for cell in row.cells)
    return result


def cell_text(cell: object) -> str:
    return "\n".join(p.text for p in cell.paragraphs if p.text)  # type: ignore[attr-defined]


def part(data: bytes, name: str) -> etree._Element:
    """One XML part of the package, parsed."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def pretty(data: bytes, name: str) -> str:
    """One XML part pretty-printed, for golden files and readable diffs."""
    text: str = etree.tostring(part(data, name), pretty_print=True, encoding="unicode")
    return text


def parts_of(data: bytes) -> list[list[etree._Element]]:
    """The body's blocks split into sections: a paragraph holding a ``w:sectPr`` ends one.

    The whole Perjanjian Kinerja gives three: the pernyataan, Lampiran 1, Lampiran 2.
    """
    document = open_docx(data)
    parts: list[list[etree._Element]] = [[]]
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:sectPr"):
            continue
        parts[-1].append(child)
        if child.tag == qn("w:p") and child.find(f"{W}pPr/{W}sectPr") is not None:
            parts.append([])
    return [part for part in parts if part]


def paragraph_texts(elements: list[etree._Element]) -> list[str]:
    """The non-empty paragraphs among ``elements`` (not those inside tables)."""
    return [
        text
        for element in elements
        if element.tag == qn("w:p")
        and (text := "".join(t.text or "" for t in element.iter(f"{W}t")))
    ]


def tables_of(data: bytes, elements: list[etree._Element]) -> list[list[list[str]]]:
    """Each table among ``elements`` as rows of cell texts, a merged cell read in every
    row it covers (as python-docx reads ``w:vMerge``)."""
    document = open_docx(data)
    return [
        [[cell_text(cell) for cell in row.cells] for row in Table(element, document).rows]
        for element in elements
        if element.tag == qn("w:tbl")
    ]
