"""The .docx writer: a document of the model, through the user's Word template, as bytes.

Lampiran 2 alone goes through ``templates/lampiran2.docx``; the whole Perjanjian Kinerja
and its other parts through ``templates/perjanjian-kinerja.docx``, which holds every
part behind ``{% if bagian.<part> %}`` in one style set, each part its own section (a
new page, page numbers of its own).

The template is a docxtpl/Jinja template a Word user restyles; its variables (listed
in the README) are a contract. Plain values go in as text (escaped by the template's
environment); prose goes in as a placeholder paragraph that is replaced, once the part is
rendered and parsed, by the Word paragraphs of its blocks (:mod:`.prose`). So no
content ever passes through Jinja as markup, and the XML is built as a tree.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from markupsafe import Markup

from lampiran.blocks import Properties, Prose, Signatory
from lampiran.content.loading import Year
from lampiran.documents.common import PERJANJIAN
from lampiran.documents.lampiran1 import Lampiran1
from lampiran.documents.lampiran2 import Lampiran2, lampiran2
from lampiran.documents.pk import PARTS, DocumentKind, PerjanjianKinerja, perjanjian_kinerja
from lampiran.text.formatting import ribuan
from lampiran.writers.docx import package
from lampiran.writers.docx.layout import PAPER_SIZES, finish_document
from lampiran.writers.docx.numbering import NumberingBase, numbering_base
from lampiran.writers.docx.oxml import Element, child, insert_in_order, parse_xml, qn, val
from lampiran.writers.docx.prose import ProseStyles, ProseWriter
from lampiran.writers.docx.sections import drop_empty_last_section
from lampiran.writers.docx.styles import STYLES_PART, THEME_PART, StyleSheet
from lampiran.writers.docx.template import Template, TemplateError, load_template

NARRATIVE = ProseStyles(paragraph="IsiUraian", list_item="DaftarUraian", split_lines=True)
TABLE_CELL = ProseStyles(paragraph="IsiTabel", list_item="DaftarTabel")

DOCUMENT_PART = "word/document.xml"
_PLACEHOLDER_STYLE = "lampiran-isi-"
"""Style id of the placeholder paragraph that stands for prose until it is spliced in."""
_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
"""What Word writes before every part; re-serialising a part would drop it."""


def render_docx(year: Year, template_path: Path | None = None, paper: str = "F4") -> bytes:
    """The finished Lampiran 2 of a valid year, as bytes (nothing is written to disk)."""
    return write_lampiran2(lampiran2(year), template_path, paper)


def render_document(
    year: Year, kind: DocumentKind, template_path: Path | None = None, paper: str = "F4"
) -> bytes:
    """The document ``kind`` (``pk``, ``pernyataan``, ``lampiran-1``, ``lampiran-2``)."""
    return write_perjanjian(perjanjian_kinerja(year, kind), template_path, paper)


def write_lampiran2(document: Lampiran2, template_path: Path | None, paper: str) -> bytes:
    """Lampiran 2 through the template (the package's own when ``template_path`` is None)."""
    template = load_template(template_path)
    perubahan = document.perjanjian != PERJANJIAN
    check_template_holds(template, "lampiran-2", ("lampiran_2",), perubahan)
    context = _Context(document, lampiran1=None, parts=("lampiran_2",), perubahan=perubahan)
    return _write(template, context, document.properties, paper)


def write_perjanjian(document: PerjanjianKinerja, template_path: Path | None, paper: str) -> bytes:
    """The parts of the Perjanjian Kinerja ``document`` holds, through the template.

    Lampiran 2 alone goes through the Lampiran 2 template, anything else through the
    Perjanjian Kinerja template (or the user's own, which must hold the parts asked for).
    """
    template = perjanjian_template(document, template_path)
    context = _Context(document.lampiran2, document.lampiran1, document.parts, document.perubahan)
    return _write(template, context, document.properties, paper)


def perjanjian_template(document: PerjanjianKinerja, template_path: Path | None) -> Template:
    """The template ``document`` is written through, checked that it can print it."""
    default = "lampiran2" if document.kind == "lampiran-2" else "perjanjian-kinerja"
    template = load_template(template_path, default)
    check_template_holds(template, document.kind, document.parts, document.perubahan)
    return template


def perjanjian_context(document: PerjanjianKinerja, prose: ProseSink) -> dict[str, Any]:
    """The template variables of ``document``, prose handed to ``prose`` (the redline's
    way in: it renders the same variables for two years)."""
    context = _Context(document.lampiran2, document.lampiran1, document.parts, document.perubahan)
    return context.variables(prose)


def check_template_holds(
    template: Template, kind: str, parts: tuple[str, ...], perubahan: bool
) -> None:
    """Refuse a template that cannot print the document asked for: a part it does not
    have, or a PK Perubahan whose titles it cannot make say PERUBAHAN."""
    problems = []
    if template.bagian:
        missing = [part for part in parts if part not in template.bagian]
        if missing:
            shown = ", ".join(f"bagian.{part}" for part in missing)
            problems.append(
                f"templat '{template.label}' tidak memuat bagian yang diminta ({shown}); "
                "buat templat dari templates/perjanjian-kinerja.docx, yang memuat semua bagian"
            )
    elif parts != ("lampiran_2",):
        problems.append(
            f"templat '{template.label}' hanya untuk Lampiran 2 (tidak memakai 'bagian'); "
            f"untuk --dokumen {kind} buat templat dari "
            "templates/perjanjian-kinerja.docx"
        )
    if perubahan and not template.says_perubahan:
        problems.append(
            f"templat '{template.label}' tidak dapat menulis PERUBAHAN di judul, padahal "
            "dokumen.yaml menyatakan 'perubahan: true'; tulis {{ perjanjian }} di judulnya "
            "(menjadi 'PERJANJIAN KINERJA PERUBAHAN'), seperti templat bawaan"
        )
    if problems:
        raise TemplateError(problems)


def _write(template: Template, context: _Context, properties: Properties, paper: str) -> bytes:
    if paper not in PAPER_SIZES:  # the command line offers only these
        raise ValueError(f"unknown paper size {paper!r}; expected one of {sorted(PAPER_SIZES)}")
    numbering, writer = start_prose(template)
    prose = _PlaceholderProse(writer, prose_formatting(template))
    variables = context.variables(prose)
    replaced: dict[str, bytes] = {}
    for name, part in template.parts.items():
        xml = part.render(variables, template.label)
        if name != DOCUMENT_PART and _PLACEHOLDER_STYLE not in xml:
            replaced[name] = xml.encode("utf-8")
            continue
        from lxml import etree

        root = parse_xml(xml.encode("utf-8"))
        prose.splice(root)
        if name == DOCUMENT_PART:
            drop_empty_last_section(root)
            finish_body(root, template, paper, _signature_texts(context.lampiran2))
        replaced[name] = (_XML_DECLARATION + etree.tostring(root, encoding="unicode")).encode()
    replaced[package.NUMBERING_PART] = numbering.with_lists(prose.writer.lists)
    replaced[package.CORE_PART] = package.core_properties(properties)
    return package.write_package(template.entries, replaced)


def start_prose(template: Template) -> tuple[NumberingBase, ProseWriter]:
    """The numbering part and the prose writer of one document through ``template``."""
    sheet = _style_sheet(template)
    numbering = numbering_base(template.entry(package.NUMBERING_PART))
    offsets = {styles.paragraph: _list_offset(sheet, styles) for styles in (NARRATIVE, TABLE_CELL)}
    return numbering, ProseWriter(first_num_id=numbering.next_num_id, list_offsets=offsets)


def prose_formatting(template: Template) -> Mapping[str, Element]:
    """The run properties the template gives each prose field's placeholder, by field."""
    return _prose_formatting(template.entry(DOCUMENT_PART))


def finish_body(root: Element, template: Template, paper: str, names: tuple[str, ...]) -> None:
    """Paper, table widths and the kept-together signature block (found by ``names``)."""
    finish_document(root, paper, _style_sheet(template), names)


def signature_names(document: PerjanjianKinerja) -> tuple[str, ...]:
    """The lines only the signature block of ``document`` prints."""
    return _signature_texts(document.lampiran2)


def _list_offset(sheet: StyleSheet, styles: ProseStyles) -> int:
    """Lists start where the paragraphs around them start their first line."""
    look = sheet.style_look(styles.paragraph)
    return max(look.left + look.first_line, 0)


def _signature_texts(document: Lampiran2) -> tuple[str, ...]:
    """The lines only the signature block prints: the names of both parties."""
    signing = document.penandatangan
    if signing is None:
        return ()
    return (signing.left.nama, signing.right.nama)


@cache
def _sheet_of(styles: bytes | None, theme: bytes | None) -> StyleSheet:
    return StyleSheet.from_parts({STYLES_PART: styles, THEME_PART: theme})


def _style_sheet(template: Template) -> StyleSheet:
    """The template's styles, read once per template."""
    return _sheet_of(template.entry(STYLES_PART), template.entry(THEME_PART))


class ProseSink(Protocol):
    """What stands for a prose field in a context (a placeholder spliced in later)."""

    def placeholder(self, blocks: Prose, styles: ProseStyles, name: str) -> Any: ...


@dataclass(frozen=True)
class _Context:
    """What the template's variables are made of: Lampiran 2, Lampiran 1, the parts."""

    lampiran2: Lampiran2
    lampiran1: Lampiran1 | None
    parts: tuple[str, ...]
    perubahan: bool

    def variables(self, prose: ProseSink) -> dict[str, Any]:
        """Every name of ``template.CONTEXT_NAMES``, ready to print."""
        variables = lampiran2_context(self.lampiran2, prose)
        programs = self.lampiran1.program if self.lampiran1 is not None else ()
        variables.update(
            perubahan=self.perubahan,
            perjanjian=self.lampiran2.perjanjian,
            bagian={part: part in self.parts for part in PARTS},
            program=[
                {
                    "nomor": row.nomor,
                    "nama": row.nama,
                    "anggaran": row.anggaran_ribuan,
                    "keterangan": row.keterangan,
                }
                for row in programs
            ],
            # Without programs there is nothing to format (and Babel's numbers stay unloaded).
            jumlah_anggaran=ribuan(sum(row.anggaran for row in programs)) if programs else "0",
        )
        return variables


def lampiran2_context(document: Lampiran2, prose: ProseSink) -> dict[str, Any]:
    """The template's variables (``template.CONTEXT_NAMES``), every value ready to print."""
    sasaran = []
    for item in document.sasaran:
        # The indicators' prose first, then the uraian: the order list numbering ids have
        # always been handed out in, which the golden files record.
        indikator = [
            {
                "nomor": row.nomor,
                "nama": row.nama,
                "relevansi": prose.placeholder(row.relevansi, TABLE_CELL, "relevansi"),
                "formulasi": prose.placeholder(row.formulasi, TABLE_CELL, "formulasi"),
                "sumber_data": prose.placeholder(row.sumber_data, TABLE_CELL, "sumber_data"),
                "target": row.target,
                "penjelasan_target": prose.placeholder(
                    row.penjelasan_target, TABLE_CELL, "penjelasan_target"
                ),
            }
            for row in item.indikator
        ]
        sasaran.append(
            {
                "nomor": item.nomor,
                "sasaran": item.sasaran,
                "uraian": prose.placeholder(item.uraian, NARRATIVE, "uraian"),
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

    Formatting a user gave the placeholder's text in the template (``formatting``, by
    field: a font picked after selecting all in Word, say) is given to every run of
    the prose, as it is to the template's plain ``{{ }}`` text: such a change applies to
    the whole document, not only to the text the template holds itself.
    """

    writer: ProseWriter
    formatting: Mapping[str, Element] = field(default_factory=dict)
    written: list[list[Element]] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    used: set[int] = field(default_factory=set)

    def placeholder(self, blocks: Prose, styles: ProseStyles, name: str) -> Markup:
        self.written.append(self.writer.paragraphs(blocks, styles))
        self.fields.append(name)
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
            formatting = self.formatting.get(self.fields[index])
            if formatting is not None:
                for run in (r for paragraph in paragraphs for r in paragraph.iter(qn("w:r"))):
                    _add_formatting(run, formatting)
            placeholder = style.getparent().getparent()
            for paragraph in paragraphs:
                placeholder.addprevious(paragraph)
            placeholder.getparent().remove(placeholder)


_PROSE_TAG = re.compile(r"\{\{p\s+([\w.]+)\s*\}\}")


@cache
def _prose_formatting(document_xml: bytes | None) -> Mapping[str, Element]:
    """The run properties given to each ``{{p ... }}`` placeholder's text, by field."""
    found: dict[str, Element] = {}
    if document_xml is None:
        return found
    for paragraph in parse_xml(document_xml).iter(qn("w:p")):
        runs = [r for r in paragraph.iter(qn("w:r")) if r.find(qn("w:t")) is not None]
        text = "".join(t.text or "" for r in runs for t in r.iter(qn("w:t")))
        match = _PROSE_TAG.search(text)
        if match is None or not runs:
            continue
        properties = runs[0].find(qn("w:rPr"))
        name = match.group(1).rsplit(".", 1)[-1]
        if properties is not None and len(properties) and name not in found:
            found[name] = properties
    return found


def add_formatting(run: Element, formatting: Element) -> None:
    """Give ``run`` each property of ``formatting`` it does not set itself."""
    _add_formatting(run, formatting)


def _add_formatting(run: Element, formatting: Element) -> None:
    """Give ``run`` each property of ``formatting`` it does not set itself."""
    properties = child(run, "w:rPr")
    for item in formatting:
        if properties.find(item.tag) is None:
            insert_in_order(properties, copy.deepcopy(item))
