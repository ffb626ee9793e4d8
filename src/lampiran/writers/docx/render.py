"""Rendering a year of content into the Word document, as reproducible bytes.

The content becomes the template's context (computed sentences, numbers in words,
Indonesian dates, prose as ready WordprocessingML), the template's parts are rendered,
and the package is written again with everything that would differ between two runs
fixed: zip timestamps and attributes, entry order, and document properties taken from
the content (``SOURCE_DATE_EPOCH`` when set), never from python-docx's defaults.

Page size is set here (F4 by default, A4 on request); the template keeps its margins,
and table widths follow the text width of the chosen paper.
"""

from __future__ import annotations

import datetime
import io
import os
import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from markupsafe import Markup

from lampiran.content.loading import Year
from lampiran.content.models import Pihak
from lampiran.errors import UsageProblem
from lampiran.text.formatting import format_nip, tanggal_indonesia, terbilang
from lampiran.text.prose import ListInstance, ProseStyles, ProseWriter, escape_xml
from lampiran.writers.docx.template import Template, load_template

PAPER_SIZES: Mapping[str, tuple[int, int]] = {"F4": (12189, 18709), "A4": (11906, 16838)}
"""Portrait page sizes in twips: F4 215 x 330 mm, A4 210 x 297 mm."""

NARRATIVE = ProseStyles(paragraph="IsiUraian", list_item="DaftarUraian")
TABLE_CELL = ProseStyles(paragraph="IsiTabel", list_item="DaftarTabel")
ABSENT = "-"
"""Printed for an absent formulasi or sumber data."""

SIGNATURE_CAPTION = "Tanda tangan"
"""The table caption (Alt Text) that marks the signature block in the template."""

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NUMBERING_PART = "word/numbering.xml"
_CORE_PART = "docProps/core.xml"
_DOCUMENT_PART = "word/document.xml"
_CONTENT_TYPES_PART = "[Content_Types].xml"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def render_docx(year: Year, template_path: Path | None = None, paper: str = "F4") -> bytes:
    """The finished .docx for a valid year, as bytes (nothing is written to disk)."""
    if paper not in PAPER_SIZES:
        raise UsageProblem(f"ukuran kertas '{paper}' tidak dikenal; pilih F4 atau A4")
    template = load_template(template_path)
    numbering = _numbering_base(template.entry(_NUMBERING_PART))
    writer = ProseWriter(first_num_id=numbering.next_num_id)
    context = build_context(year, writer)
    replaced: dict[str, bytes] = {}
    for name, part in template.parts.items():
        xml = part.render(context, template.label)
        if name == _DOCUMENT_PART:
            xml = _finish_document(xml, paper)
        replaced[name] = xml.encode("utf-8")
    replaced[_NUMBERING_PART] = numbering.with_lists(writer.lists)
    replaced[_CORE_PART] = core_properties(year)
    return _write_package(template, replaced)


def build_context(year: Year, writer: ProseWriter) -> dict[str, Any]:
    """The template's variables (``template.CONTEXT_NAMES``), every value ready to print."""
    dokumen = year.dokumen
    sasaran = []
    for nomor, item in enumerate(year.sasaran, start=1):
        model = item.model
        indikator = [
            {
                "nomor": index,
                "nama": ind.nama,
                "relevansi": _prose(writer, ind.relevansi, TABLE_CELL),
                "formulasi": _prose(writer, ind.formulasi or ABSENT, TABLE_CELL),
                "sumber_data": _prose(writer, ind.sumber_data or ABSENT, TABLE_CELL),
                "target": ind.target,
                "penjelasan_target": _prose(writer, ind.penjelasan_target, TABLE_CELL),
            }
            for index, ind in enumerate(model.indikator, start=1)
        ]
        sasaran.append(
            {
                "nomor": nomor,
                "sasaran": model.sasaran,
                "uraian": _prose(writer, model.uraian, NARRATIVE),
                "jumlah_indikator": len(indikator),
                "terbilang": terbilang(len(indikator)),
                "indikator": indikator,
            }
        )
    signing = dokumen.penandatangan
    penandatangan = None
    if signing is not None:
        penandatangan = {
            "tempat": signing.tempat,
            "tanggal": tanggal_indonesia(signing.tanggal),
            "pihak_pertama": _pihak(signing.pihak_pertama),
            "pihak_kedua": _pihak(signing.pihak_kedua),
        }
    return {
        "lampiran": dokumen.lampiran,
        "instansi": dokumen.instansi,
        "tahun": dokumen.tahun,
        "pemerintah_daerah": dokumen.pemerintah_daerah or "",
        "sasaran": sasaran,
        "penandatangan": penandatangan,
    }


