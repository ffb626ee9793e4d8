"""Generate the docxtpl templates: Lampiran 2, and the whole Perjanjian Kinerja.

The template is a normal Word document: named styles (Title, Heading 1/2, "Isi Uraian",
"Isi Tabel", ...) carry every font, spacing and indent, and the fixed sentences are plain
text, so a Word user can restyle it or reword it without touching a tag. This script is
how the committed file is made; run it after changing the layout:

    .venv/bin/python scripts/make_template.py

It writes the same bytes to ``templates/lampiran2.docx`` (the copy users edit) and to
``src/lampiran/templates/lampiran2.docx`` (the copy shipped in the package), and
docxtpl's preprocessing of it to ``src/lampiran/templates/lampiran2.jinja.json``; likewise
``perjanjian-kinerja.docx``, the whole PK: the pernyataan, Lampiran 1 and Lampiran 2,
each behind ``{%p if bagian.<part> %}`` and ending a section of its own, in the same
style set, so that a Word user restyles the three parts at once. The output
is reproducible: python-docx's defaults (author, dates, thumbnail, unused parts, 160
unused styles) are removed and zip timestamps are fixed.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from lampiran.documents import lampiran1, lampiran2, pernyataan
from lampiran.documents.common import PIHAK_KEDUA, PIHAK_PERTAMA
from lampiran.writers.docx.layout import PAPER_SIZES, SIGNATURE_CAPTION
from lampiran.writers.docx.numbering import NUMBERING_NAMES
from lampiran.writers.docx.prose import LIST_INDENT_TWIPS
from lampiran.writers.docx.render import NARRATIVE, TABLE_CELL

ROOT = Path(__file__).resolve().parent.parent
OUTPUTS = (
    ROOT / "templates" / "lampiran2.docx",
    ROOT / "src" / "lampiran" / "templates" / "lampiran2.docx",
)
PREPARED = ROOT / "src" / "lampiran" / "templates" / "lampiran2.jinja.json"
PK_OUTPUTS = (
    ROOT / "templates" / "perjanjian-kinerja.docx",
    ROOT / "src" / "lampiran" / "templates" / "perjanjian-kinerja.docx",
)
PK_PREPARED = ROOT / "src" / "lampiran" / "templates" / "perjanjian-kinerja.jinja.json"

# Page: F4 portrait, margins of layout.md (twips: 1 mm = 56.7 twips).
PAGE_WIDTH, PAGE_HEIGHT = PAPER_SIZES["F4"]
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 1417, 1701, 1701, 1417
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 9071 twips = 160 mm

# Column widths in twips (sum = TEXT_WIDTH): the proportions the columns share the text
# width in. When rendering, every column is widened to hold its longest word and the
# table is fitted to the section's text width (lampiran.writers.docx.tablewidths); see
# tests/test_layout_in_libreoffice.py for the checks on the real PDF.
INDICATOR_WIDTHS = (567, 1984, 2552, 1984, 1984)
TARGET_WIDTHS = (2381, 1587, 5103)
INDICATOR_COLUMNS = tuple(
    (column.header, width)
    for column, width in zip(lampiran2.INDIKATOR_COLUMNS, INDICATOR_WIDTHS, strict=True)
)
TARGET_COLUMNS = tuple(
    (column.header, width)
    for column, width in zip(lampiran2.TARGET_COLUMNS, TARGET_WIDTHS, strict=True)
)

# Lampiran 1 (sum = TEXT_WIDTH): the sasaran table and the program table, amounts wide
# enough for "Rp999.999.999.999" on one line.
SASARAN_WIDTHS = (567, 3402, 3685, 1417)
PROGRAM_WIDTHS = (567, 4536, 2268, 1700)
# The pernyataan's "Nama : ..." lines: label, colon, value.
PARTY_WIDTHS = (1701, 284, TEXT_WIDTH - 1701 - 284)

CELL_PADDING = 57
"""Padding above and below the text of every table cell (1 mm), so text never touches
a border."""

SPACER = "Jarak"
"""An empty paragraph 12 pt high before each heading that follows a table or the
narrative: the space above a heading. Not spacing before the heading: LibreOffice (7.4)
leaves a heading with spacing before alone at a page foot, although it keeps with the
next paragraph, when only the heading fits there."""

W = nsdecls("w")
ARIAL = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>'
LANG = '<w:lang w:val="id-ID" w:eastAsia="id-ID" w:bidi="ar-SA"/>'

# (style id, name, based on, paragraph properties, run properties, next style)
PARAGRAPH_STYLES: tuple[tuple[str, str, str | None, str, str, str | None], ...] = (
    (
        "Normal",
        "Normal",
        None,
        '<w:widowControl/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
        ARIAL + '<w:sz w:val="24"/><w:szCs w:val="24"/>',
        None,
    ),
    (
        "Title",
        "Title",
        "Normal",
        '<w:spacing w:after="0"/><w:jc w:val="center"/>',
        "<w:b/><w:bCs/>",
        "Normal",
    ),
    (
        "Heading1",
        "heading 1",
        "Normal",
        '<w:keepNext/><w:keepLines/><w:spacing w:before="0" w:after="120"/>'
        '<w:outlineLvl w:val="0"/>',
        "<w:b/><w:bCs/>",
        "Heading2",
    ),
    (
        "Heading2",
        "heading 2",
        "Normal",
        '<w:keepNext/><w:keepLines/><w:spacing w:before="0" w:after="60"/>'
        '<w:outlineLvl w:val="1"/>',
        "<w:b/><w:bCs/>",
        "IsiUraian",
    ),
    (
        "JudulSasaran",
        "Judul Sasaran",
        "Normal",
        '<w:keepNext/><w:keepLines/><w:spacing w:after="60"/>',
        "<w:b/><w:bCs/>",
        "IsiUraian",
    ),
    (
        "IsiUraian",
        "Isi Uraian",
        "Normal",
        '<w:spacing w:after="120" w:line="276" w:lineRule="auto"/>'
        '<w:ind w:firstLine="567"/><w:jc w:val="both"/>',
        "",
        None,
    ),
    ("PengantarTabel", "Pengantar Tabel", "IsiUraian", "<w:keepNext/><w:keepLines/>", "", None),
    (
        "DaftarUraian",
        "Daftar Uraian",
        "IsiUraian",
        '<w:spacing w:after="60"/><w:ind w:firstLine="0"/>',
        "",
        None,
    ),
    (
        "KepalaTabel",
        "Kepala Tabel",
        "Normal",
        '<w:keepNext/><w:jc w:val="center"/>',
        '<w:b/><w:bCs/><w:sz w:val="22"/><w:szCs w:val="22"/>',
        None,
    ),
    (
        "IsiTabel",
        "Isi Tabel",
        "Normal",
        '<w:spacing w:after="0"/><w:jc w:val="left"/>',
        '<w:sz w:val="22"/><w:szCs w:val="22"/>',
        None,
    ),
    ("IsiTabelTengah", "Isi Tabel Tengah", "IsiTabel", '<w:jc w:val="center"/>', "", None),
    ("DaftarTabel", "Daftar Tabel", "IsiTabel", "", "", None),
    (
        "TandaTangan",
        "Tanda Tangan",
        "Normal",
        '<w:keepNext/><w:keepLines/><w:jc w:val="center"/>',
        "",
        None,
    ),
    (
        "NamaPenandaTangan",
        "Nama Penanda Tangan",
        "TandaTangan",
        "",
        '<w:b/><w:bCs/><w:u w:val="single"/>',
        None,
    ),
    (
        SPACER,
        "Jarak",
        "Normal",
        '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="exact"/>',
        "",
        None,
    ),
    ("Footer", "footer", "Normal", '<w:jc w:val="center"/>', "", None),
)
# Styles of the parts of the whole PK (the Lampiran 2 template has them too: one set).
PK_PARAGRAPH_STYLES: tuple[tuple[str, str, str | None, str, str, str | None], ...] = (
    ("IsiTabelKanan", "Isi Tabel Kanan", "IsiTabel", '<w:jc w:val="right"/>', "", None),
    (
        "IsiPernyataan",
        "Isi Pernyataan",
        "Normal",
        '<w:spacing w:before="120" w:after="120" w:line="276" w:lineRule="auto"/>'
        '<w:jc w:val="both"/>',
        "",
        None,
    ),
    (
        "PemisahBagian",
        "Pemisah Bagian",
        "Normal",
        '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>',
        '<w:sz w:val="2"/><w:szCs w:val="2"/>',
        None,
    ),
)
KEPT_STYLES = {"DefaultParagraphFont", "TableNormal", "NoList", "TableGrid"}

INDENT_1 = f'w:left="{LIST_INDENT_TWIPS}" w:hanging="{LIST_INDENT_TWIPS}"'
INDENT_2 = f'w:left="{2 * LIST_INDENT_TWIPS}" w:hanging="{LIST_INDENT_TWIPS}"'
NUMBERING = f"""<w:numbering {W}>
<w:abstractNum w:abstractNumId="1">
<w:multiLevelType w:val="hybridMultilevel"/><w:name w:val="{NUMBERING_NAMES["bullet"]}"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/>
<w:lvlJc w:val="left"/><w:pPr><w:ind {INDENT_1}/></w:pPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2013"/>
<w:lvlJc w:val="left"/><w:pPr><w:ind {INDENT_2}/></w:pPr></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
<w:multiLevelType w:val="hybridMultilevel"/><w:name w:val="{NUMBERING_NAMES["decimal"]}"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>
<w:lvlJc w:val="left"/><w:pPr><w:ind {INDENT_1}/></w:pPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/>
<w:lvlJc w:val="left"/><w:pPr><w:ind {INDENT_2}/></w:pPr></w:lvl>
</w:abstractNum>
</w:numbering>""".replace("\n", "")

SETTINGS = f"""<w:settings {W}>
<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>
<w:characterSpacingControl w:val="doNotCompress"/>
<w:compat><w:doNotExpandShiftReturn/><w:compatSetting w:name="compatibilityMode"
 w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
