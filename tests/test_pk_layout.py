"""Layout facts of the whole PK and its parts, read from the XML, and its template."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from functools import cache

import pytest
from lxml import etree

from conftest import PK_2025, REPO_ROOT
from docxread import W, part
from lampiran.content.loading import Year, require_year
from lampiran.writers.docx.render import render_document

PK_TEMPLATE = REPO_ROOT / "templates" / "perjanjian-kinerja.docx"
PACKAGED_PK_TEMPLATE = REPO_ROOT / "src" / "lampiran" / "templates" / "perjanjian-kinerja.docx"
LAMPIRAN2_TEMPLATE = REPO_ROOT / "templates" / "lampiran2.docx"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


@cache
def year() -> Year:
    loaded, _ = require_year(PK_2025)
    return loaded


@cache
def built(kind: str = "pk", paper: str = "F4") -> bytes:
    return render_document(year(), kind, paper=paper)  # type: ignore[arg-type]


def body(kind: str = "pk", paper: str = "F4") -> etree._Element:
    return part(built(kind, paper), "word/document.xml")


def table_by_caption(root: etree._Element, caption: str) -> etree._Element:
    (table,) = [
        t
        for t in root.iter(f"{W}tbl")
        if t.find(f"{W}tblPr/{W}tblCaption[@{W}val='{caption}']") is not None
    ]
    return table


def data_rows(table: etree._Element) -> list[etree._Element]:
    rows: list[etree._Element] = table.findall(f"{W}tr")
    return rows[1:]


def sections(root: etree._Element) -> list[etree._Element]:
    return list(root.iter(f"{W}sectPr"))


def styles_jc(data: bytes) -> dict[str, str]:
    """Each paragraph style's alignment, following basedOn."""
    styles = part(data, "word/styles.xml")
    by_id = {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}

    def jc(style_id: str | None) -> str:
        style = by_id.get(style_id)
        if style is None:
            return "left"
        found = style.find(f"{W}pPr/{W}jc")
        if found is not None:
            return str(found.get(f"{W}val"))
        based = style.find(f"{W}basedOn")
        return jc(based.get(f"{W}val") if based is not None else None)

    return {str(style_id): jc(style_id) for style_id in by_id}


def vmerge(cell: etree._Element) -> str | None:
    merge = cell.find(f"{W}tcPr/{W}vMerge")
    return None if merge is None else str(merge.get(f"{W}val"))


def cell_style(cell: etree._Element) -> str:
    style = cell.find(f"{W}p/{W}pPr/{W}pStyle")
    assert style is not None
    return str(style.get(f"{W}val"))


def test_the_sasaran_cell_is_merged_over_its_indicators() -> None:
    table = table_by_caption(body(), "Tabel sasaran")
    expected = []
    for item in year().sasaran:
        count = len(item.model.indikator)
        expected += ["restart"] + ["continue"] * (count - 1)

    merges = [[vmerge(cell) for cell in row.findall(f"{W}tc")] for row in data_rows(table)]

    assert expected == ["restart", "continue", "restart", "restart", "continue", "continue"]
    assert [row[0] for row in merges] == expected  # No counts sasaran, merged likewise
    assert [row[1] for row in merges] == expected
    assert [row[2:] for row in merges] == [[None, None]] * len(expected)


def test_a_covered_cell_prints_nothing_of_its_own() -> None:
    table = table_by_caption(body(), "Tabel sasaran")

    covered = [
        "".join(t.text or "" for t in cell.iter(f"{W}t"))
        for row in data_rows(table)
        for cell in row.findall(f"{W}tc")
        if cell.find(f"{W}tcPr/{W}vMerge[@{W}val='continue']") is not None
    ]

    assert covered == [""] * 6


def test_amounts_and_the_total_are_right_aligned_and_the_total_is_bold() -> None:
    table = table_by_caption(body(), "Tabel program")
    alignment = styles_jc(built())
    rows = data_rows(table)

    assert [alignment[cell_style(row.findall(f"{W}tc")[2])] for row in rows] == ["right"] * 5
    assert {alignment[cell_style(c)] for row in rows for c in row.findall(f"{W}tc")[:2]} == {
        "center",
        "left",
    }
    total = rows[-1]
    bold = [
        run.find(f"{W}rPr/{W}b") is not None
        for run in total.iter(f"{W}r")
        if "".join(t.text or "" for t in run.iter(f"{W}t"))
    ]
    assert bold == [True, True]


@pytest.mark.parametrize("caption", ["Tabel sasaran", "Tabel program"])
def test_lampiran_1_headers_repeat_and_rows_never_split(caption: str) -> None:
    rows = table_by_caption(body(), caption).findall(f"{W}tr")

    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert all(row.find(f"{W}trPr/{W}tblHeader") is None for row in rows[1:])
    assert all(row.find(f"{W}trPr/{W}cantSplit") is not None for row in rows)