def _prose(writer: ProseWriter, text: str, styles: ProseStyles) -> Markup:
    """Paragraphs escaped by :mod:`lampiran.text.prose`, so they go into the XML unchanged."""
    return Markup(writer.paragraphs(text, styles))


def _pihak(pihak: Pihak) -> dict[str, str]:
    return {
        "nama": pihak.nama,
        "jabatan": pihak.jabatan,
        "pangkat": pihak.pangkat or "",
        "nip": format_nip(pihak.nip) if pihak.nip else "",
    }


# -- document properties --------------------------------------------------------------


def document_date(year: Year) -> datetime.datetime:
    """The document's date: ``SOURCE_DATE_EPOCH`` when set, else one fixed by the content.

    The signing date when there is one, otherwise 1 January of the year: the same content
    always gives the same properties, whatever day it is built.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return _source_date(epoch)
    signing = year.dokumen.penandatangan
    day = signing.tanggal if signing is not None else datetime.date(year.dokumen.tahun, 1, 1)
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc)


_EARLIEST_EPOCH = 315532800  # 1980-01-01T00:00:00Z: zip dates start in 1980
_LATEST_EPOCH = 4102444799  # 2099-12-31T23:59:59Z


def _source_date(epoch: str) -> datetime.datetime:
    """``SOURCE_DATE_EPOCH`` as a date: whole seconds since 1970, from 1980 to 2099."""
    if not (epoch.isascii() and epoch.isdigit()) or not (
        _EARLIEST_EPOCH <= int(epoch) <= _LATEST_EPOCH
    ):
        raise UsageProblem(
            f"SOURCE_DATE_EPOCH '{epoch[:40]}' tidak dapat dipakai: isi dengan bilangan bulat "
            f"jumlah detik sejak 1 Januari 1970 UTC, antara {_EARLIEST_EPOCH} (1 Januari 1980) "
            f"dan {_LATEST_EPOCH} (31 Desember 2099), misalnya 1717200000; atau kosongkan "
            "variabel itu agar tanggal diambil dari isi"
        )
    return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc)


def document_title(year: Year) -> str:
    return f"Lampiran {year.dokumen.lampiran} Perjanjian Kinerja {year.dokumen.tahun}"


def core_properties(year: Year) -> bytes:
    """``docProps/core.xml`` from the content: title, author, language and dates."""
    dokumen = year.dokumen
    stamp = document_date(year).strftime("%Y-%m-%dT%H:%M:%SZ")
    title = escape_xml(document_title(year))
    author = escape_xml(dokumen.instansi)
    subject = escape_xml(f"Penjelasan Kinerja Tahun {dokumen.tahun}")
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject>"
        f"<dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy>"
        "<cp:revision>1</cp:revision><dc:language>id-ID</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


# -- numbering ------------------------------------------------------------------------

_BULLET_NAME = "lampiran-butir"
_DECIMAL_NAME = "lampiran-nomor"
_LIST_LEVELS = {
    "bullet": (("bullet", "\u2022"), ("bullet", "\u2013")),
    "decimal": (("decimal", "%1."), ("decimal", "%2.")),
}


@dataclass(frozen=True)
class NumberingBase:
    """The template's numbering part, read once: where new lists go and their formats."""

    head: str
    tail: str
    next_num_id: int
    abstract_ids: Mapping[str, int]

    def with_lists(self, lists: Iterable[ListInstance]) -> bytes:
        """The numbering part with one ``w:num`` per list, each starting on its own."""
        nums = "".join(
            f'<w:num w:numId="{item.num_id}"><w:abstractNumId '
            f'w:val="{self.abstract_ids[item.kind]}"/><w:lvlOverride w:ilvl="{item.level}">'
            f'<w:startOverride w:val="{item.start}"/></w:lvlOverride></w:num>'
            for item in lists
        )
        return (self.head + nums + self.tail).encode("utf-8")