<w:themeFontLang w:val="id-ID"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>
</w:settings>""".replace("\n", "")

APP = (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><Template>lampiran2.docx</Template><Application>lampiran'
    "</Application></Properties>"
)
CORE = (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>Templat Lampiran 2 Perjanjian Kinerja</dc:title>"
    "<dc:language>id-ID</dc:language></cp:coreProperties>"
)
DROPPED_PARTS = ("customXml/", "docProps/thumbnail", "word/stylesWithEffects")


def style_xml(
    style_id: str, name: str, based_on: str | None, ppr: str, rpr: str, next_style: str | None
) -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    following = f'<w:next w:val="{next_style}"/>' if next_style else ""
    default = ' w:default="1"' if style_id == "Normal" else ""
    return (
        f'<w:style {W} w:type="paragraph"{default} w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/>{based}{following}<w:qFormat/>'
        f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


def define_styles(document: Any) -> None:
    """Replace python-docx's 160 styles by the few this document uses."""
    styles = document.styles.element
    for style in list(styles.findall(qn("w:style"))):
        if style.get(qn("w:styleId")) not in KEPT_STYLES:
            styles.remove(style)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    defaults = styles.find(qn("w:docDefaults"))
    defaults.getparent().replace(
        defaults,
        parse_xml(
            f"<w:docDefaults {W}><w:rPrDefault><w:rPr>{ARIAL}"
            f'<w:sz w:val="24"/><w:szCs w:val="24"/>{LANG}</w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
            "</w:pPr></w:pPrDefault></w:docDefaults>"
        ),
    )
    for definition in (*PARAGRAPH_STYLES, *PK_PARAGRAPH_STYLES):
        styles.append(parse_xml(style_xml(*definition)))


