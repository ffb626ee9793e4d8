"""The HTML writer: a document of the model as one standalone web page.

Agencies must publish their Perjanjian Kinerja (PPID, the agency website), and a scanned
PDF can be neither searched nor read on a phone. The page is one file that works
offline and from a USB stick: inline CSS, no script, no external resource, ``lang="id"``,
UTF-8. Tables are real tables (``<th scope="col">``); on a narrow screen each row reflows
into a card whose cells carry their column name, so nothing runs past the screen. A print
stylesheet gives pages close to the .docx (F4 or A4, the same margins, repeated table
headers, rows and the signature block kept whole).

The page is built as an element tree and serialised by :mod:`xml.etree.ElementTree`, so
every piece of content is text by construction: ``&``, ``<`` and ``{{ }}`` print as
written. The same document gives the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from lampiran.blocks import (
    Block,
    Column,
    Document,
    Fields,
    Heading,
    LineBreak,
    ListBlock,
    PageBreak,
    Paragraph,
    Prose,
    Runs,
    Signatory,
    Signature,
    Table,
    Title,
)

PAGE_SIZES_MM = {"F4": (215, 330), "A4": (210, 297)}
"""Paper sizes for the print stylesheet, as the .docx uses them."""

_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem 1rem 3rem;
  font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 1rem;
  line-height: 1.5; color: #111; background: #fff; overflow-wrap: break-word; }
header.judul { text-align: center; margin-bottom: 2rem; }
h1 { font-size: 1.25rem; line-height: 1.4; margin: 0; }
h1 span { display: block; }
h2 { font-size: 1.125rem; margin: 2.25rem 0 0.5rem; }
h3 { font-size: 1rem; margin: 1.5rem 0 0.25rem; }
p { margin: 0 0 0.75rem; }
@media (min-width: 40.01rem) {
  .uraian p, .uraian li, p.pernyataan { text-align: justify; } }
.uraian > p { text-indent: 2.5em; }
p.sasaran { font-weight: bold; margin-bottom: 0.5rem; }
p.pengantar { margin-bottom: 0.5rem; }
ol, ul { margin: 0 0 0.75rem; padding-left: 2em; }
table { width: 100%; border-collapse: collapse; margin: 0 0 1rem; font-size: 0.9375rem; }
th, td { border: 1px solid #000; padding: 0.3rem 0.45rem; vertical-align: top; text-align: left; }
th { text-align: center; font-weight: bold; background: #f2f2f2; }
td.nomor, td.target { text-align: center; }
td.angka { text-align: right; white-space: nowrap; }
tr.jumlah td { font-weight: bold; }
table.sasaran th:nth-child(1), table.program th:nth-child(1) { width: 6%; }
table.sasaran th:nth-child(2) { width: 34%; }
table.sasaran th:nth-child(4) { width: 16%; }
table.program th:nth-child(3) { width: 24%; }
table.program th:nth-child(4) { width: 18%; }
dl.identitas { margin: 0 0 0.25rem; }
dl.identitas div { display: flex; gap: 0.5em; }
dl.identitas dt { flex: 0 0 5.5em; }
dl.identitas dt::after { content: " :"; float: right; }
dl.identitas dd { margin: 0; }
table.indikator th:nth-child(1) { width: 6%; }
table.indikator th:nth-child(2), table.indikator th:nth-child(4),
table.indikator th:nth-child(5) { width: 21%; }
table.target th:nth-child(1) { width: 27%; }
table.target th:nth-child(2) { width: 16%; }
td p { margin: 0 0 0.35rem; }
td p:last-child, td ul:last-child, td ol:last-child { margin-bottom: 0; }
td ol, td ul { padding-left: 1.4em; }
.tanda-tangan { display: grid; grid-template-columns: 1fr 1fr; column-gap: 2rem;
  margin-top: 2.5rem; text-align: center; break-inside: avoid; }
.tanda-tangan .tanggal { grid-column: 2; margin-bottom: 0; }
.tanda-tangan .pihak p { margin: 0; }
.tanda-tangan .ruang { height: 5.5rem; }
.tanda-tangan .nama { font-weight: bold; text-decoration: underline; }
@media screen { header.halaman-baru { margin-top: 3rem; padding-top: 2rem;
  border-top: 1px solid #999; } }
@media screen and (max-width: 40rem) {
  body { padding: 1rem 0.75rem 2rem; }
  table, thead, tbody, tr, th, td { display: block; width: 100%; }
  thead tr { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; }
  tr { border: 1px solid #000; margin-bottom: 0.75rem; }
  td { border: 0; border-top: 1px solid #ccc; }
  td:first-child { border-top: 0; }
  td.nomor, td.target, td.angka { text-align: left; }
  table.sasaran tbody { display: block; border: 1px solid #000; margin-bottom: 0.75rem; }
  table.sasaran tbody tr { border: 0; margin: 0; }
  table.sasaran tbody tr + tr { border-top: 1px solid #ccc; }
  td::before { content: attr(data-kolom); display: block; font-weight: bold;
    font-size: 0.8125rem; }
  .tanda-tangan { grid-template-columns: 1fr; row-gap: 2rem; }
  .tanda-tangan .tanggal { grid-column: 1; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 12pt; line-height: 1.4; }
  h1 { font-size: 12pt; }
  h2, h3 { font-size: 12pt; break-after: avoid; }
  p.sasaran, p.pengantar { break-after: avoid; }
  table { font-size: 11pt; }
  thead { display: table-header-group; }
  th { background: none; }
  .halaman-baru { break-before: page; }
}
"""