@cache
def _numbering_base(data: bytes | None) -> NumberingBase:
    """Find (or add) the two list definitions; new ``w:num`` go after every existing one.

    All ``w:abstractNum`` must come before the ``w:num`` elements, or Word drops them.
    """
    xml = (
        data.decode("utf-8")
        if data is not None
        else (
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            f'<w:numbering xmlns:w="{_W}"></w:numbering>'
        )
    )
    abstract_ids = {}
    added = ""
    used = [int(v) for v in re.findall(r'w:abstractNumId="(\d+)"', xml)]
    for kind, name in (("bullet", _BULLET_NAME), ("decimal", _DECIMAL_NAME)):
        found = re.search(
            rf'<w:abstractNum [^>]*w:abstractNumId="(\d+)"[^>]*>(?:(?!</w:abstractNum>).)*'
            rf'<w:name w:val="{name}"/>',
            xml,
            re.DOTALL,
        )
        if found:
            abstract_ids[kind] = int(found.group(1))
            continue
        new_id = max([*used, 0]) + 1
        used.append(new_id)
        abstract_ids[kind] = new_id
        added += _abstract_num(new_id, kind, name)
    if added:
        first_num = re.search(r"<w:num[ >]|<w:numIdMacAtCleanup|</w:numbering>", xml)
        assert first_num is not None
        xml = xml[: first_num.start()] + added + xml[first_num.start() :]
    cut = re.search(r"<w:numIdMacAtCleanup|</w:numbering>", xml)
    assert cut is not None
    num_ids = [int(v) for v in re.findall(r'<w:num [^>]*w:numId="(\d+)"', xml)]
    return NumberingBase(
        xml[: cut.start()], xml[cut.start() :], max([*num_ids, 0]) + 1, abstract_ids
    )


def _abstract_num(abstract_id: int, kind: str, name: str) -> str:
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind '
        f'w:left="{360 * (level + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        for level, (fmt, text) in enumerate(_LIST_LEVELS[kind])
    )
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:multiLevelType '
        f'w:val="hybridMultilevel"/><w:name w:val="{name}"/>{levels}</w:abstractNum>'
    )


# -- page and keeping together --------------------------------------------------------