def paragraph(container: Any, text: str, style: str) -> Any:
    """A paragraph in a named style; its text carries no formatting of its own, so
    that changing a style in Word changes every paragraph of that style."""
    result = container.add_paragraph()
    set_style(result, style)
    if text:
        result.add_run(text)
    return result


def set_style(target: Any, style_id: str) -> None:
    target._p.get_or_add_pPr().style = style_id


def row_properties(row: Any, *, header: bool = False) -> None:
    """A row that never splits across pages; a header row repeats on every page."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(parse_xml(f"<w:cantSplit {W}/>"))
    if header:
        tr_pr.append(parse_xml(f"<w:tblHeader {W}/>"))


def fixed_table(
    document: Any, widths: list[int], *, style: str | None, caption: str, padded: bool = True
) -> Any:
    table = document.add_table(rows=0, cols=len(widths))
    if style:
        table.style = document.styles[style]  # by name: "Table Grid"
    tbl_pr = table._tbl.tblPr
    for child in list(tbl_pr):
        if child.tag != qn("w:tblStyle"):
            tbl_pr.remove(child)
    # Schema order: tblStyle, tblW, tblLayout, tblCellMar, tblLook, tblCaption.
    tbl_pr.append(parse_xml(f'<w:tblW {W} w:w="{sum(widths)}" w:type="dxa"/>'))
    tbl_pr.append(parse_xml(f'<w:tblLayout {W} w:type="fixed"/>'))
    if padded:
        tbl_pr.append(
            parse_xml(
                f'<w:tblCellMar {W}><w:top w:w="{CELL_PADDING}" w:type="dxa"/>'
                f'<w:left w:w="108" w:type="dxa"/><w:bottom w:w="{CELL_PADDING}" w:type="dxa"/>'
                '<w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
            )
        )
    tbl_pr.append(
        parse_xml(
            f'<w:tblLook {W} w:val="04A0" w:firstRow="1" w:lastRow="0" '
            'w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
        )
    )
    tbl_pr.append(parse_xml(f'<w:tblCaption {W} w:val="{caption}"/>'))
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(width))
    return table


def add_row(
    table: Any,
    widths: list[int],
    cells: list[tuple[str, str]],
    *,
    header: bool = False,
) -> Any:
    """A row of the table; only the header row is marked in the template (kept whole and
    repeated): whether a content row may split is decided for each row when rendering,
    from its height (lampiran.writers.docx.tablewidths)."""
    row = table.add_row()
    if header:
        row_properties(row, header=True)
    for cell, width, (text, style) in zip(row.cells, widths, cells, strict=True):
        cell.width = width * 635  # twips to EMU
        set_style(cell.paragraphs[0], style)
        if text:
            cell.paragraphs[0].add_run(text)
    return row


def loop_row(table: Any, tag: str) -> None:
    """A row holding only a ``{%tr ... %}`` tag; docxtpl removes it when rendering."""
    row = table.add_row()
    row.cells[0].paragraphs[0].add_run(tag)


def build_body(document: Any) -> None:
    paragraph(
        document,
        lampiran2.TITLE_LINE.format(lampiran="{{ lampiran }}", perjanjian="{{ perjanjian }}"),
        "Title",
    )
    paragraph(document, "{{ instansi }}", "Title")
    paragraph(document, lampiran2.SUBTITLE_LINE.format(tahun="{{ tahun }}"), "Title")
    paragraph(document, "", SPACER)
    paragraph(document, "{%p for s in sasaran %}", "Normal")
    paragraph(document, lampiran2.SECTION_HEADING.format(nomor="{{ s.nomor }}"), "Heading1")
    paragraph(document, lampiran2.URAIAN_HEADING, "Heading2")
    paragraph(document, "{{ s.sasaran }}", "JudulSasaran")
    paragraph(document, "{{p s.uraian }}", NARRATIVE.paragraph)
    paragraph(document, "", SPACER)
    paragraph(document, lampiran2.INDIKATOR_HEADING, "Heading2")
    paragraph(
        document,
        lampiran2.INDIKATOR_SENTENCE.format(
            jumlah="{{ s.jumlah_indikator }}", terbilang="{{ s.terbilang }}"
        ),
        "PengantarTabel",
    )
    widths = [w for _, w in INDICATOR_COLUMNS]
    table = fixed_table(document, widths, style="Table Grid", caption="Tabel indikator")
    add_row(table, widths, [(name, "KepalaTabel") for name, _ in INDICATOR_COLUMNS], header=True)
    loop_row(table, "{%tr for i in s.indikator %}")
    add_row(
        table,
        widths,
        [
            ("{{ i.nomor }}", "IsiTabelTengah"),
            ("{{ i.nama }}", TABLE_CELL.paragraph),
            ("{{p i.relevansi }}", TABLE_CELL.paragraph),
            ("{{p i.formulasi }}", TABLE_CELL.paragraph),
            ("{{p i.sumber_data }}", TABLE_CELL.paragraph),
        ],
    )
    loop_row(table, "{%tr endfor %}")
    paragraph(document, "", SPACER)
    paragraph(document, lampiran2.TARGET_HEADING, "Heading2")
    paragraph(document, lampiran2.TARGET_SENTENCE, "PengantarTabel")
    widths = [w for _, w in TARGET_COLUMNS]
    table = fixed_table(document, widths, style="Table Grid", caption="Tabel target")
    add_row(table, widths, [(name, "KepalaTabel") for name, _ in TARGET_COLUMNS], header=True)
    loop_row(table, "{%tr for i in s.indikator %}")
    add_row(
        table,
        widths,
        [
            ("{{ i.nama }}", TABLE_CELL.paragraph),
            ("{{ i.target }}", "IsiTabelTengah"),
            ("{{p i.penjelasan_target }}", TABLE_CELL.paragraph),
        ],
    )
    loop_row(table, "{%tr endfor %}")
    paragraph(document, "", SPACER)
    paragraph(document, "{%p endfor %}", "Normal")
    build_signature(document)


def build_signature(document: Any) -> None:
    """Two columns, two rows that never split: titles and offices, then the signatures.

    The names sit in the second row, so they line up even when one office takes two
    lines; the first row's paragraphs keep with the next, so the block stays whole.
    """
    paragraph(document, "{%p if penandatangan %}", "Normal")
    paragraph(document, "", "TandaTangan")
    half = TEXT_WIDTH // 2
    widths = [half, TEXT_WIDTH - half]
    table = fixed_table(document, widths, style=None, caption=SIGNATURE_CAPTION, padded=False)
    titles, signatures = table.add_row(), table.add_row()
    for row in (titles, signatures):
        row_properties(row)
    for column, (party, title, date_line) in enumerate(
        (
            ("pihak_kedua", PIHAK_KEDUA, ""),
            (
                "pihak_pertama",
                PIHAK_PERTAMA,
                "{{ penandatangan.tempat }}, {{ penandatangan.tanggal }}",
            ),
        )
    ):
        who = f"penandatangan.{party}"
        top, bottom = titles.cells[column], signatures.cells[column]
        top.width = bottom.width = widths[column] * 635
        set_style(top.paragraphs[0], "TandaTangan")
        if date_line:
            top.paragraphs[0].add_run(date_line)
        paragraph(top, title, "TandaTangan")
        paragraph(top, f"{{{{ {who}.jabatan }}}}", "TandaTangan")
        set_style(bottom.paragraphs[0], "TandaTangan")
        for _ in range(3):
            paragraph(bottom, "", "TandaTangan")
        paragraph(bottom, f"{{{{ {who}.nama }}}}", "NamaPenandaTangan")
        # Whole paragraphs, so that a party without pangkat or NIP leaves no blank line.
        for line, field in (
            (f"{{{{ {who}.pangkat }}}}", "pangkat"),
            (f"NIP. {{{{ {who}.nip }}}}", "nip"),
        ):
            paragraph(bottom, f"{{%p if {who}.{field} %}}", "TandaTangan")
            paragraph(bottom, line, "TandaTangan")
            paragraph(bottom, "{%p endif %}", "TandaTangan")
    paragraph(document, "{%p endif %}", "Normal")


def set_page(document: Any) -> None:
    section = document.sections[0]
    sect_pr = section._sectPr
    for tag in ("w:pgSz", "w:pgMar"):
        for old in sect_pr.findall(qn(tag)):
            sect_pr.remove(old)
    sect_pr.insert(
        0,
        parse_xml(
            f'<w:pgMar {W} w:top="{MARGIN_TOP}" w:right="{MARGIN_RIGHT}" '
            f'w:bottom="{MARGIN_BOTTOM}" w:left="{MARGIN_LEFT}" w:header="709" '
            'w:footer="709" w:gutter="0"/>'
        ),
    )
    sect_pr.insert(0, parse_xml(f'<w:pgSz {W} w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/>'))
    footer = section.footer
    footer.is_linked_to_previous = False
    number = footer.paragraphs[0]
    set_style(number, "Footer")
    number._p.append(
        parse_xml(f'<w:fldSimple {W} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    )


def clean_package(data: bytes, app: str = APP, core: str = CORE) -> bytes:
    """Drop python-docx's leftovers and write with fixed timestamps and order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in sorted(source.infolist(), key=lambda i: i.filename):
            name = info.filename
            if name.startswith(DROPPED_PARTS):
                continue
            content = source.read(name)
            if name == "word/numbering.xml":
                content = xml_bytes(NUMBERING)
            elif name == "word/settings.xml":
                content = xml_bytes(SETTINGS)
            elif name == "docProps/app.xml":
                content = xml_bytes(app)
            elif name == "docProps/core.xml":
                content = xml_bytes(core)
            elif name in ("[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels"):
                content = drop_references(content)
            elif name == "word/theme/theme1.xml":
                content = re.sub(
                    rb'(<a:(?:latin|ea|cs) typeface=")[^"]*(")', rb"\1Arial\2", content, count=2
                )
            entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    return output.getvalue()