_PAGE_RULE = """
@page {{ size: {width}mm {height}mm; margin: 25mm 25mm 30mm 30mm;
  @bottom-center {{ content: counter(page); font-family: Arial, "Liberation Sans", sans-serif;
    font-size: 10pt; }} }}
"""


def write_html(document: Document, paper: str = "F4") -> bytes:
    """The standalone page of ``document``, with a print stylesheet for ``paper``."""
    width, height = PAGE_SIZES_MM[paper]
    page = ET.Element("html", lang="id")
    head = ET.SubElement(page, "head")
    ET.SubElement(head, "meta", charset="utf-8")
    ET.SubElement(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    properties = document.properties
    ET.SubElement(head, "title").text = properties.title
    ET.SubElement(head, "meta", name="author", content=properties.author)
    ET.SubElement(head, "meta", name="description", content=properties.subject)
    ET.SubElement(head, "style").text = _CSS + _PAGE_RULE.format(width=width, height=height)
    body = ET.SubElement(page, "body")
    main = ET.SubElement(body, "main")
    _write_blocks(main, document.blocks)
    serialised = ET.tostring(page, encoding="unicode", method="html", short_empty_elements=True)
    return ("<!DOCTYPE html>\n" + serialised + "\n").encode("utf-8")


def _write_blocks(parent: ET.Element, blocks: Iterable[Block]) -> None:
    section = parent
    page_break = False
    for block in blocks:
        if isinstance(block, PageBreak):
            page_break = True
            continue
        if isinstance(block, Title):
            # A title starts a part (the whole PK has three): nothing after it belongs
            # to the last section of the part before.
            section = parent
            header = ET.SubElement(parent, "header", {"class": "judul"})
            title = ET.SubElement(header, "h1")
            for line in block.lines:
                ET.SubElement(title, "span").text = line
            target = header
        elif isinstance(block, Heading) and block.level == 1:
            section = ET.SubElement(parent, "section")
            ET.SubElement(section, "h2").text = block.text
            target = section
        elif isinstance(block, Heading):
            ET.SubElement(section, "h3").text = block.text
            target = section
        elif isinstance(block, Table):
            target = _table(section, block)
        elif isinstance(block, Signature):
            target = _signature(parent, block)
        elif isinstance(block, Fields):
            target = _fields(section, block)
        elif isinstance(block, Paragraph) and block.role != "body":
            # A sasaran title and a table's intro sentence are not narrative.
            target = _prose_block(section, block)
        else:
            target = _prose_block(_uraian(section), block)
        if page_break:
            target.set("class", " ".join(filter(None, [target.get("class"), "halaman-baru"])))
            page_break = False


def _uraian(section: ET.Element) -> ET.Element:
    """The narrative container of a section: consecutive prose blocks share one."""
    if len(section) and section[-1].tag == "div" and section[-1].get("class") == "uraian":
        return section[-1]
    return ET.SubElement(section, "div", {"class": "uraian"})


def _prose_block(parent: ET.Element, block: Paragraph | ListBlock) -> ET.Element:
    if isinstance(block, Paragraph):
        role = _PARAGRAPH_CLASSES.get(block.role)
        paragraph = ET.SubElement(parent, "p", {"class": role} if role else {})
        _runs(paragraph, block.runs)
        return paragraph
    tag = "ol" if block.kind == "decimal" else "ul"
    attributes = {"start": str(block.start)} if tag == "ol" and block.start != 1 else {}
    listing = ET.SubElement(parent, tag, attributes)
    for item in block.items:
        entry = ET.SubElement(listing, "li")
        for index, part in enumerate(item.blocks):
            if isinstance(part, Paragraph) and index == 0:
                _runs(entry, part.runs)
            else:
                _prose_block(entry, part)
    return listing


_PARAGRAPH_CLASSES = {
    "sasaran": "sasaran",
    "intro": "pengantar",
    "date": "tanggal",
    "statement": "pernyataan",
}


def _runs(parent: ET.Element, runs: Runs) -> None:
    """Append runs as text, ``<strong>``, ``<em>`` and ``<br>`` to ``parent``."""
    last: ET.Element | None = None
    for run in runs:
        if isinstance(run, LineBreak):
            last = ET.SubElement(parent, "br")
            continue
        if not (run.bold or run.italic):
            if last is None:
                parent.text = (parent.text or "") + run.text
            else:
                last.tail = (last.tail or "") + run.text
            continue
        outer = ET.SubElement(parent, "strong" if run.bold else "em")
        inner = ET.SubElement(outer, "em") if run.bold and run.italic else outer
        inner.text = run.text
        last = outer


def _table(section: ET.Element, block: Table) -> ET.Element:
    table = ET.SubElement(section, "table", {"class": block.kind})
    head_row = ET.SubElement(ET.SubElement(table, "thead"), "tr")
    for column in block.columns:
        ET.SubElement(head_row, "th", scope="col").text = column.header
    body = ET.SubElement(table, "tbody")
    for index, row in enumerate(block.rows):
        spans = [block.span(index, c) for c in range(len(block.columns))]
        if block.spans and index and 0 not in spans:
            # Rows under one merged cell share a body, so that on a phone, where each
            # row becomes a card, a sasaran and its indicators stay one card group.
            body = ET.SubElement(table, "tbody")
        tr = ET.SubElement(body, "tr")
        for column, cell, span in zip(block.columns, row, spans, strict=True):
            if span:
                _cell(tr, column, cell, span)
    if block.total is not None:
        tr = ET.SubElement(body, "tr", {"class": "jumlah"})
        for column, cell in zip(block.columns, block.total, strict=True):
            _cell(tr, column, cell, 1)
    return table


_CELL_CLASSES = {"nomor": "nomor", "target": "target", "amount": "angka"}


def _cell(row: ET.Element, column: Column, cell: Prose, span: int) -> None:
    attributes = {"data-kolom": column.header}
    if column.role in _CELL_CLASSES:
        attributes["class"] = _CELL_CLASSES[column.role]
    if span > 1:
        attributes["rowspan"] = str(span)
    td = ET.SubElement(row, "td", attributes)
    if column.role != "prose" and len(cell) == 1 and isinstance(cell[0], Paragraph):
        _runs(td, cell[0].runs)
        return
    for block in cell:
        _prose_block(td, block)


def _fields(parent: ET.Element, block: Fields) -> ET.Element:
    listing = ET.SubElement(parent, "dl", {"class": "identitas"})
    for label, value in block.items:
        line = ET.SubElement(listing, "div")
        ET.SubElement(line, "dt").text = label
        ET.SubElement(line, "dd").text = value
    return listing


def _signature(parent: ET.Element, block: Signature) -> ET.Element:
    signature = ET.SubElement(parent, "section", {"class": "tanda-tangan"})
    ET.SubElement(signature, "p", {"class": "tanggal"}).text = block.date_line
    for party in (block.left, block.right):
        _party(signature, party)
    return signature


def _party(parent: ET.Element, party: Signatory) -> None:
    column = ET.SubElement(parent, "div", {"class": "pihak"})
    ET.SubElement(column, "p").text = party.pihak
    ET.SubElement(column, "p").text = party.jabatan
    ET.SubElement(column, "div", {"class": "ruang"})
    ET.SubElement(column, "p", {"class": "nama"}).text = party.nama
    if party.pangkat:
        ET.SubElement(column, "p").text = party.pangkat
    if party.nip:
        ET.SubElement(column, "p").text = f"NIP. {party.nip}"