def _finish_document(xml: str, paper: str) -> str:
    """Set the paper size, fit the tables to it, keep the signature with what precedes."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    root = etree.fromstring(xml.encode("utf-8"), parser)
    width, height = PAPER_SIZES[paper]
    body_section = root.find(f"{{{_W}}}body/{{{_W}}}sectPr")
    for sect_pr in root.iter(f"{{{_W}}}sectPr"):
        size = sect_pr.find(f"{{{_W}}}pgSz")
        if size is None:
            size = etree.Element(f"{{{_W}}}pgSz")
            sect_pr.insert(_page_size_position(sect_pr), size)
        old_text = _text_width(sect_pr)
        landscape = size.get(f"{{{_W}}}orient") == "landscape"
        size.set(f"{{{_W}}}w", str(height if landscape else width))
        size.set(f"{{{_W}}}h", str(width if landscape else height))
        new_text = _text_width(sect_pr)
        if sect_pr is body_section and old_text > 0 and new_text > 0 and old_text != new_text:
            _scale_tables(root, new_text / old_text)
    _keep_signature_with_previous(root)
    return _XML_DECLARATION + str(etree.tostring(root, encoding="unicode"))


_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
"""What Word writes before every part; re-serialising the document would drop it."""

_BEFORE_PAGE_SIZE = frozenset(
    f"{{{_W}}}{name}"
    for name in ("headerReference", "footerReference", "footnotePr", "endnotePr", "type")
)
"""The children of ``w:sectPr`` that precede ``w:pgSz`` (CT_SectPr, ECMA-376 Part 1 §17.6)."""


def _page_size_position(sect_pr: Any) -> int:
    """Where a missing ``w:pgSz`` goes: Word refuses section properties out of order."""
    position = 0
    for index, child in enumerate(sect_pr):
        if child.tag in _BEFORE_PAGE_SIZE:
            position = index + 1
    return position


def _text_width(sect_pr: Any) -> int:
    """The width between the margins in twips, or 0 when the section does not say so.

    Sizes written as a measure with a unit ("2.5cm") are not read: the tables then keep
    the widths the template gives them.
    """
    size = sect_pr.find(f"{{{_W}}}pgSz")
    margins = sect_pr.find(f"{{{_W}}}pgMar")
    if size is None or margins is None:
        return 0
    values = [
        element.get(f"{{{_W}}}{name}", "0")
        for element, name in ((size, "w"), (margins, "left"), (margins, "right"))
    ]
    if size.get(f"{{{_W}}}w") is None or not all(value.isdigit() for value in values):
        return 0
    page, left, right = (int(value) for value in values)
    return page - left - right


def _scale_tables(root: Any, factor: float) -> None:
    """Scale fixed table widths (grid, cells, table) to a narrower or wider text area."""
    for tag, attribute in (("gridCol", "w"), ("tcW", "w"), ("tblW", "w")):
        for element in root.iter(f"{{{_W}}}{tag}"):
            if tag != "gridCol" and element.get(f"{{{_W}}}type") != "dxa":
                continue
            value = element.get(f"{{{_W}}}{attribute}")
            if value and value.isdigit():
                element.set(f"{{{_W}}}{attribute}", str(round(int(value) * factor)))


def _keep_signature_with_previous(root: Any) -> None:
    """The signature block never starts a page alone: what precedes it keeps with it.

    The block itself is one row that cannot split. The paragraphs before it, and the
    last row of the table before those, are marked "keep with next".
    """
    for caption in root.iter(f"{{{_W}}}tblCaption"):
        if caption.get(f"{{{_W}}}val") != SIGNATURE_CAPTION:
            continue
        table = caption.getparent().getparent()
        previous = table.getprevious()
        while previous is not None and previous.tag == f"{{{_W}}}p":
            _set_keep_next(previous)
            previous = previous.getprevious()
        if previous is not None and previous.tag == f"{{{_W}}}tbl":
            rows = previous.findall(f"{{{_W}}}tr")
            if rows:
                for paragraph in rows[-1].iter(f"{{{_W}}}p"):
                    _set_keep_next(paragraph)


def _set_keep_next(paragraph: Any) -> None:
    from lxml import etree

    properties = paragraph.find(f"{{{_W}}}pPr")
    if properties is None:
        properties = etree.Element(f"{{{_W}}}pPr")
        paragraph.insert(0, properties)
    if properties.find(f"{{{_W}}}keepNext") is not None:
        return
    style = properties.find(f"{{{_W}}}pStyle")
    properties.insert(1 if style is not None else 0, etree.Element(f"{{{_W}}}keepNext"))


# -- package --------------------------------------------------------------------------

_CONTENT_TYPES = {
    _NUMBERING_PART: "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
    _CORE_PART: "application/vnd.openxmlformats-package.core-properties+xml",
}
_RELATIONSHIPS = {
    _NUMBERING_PART: (
        "word/_rels/document.xml.rels",
        "numbering.xml",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering",
    ),
    _CORE_PART: (
        "_rels/.rels",
        "docProps/core.xml",
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
    ),
}


def _write_package(template: Template, replaced: Mapping[str, bytes]) -> bytes:
    """The zip with the template's entries in order, replaced parts swapped in.

    ``[Content_Types].xml`` goes first, as Word writes it (some readers stream the
    package and need it before the parts it describes).
    """
    entries = dict(template.entries)
    order = [name for name, _ in template.entries]
    for name in replaced:
        if name not in entries:
            order.append(name)
            for touched in _register_part(entries, name):
                if touched not in order:
                    order.append(touched)
    order.sort(key=lambda name: name != _CONTENT_TYPES_PART)
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as package:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o644 << 16
            data = replaced[name] if name in replaced else entries[name]
            package.writestr(info, data, compresslevel=6)
    return output.getvalue()


def _register_part(entries: dict[str, bytes], name: str) -> tuple[str, str]:
    """Declare a part the template did not have (content type and relationship)."""
    types = entries[_CONTENT_TYPES_PART].decode("utf-8")
    override = f'<Override PartName="/{name}" ContentType="{_CONTENT_TYPES[name]}"/>'
    entries[_CONTENT_TYPES_PART] = types.replace("</Types>", override + "</Types>").encode()
    rels_name, target, rel_type = _RELATIONSHIPS[name]
    rels = entries.get(
        rels_name,
        (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
            b'"http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
        ),
    ).decode("utf-8")
    relationship = (
        f'<Relationship Id="rIdLampiran{len(entries)}" Type="{rel_type}" Target="{target}"/>'
    )
    entries[rels_name] = rels.replace("</Relationships>", relationship + "</Relationships>").encode(
        "utf-8"
    )
    return _CONTENT_TYPES_PART, rels_name
