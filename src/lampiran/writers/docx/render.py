"""The .docx writer: a document of the model, through the user's Word template, as bytes.

The template is a docxtpl/Jinja template a Word user restyles; its variables (listed
in the README) are a contract. Plain values go in as text (escaped by the template's
environment); prose goes in as a placeholder paragraph that is replaced, once the part is
rendered and parsed, by the Word paragraphs of its blocks (:mod:`.prose`). So no
content ever passes through Jinja as markup, and the XML is built as a tree.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from lampiran.blocks import Prose, Signatory
from lampiran.content.loading import Year
from lampiran.documents.lampiran2 import Lampiran2, lampiran2
from lampiran.writers.docx import package
from lampiran.writers.docx.layout import PAPER_SIZES, finish_document
from lampiran.writers.docx.numbering import numbering_base
from lampiran.writers.docx.oxml import Element, parse_xml, qn, val
from lampiran.writers.docx.prose import ProseStyles, ProseWriter
from lampiran.writers.docx.template import load_template

NARRATIVE = ProseStyles(paragraph="IsiUraian", list_item="DaftarUraian")
TABLE_CELL = ProseStyles(paragraph="IsiTabel", list_item="DaftarTabel")

DOCUMENT_PART = "word/document.xml"
_PLACEHOLDER_STYLE = "lampiran-isi-"
"""Style id of the placeholder paragraph that stands for prose until it is spliced in."""
_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
"""What Word writes before every part; re-serialising a part would drop it."""


def render_docx(year: Year, template_path: Path | None = None, paper: str = "F4") -> bytes:
    """The finished Lampiran 2 of a valid year, as bytes (nothing is written to disk)."""
    return write_lampiran2(lampiran2(year), template_path, paper)


def write_lampiran2(document: Lampiran2, template_path: Path | None, paper: str) -> bytes:
    """Lampiran 2 through the template (the package's own when ``template_path`` is None)."""
    if paper not in PAPER_SIZES:  # the command line offers only these
        raise ValueError(f"unknown paper size {paper!r}; expected one of {sorted(PAPER_SIZES)}")
    template = load_template(template_path)
    numbering = numbering_base(template.entry(package.NUMBERING_PART))
    prose = _PlaceholderProse(ProseWriter(first_num_id=numbering.next_num_id))
    context = lampiran2_context(document, prose)
    replaced: dict[str, bytes] = {}
    for name, part in template.parts.items():
        xml = part.render(context, template.label)
        if name != DOCUMENT_PART and _PLACEHOLDER_STYLE not in xml:
            replaced[name] = xml.encode("utf-8")
            continue
        from lxml import etree

        root = parse_xml(xml.encode("utf-8"))
        prose.splice(root)
        if name == DOCUMENT_PART:
            finish_document(root, paper)
        replaced[name] = (_XML_DECLARATION + etree.tostring(root, encoding="unicode")).encode()
    replaced[package.NUMBERING_PART] = numbering.with_lists(prose.writer.lists)
    replaced[package.CORE_PART] = package.core_properties(document.properties)
    return package.write_package(template.entries, replaced)


def lampiran2_context(document: Lampiran2, prose: _PlaceholderProse) -> dict[str, Any]:
    """The template's variables (``template.CONTEXT_NAMES``), every value ready to print."""
    sasaran = []
    for item in document.sasaran:
        # The indicators' prose first, then the uraian: the order list numbering ids have
        # always been handed out in, which the golden files record.
        indikator = [
            {
                "nomor": row.nomor,
                "nama": row.nama,
                "relevansi": prose.placeholder(row.relevansi, TABLE_CELL),
                "formulasi": prose.placeholder(row.formulasi, TABLE_CELL),
                "sumber_data": prose.placeholder(row.sumber_data, TABLE_CELL),
                "target": row.target,
                "penjelasan_target": prose.placeholder(row.penjelasan_target, TABLE_CELL),
            }
            for row in item.indikator
        ]
        sasaran.append(
            {
                "nomor": item.nomor,
                "sasaran": item.sasaran,
                "uraian": prose.placeholder(item.uraian, NARRATIVE),
                "jumlah_indikator": item.jumlah_indikator,
                "terbilang": item.terbilang,
                "indikator": indikator,
            }
        )
    signing = document.penandatangan
    penandatangan = None
    if signing is not None:
        penandatangan = {
            "tempat": signing.tempat,
            "tanggal": signing.tanggal,
            "pihak_pertama": _pihak(signing.right),
            "pihak_kedua": _pihak(signing.left),
        }
    return {
        "lampiran": document.lampiran,
        "instansi": document.instansi,
        "tahun": document.tahun,
        "pemerintah_daerah": document.pemerintah_daerah,
        "sasaran": sasaran,
        "penandatangan": penandatangan,
    }


def _pihak(party: Signatory) -> dict[str, str]:
    return {
        "nama": party.nama,
        "jabatan": party.jabatan,
        "pangkat": party.pangkat,
        "nip": party.nip,
    }


@dataclass
class _PlaceholderProse:
    """Prose handed to the template as numbered placeholder paragraphs, spliced in later.

    The Word paragraphs (and their list numbering) are written when the context is
    built, in the order of the variables, so numbering ids do not depend on the layout
    of the template; a field the template shows twice is copied.
    """

    writer: ProseWriter
    written: list[list[Element]] = field(default_factory=list)
    used: set[int] = field(default_factory=set)

    def placeholder(self, blocks: Prose, styles: ProseStyles) -> Markup:
        self.written.append(self.writer.paragraphs(blocks, styles))
        index = len(self.written) - 1
        return Markup(f'<w:p><w:pPr><w:pStyle w:val="{_PLACEHOLDER_STYLE}{index}"/></w:pPr></w:p>')

    def splice(self, root: Element) -> None:
        """Replace every placeholder paragraph under ``root`` by the prose it stands for."""
        for style in list(root.iter(qn("w:pStyle"))):
            name = val(style) or ""
            suffix = name[len(_PLACEHOLDER_STYLE) :]
            if not name.startswith(_PLACEHOLDER_STYLE) or not suffix.isdigit():
                continue
            index = int(suffix)
            if index >= len(self.written):
                continue
            paragraphs = self.written[index]
            if index in self.used:
                paragraphs = [copy.deepcopy(paragraph) for paragraph in paragraphs]
            self.used.add(index)
            placeholder = style.getparent().getparent()
            for paragraph in paragraphs:
                placeholder.addprevious(paragraph)
            placeholder.getparent().remove(placeholder)