def drop_references(content: bytes) -> bytes:
    """Remove the relationships and content types of the dropped parts."""
    text = content.decode("utf-8")
    text = re.sub(r'<Override PartName="/(customXml|word/stylesWithEffects)[^>]*/>\s*', "", text)
    text = re.sub(r'<Default Extension="jpeg"[^>]*/>\s*', "", text)
    text = re.sub(
        r'<Relationship [^>]*Target="(\.\./customXml/[^"]*|stylesWithEffects\.xml|'
        r'docProps/thumbnail\.jpeg)"/>\s*',
        "",
        text,
    )
    return text.encode("utf-8")


def xml_bytes(text: str) -> bytes:
    return ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n" + text).encode("utf-8")


def make_template() -> bytes:
    document = Document()
    document._body.clear_content()
    define_styles(document)
    set_page(document)
    build_body(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return clean_package(buffer.getvalue())


# -- the whole Perjanjian Kinerja ------------------------------------------------------

PK_APP = APP.replace("lampiran2.docx", "perjanjian-kinerja.docx")
PK_CORE = CORE.replace("Templat Lampiran 2 Perjanjian Kinerja", "Templat Perjanjian Kinerja")


def make_pk_template() -> bytes:
    """The whole PK: three parts, three sections, one style set."""
    document = Document()
    document._body.clear_content()
    define_styles(document)
    set_page(document)
    for part, build in (
        ("pernyataan", build_pernyataan),
        ("lampiran_1", build_lampiran1),
        ("lampiran_2", build_body),
    ):
        paragraph(document, f"{{%p if bagian.{part} %}}", "Normal")
        build(document)
        if part != "lampiran_2":
            end_part(document)
        paragraph(document, "{%p endif %}", "Normal")
    number_each_part(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return clean_package(buffer.getvalue(), PK_APP, PK_CORE)


def build_pernyataan(document: Any) -> None:
    """The statement page: title, opening, the two parties aligned on the colon, the
    two promises, the signature block."""
    paragraph(
        document,
        pernyataan.TITLE_LINE.format(perjanjian="{{ perjanjian }}", tahun="{{ tahun }}"),
        "Title",
    )
    paragraph(document, "{{ instansi|upper }}", "Title")
    paragraph(document, "", "Normal")
    paragraph(document, pernyataan.OPENING, "IsiPernyataan")
    for party, clause in (
        ("pihak_pertama", pernyataan.PIHAK_PERTAMA_CLAUSE),
        ("pihak_kedua", pernyataan.PIHAK_KEDUA_CLAUSE),
    ):
        widths = list(PARTY_WIDTHS)
        table = fixed_table(
            document, widths, style=None, caption=f"Identitas {party.replace('_', ' ')}"
        )
        for label, field in (
            (pernyataan.NAMA_LABEL, "nama"),
            (pernyataan.JABATAN_LABEL, "jabatan"),
        ):
            add_row(
                table,
                widths,
                [
                    (label, "Normal"),
                    (":", "Normal"),
                    (f"{{{{ penandatangan.{party}.{field} }}}}", "Normal"),
                ],
            )
        paragraph(document, clause, "IsiPernyataan")
    paragraph(document, pernyataan.JANJI_PIHAK_PERTAMA, "IsiPernyataan")
    paragraph(document, pernyataan.JANJI_PIHAK_KEDUA, "IsiPernyataan")
    build_signature(document)


def build_lampiran1(document: Any) -> None:
    """Lampiran 1: the target table with the sasaran merged over its indicators
    (docxtpl's ``{% vm %}``), the program table with its Jumlah, the signature block."""
    paragraph(
        document,
        lampiran1.TITLE_LINE.format(perjanjian="{{ perjanjian }}", tahun="{{ tahun }}"),
        "Title",
    )
    paragraph(document, "{{ instansi }}", "Title")
    paragraph(document, "", "Normal")
    widths = list(SASARAN_WIDTHS)
    table = fixed_table(document, widths, style="Table Grid", caption="Tabel sasaran")
    add_row(
        table, widths, [(c.header, "KepalaTabel") for c in lampiran1.SASARAN_COLUMNS], header=True
    )
    loop_row(table, "{%tr for s in sasaran %}")
    loop_row(table, "{%tr for i in s.indikator %}")
    add_row(
        table,
        widths,
        [
            ("{% vm %}{{ s.nomor }}", "IsiTabelTengah"),
            ("{% vm %}{{ s.sasaran }}", TABLE_CELL.paragraph),
            ("{{ i.nama }}", TABLE_CELL.paragraph),
            ("{{ i.target }}", "IsiTabelTengah"),
        ],
    )
    loop_row(table, "{%tr endfor %}")
    loop_row(table, "{%tr endfor %}")
    paragraph(document, "{%p if program %}", "Normal")
    paragraph(document, "", "Normal")
    widths = list(PROGRAM_WIDTHS)
    table = fixed_table(document, widths, style="Table Grid", caption="Tabel program")
    add_row(
        table, widths, [(c.header, "KepalaTabel") for c in lampiran1.PROGRAM_COLUMNS], header=True
    )
    loop_row(table, "{%tr for p in program %}")
    add_row(
        table,
        widths,
        [
            ("{{ p.nomor }}", "IsiTabelTengah"),
            ("{{ p.nama }}", TABLE_CELL.paragraph),
            (f"{lampiran1.CURRENCY}{{{{ p.anggaran }}}}", "IsiTabelKanan"),
            ("{{ p.keterangan }}", TABLE_CELL.paragraph),
        ],
    )
    loop_row(table, "{%tr endfor %}")
    total = add_row(
        table,
        widths,
        [
            ("", TABLE_CELL.paragraph),
            (lampiran1.JUMLAH, TABLE_CELL.paragraph),
            (f"{lampiran1.CURRENCY}{{{{ jumlah_anggaran }}}}", "IsiTabelKanan"),
            ("", TABLE_CELL.paragraph),
        ],
    )
    for cell in total.cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    paragraph(document, "{%p endif %}", "Normal")
    build_signature(document)


def end_part(document: Any) -> None:
    """A section break after a part: the next part starts on a new page."""
    document.add_section(WD_SECTION.NEW_PAGE)
    set_style(document.paragraphs[-1], "PemisahBagian")


def number_each_part(document: Any) -> None:
    """Page numbers that restart in each lampiran; the pernyataan page has none.

    The parts are cited each on its own ("Lampiran 2 halaman 3"), and Lampiran 2 made
    alone carries the same numbers as inside the bound PK. Every section names its own
    footer, so a part left out never takes another's footer with it.
    """
    statement, *lampiran = document.sections
    for field in statement.footer.paragraphs[0]._p.findall(qn("w:fldSimple")):
        field.getparent().remove(field)
    for section in lampiran:
        footer = section.footer
        footer.is_linked_to_previous = False
        number = footer.paragraphs[0]
        set_style(number, "Footer")
        number._p.append(
            parse_xml(f'<w:fldSimple {W} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
        )
        section._sectPr.find(qn("w:pgMar")).addnext(parse_xml(f'<w:pgNumType {W} w:start="1"/>'))


def prepared_sources(data: bytes) -> str:
    """docxtpl's preprocessing of the template's parts, their compiled Jinja code and
    the names they use, stored so that a build of the package's own template neither
    imports docxtpl nor compiles Jinja (see lampiran.writers.docx.template)."""
    from lampiran.writers.docx.template import compiled_code, jinja_source, source_names

    parts = {}
    code = {}
    names = {}
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in sorted(package.namelist()):
            content = package.read(name)
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name) and b"{" in content:
                parts[name] = jinja_source(content.decode("utf-8"))
                code[name] = compiled_code(name, parts[name])
                used = source_names(parts[name])
                names[name] = {
                    "variables": sorted(used.variables),
                    "bagian": sorted(used.bagian),
                }
    record = {
        "sha256": hashlib.sha256(data).hexdigest(),
        "parts": parts,
        "code": code,
        "names": names,
    }
    return json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main() -> int:
    for data, outputs, prepared in (
        (make_template(), OUTPUTS, PREPARED),
        (make_pk_template(), PK_OUTPUTS, PK_PREPARED),
    ):
        for path in outputs:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(f"ditulis: {path.relative_to(ROOT).as_posix()}")
        prepared.write_text(prepared_sources(data), encoding="utf-8")
        print(f"ditulis: {prepared.relative_to(ROOT).as_posix()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