def test_each_part_is_a_section_starting_on_a_new_page() -> None:
    root = body()

    found = sections(root)

    assert len(found) == 3
    for section in found:
        kind = section.find(f"{W}type")
        assert kind is None or kind.get(f"{W}val") == "nextPage"
    breaks = [s.getparent().getparent() for s in found[:2]]
    assert all(
        p.tag == f"{W}p" and not "".join(t.text or "" for t in p.iter(f"{W}t")) for p in breaks
    )
    assert found[2].getparent().tag == f"{W}body"


def footer_has_page_number(data: bytes, section: etree._Element) -> bool:
    reference = section.find(f"{W}footerReference")
    assert reference is not None
    rels = part(data, "word/_rels/document.xml.rels")
    rel_id = reference.get(f"{R}id")
    (target,) = [r.get("Target") for r in rels if r.get("Id") == rel_id]
    footer = part(data, f"word/{target}")
    return any(" PAGE " in (f.get(f"{W}instr") or "") for f in footer.iter(f"{W}fldSimple"))


def test_pages_are_numbered_per_lampiran_and_the_pernyataan_has_none() -> None:
    found = sections(body())

    assert [footer_has_page_number(built(), s) for s in found] == [False, True, True]
    starts = [s.find(f"{W}pgNumType") for s in found]
    assert starts[0] is None
    assert [s.get(f"{W}start") for s in starts[1:] if s is not None] == ["1", "1"]
    references = [s.find(f"{W}footerReference").get(f"{R}id") for s in found]
    assert len(set(references)) == 3  # each part its own footer: none depends on another


@pytest.mark.parametrize(("kind", "numbered"), [("pernyataan", False), ("lampiran-1", True)])
def test_a_part_made_alone_has_one_section_and_no_blank_page_after_it(
    kind: str, numbered: bool
) -> None:
    root = body(kind)

    (section,) = sections(root)

    assert section.getparent().tag == f"{W}body"
    assert root.find(f"{W}body/{W}p/{W}pPr/{W}sectPr") is None
    assert footer_has_page_number(built(kind), section) is numbered


@pytest.mark.parametrize(
    ("paper", "size"), [("F4", ("12189", "18709")), ("A4", ("11906", "16838"))]
)
def test_every_section_takes_the_paper_asked_for(paper: str, size: tuple[str, str]) -> None:
    for section in sections(body(paper=paper)):
        page = section.find(f"{W}pgSz")
        assert page is not None
        assert (page.get(f"{W}w"), page.get(f"{W}h")) == size


@pytest.mark.parametrize("paper", ["F4", "A4"])
def test_every_table_of_the_pk_fills_the_text_width(paper: str) -> None:
    root = body(paper=paper)
    section = sections(root)[-1]
    size, margins = section.find(f"{W}pgSz"), section.find(f"{W}pgMar")
    assert size is not None and margins is not None
    width = int(size.get(f"{W}w")) - int(margins.get(f"{W}left")) - int(margins.get(f"{W}right"))

    for table in root.iter(f"{W}tbl"):
        columns = [int(c.get(f"{W}w")) for c in table.iter(f"{W}gridCol")]
        assert abs(sum(columns) - width) <= len(columns)


def test_both_templates_share_one_style_set() -> None:
    with zipfile.ZipFile(PK_TEMPLATE) as pk, zipfile.ZipFile(LAMPIRAN2_TEMPLATE) as lampiran2:
        assert pk.read("word/styles.xml") == lampiran2.read("word/styles.xml")
        document = pk.read("word/document.xml").decode()
    for part_name in ("bagian.pernyataan", "bagian.lampiran_1", "bagian.lampiran_2"):
        assert part_name in document
    assert "Pihak pertama berjanji akan mewujudkan target kinerja" in document
    assert "<w:rFonts" not in document


def test_the_shipped_pk_template_is_the_one_in_templates() -> None:
    assert PACKAGED_PK_TEMPLATE.read_bytes() == PK_TEMPLATE.read_bytes()


def test_the_template_script_reproduces_the_pk_template_and_its_sources() -> None:
    spec = importlib.util.spec_from_file_location(
        "make_template", REPO_ROOT / "scripts" / "make_template.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    assert module.make_pk_template() == PK_TEMPLATE.read_bytes()
    prepared = REPO_ROOT / "src" / "lampiran" / "templates" / "perjanjian-kinerja.jinja.json"
    assert module.prepared_sources(PK_TEMPLATE.read_bytes()) == prepared.read_text("utf-8")


def test_the_pk_template_properties_name_it() -> None:
    with zipfile.ZipFile(io.BytesIO(PK_TEMPLATE.read_bytes())) as package:
        core = package.read("docProps/core.xml").decode()
        app = package.read("docProps/app.xml").decode()

    assert "<dc:title>Templat Perjanjian Kinerja</dc:title>" in core
    assert "<Template>perjanjian-kinerja.docx</Template>" in app
