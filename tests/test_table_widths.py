"""Table widths read from the XML: within the text area whatever the template's margins,
and every column wide enough for its longest word in the styles' font."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.shared import Mm
from lxml import etree

from conftest import CONTENT_2024, REPO_ROOT
from docxread import W, part, render_folder
from lampiran.writers.docx import fonts
from lampiran.writers.docx.layout import text_width
from lampiran.writers.docx.tablewidths import share_width

TEMPLATE = REPO_ROOT / "templates" / "lampiran2.docx"
LENGKAP_2025 = REPO_ROOT / "tests" / "data" / "lengkap" / "2025"
LIBERATION = Path("/usr/share/fonts/truetype/liberation")


def with_margins(tmp_path: Path, left_mm: int, right_mm: int) -> Path:
    """The template with other side margins, as a user sets them in Word."""
    document = docx.Document(str(TEMPLATE))
    section = document.sections[0]
    section.left_margin, section.right_margin = Mm(left_mm), Mm(right_mm)
    target = tmp_path / f"templat-{left_mm}-{right_mm}.docx"
    document.save(str(target))
    return target


def ints(element: etree._Element, path: str, name: str = "w") -> list[int]:
    return [int(found.get(f"{W}{name}")) for found in element.findall(path)]


@pytest.mark.parametrize("paper", ["F4", "A4"])
@pytest.mark.parametrize(("left_mm", "right_mm"), [(30, 25), (40, 30), (20, 20), (50, 45)])
def test_tables_span_the_text_width_of_the_templates_margins(
    tmp_path: Path, paper: str, left_mm: int, right_mm: int
) -> None:
    template = with_margins(tmp_path, left_mm, right_mm)
    data = render_folder(LENGKAP_2025, paper=paper, template=template)
    document = part(data, "word/document.xml")
    section = document.find(f"{W}body/{W}sectPr")
    assert section is not None
    page = int(section.find(f"{W}pgSz").get(f"{W}w"))
    margins = section.find(f"{W}pgMar")
    width = page - int(margins.get(f"{W}left")) - int(margins.get(f"{W}right"))
    assert abs(width - round((page / 1440 * 25.4 - left_mm - right_mm) * 1440 / 25.4)) <= 2

    tables = list(document.iter(f"{W}tbl"))
    assert len(tables) == 5  # two per sasaran and the signature
    for table in tables:
        grid = ints(table, f"{W}tblGrid/{W}gridCol")
        assert sum(grid) == width
        assert ints(table, f"{W}tblPr/{W}tblW") == [width]
        for row in table.findall(f"{W}tr"):
            assert ints(row, f"{W}tc/{W}tcPr/{W}tcW") == grid


def liberation_width(text: str, size_pt: float, bold: bool) -> float:
    """Width in twips measured with fontTools from the installed Liberation Sans."""
    from fontTools.ttLib import TTFont

    name = "LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf"
    if not (LIBERATION / name).is_file():
        pytest.skip("fonts-liberation not installed")
    font = TTFont(str(LIBERATION / name))
    cmap, advances = font.getBestCmap(), font["hmtx"]
    units = sum(int(advances[cmap[ord(c)]][0]) for c in text)
    return units * size_pt / int(font["head"].unitsPerEm) * 20


@pytest.mark.parametrize("paper", ["F4", "A4"])
@pytest.mark.parametrize(("left_mm", "right_mm"), [(30, 25), (40, 30)])
def test_every_column_holds_its_longest_word(
    tmp_path: Path, paper: str, left_mm: int, right_mm: int
) -> None:
    # (With 5/4.5 cm margins on A4 the five columns' longest words need more than the
    # 11.5 cm of text width: then the tables still fit, and a word may break.)
    template = with_margins(tmp_path, left_mm, right_mm)
    data = render_folder(CONTENT_2024, paper=paper, template=template)
    document = part(data, "word/document.xml")

    checked = 0
    for table in document.iter(f"{W}tbl"):
        grid = ints(table, f"{W}tblGrid/{W}gridCol")
        for row in table.findall(f"{W}tr"):
            header = row.find(f"{W}trPr/{W}tblHeader") is not None
            for cell, column in zip(row.findall(f"{W}tc"), grid, strict=True):
                for paragraph in cell.findall(f"{W}p"):
                    text = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
                    words = re.split(r"\s+|(?<=[-/])", text)
                    longest = max(words, key=len, default="")
                    if not longest:
                        continue
                    indent = paragraph.find(f"{W}pPr/{W}ind")
                    left = int(indent.get(f"{W}left", "0")) if indent is not None else 0
                    # 11 pt in the cells, bold in the header row; 108 twips padding a side.
                    needed = liberation_width(longest, 11, header) + left + 2 * 108
                    assert needed <= column, (longest, column)
                    checked += 1
    assert checked > 20
    assert "Penyelenggaraan" in etree.tostring(document, encoding="unicode")


def test_margins_written_with_units_are_read() -> None:
    section = etree.fromstring(
        f'<w:sectPr xmlns:w="{W[1:-1]}"><w:pgSz w:w="12189" w:h="18709"/>'
        '<w:pgMar w:left="3cm" w:right="25mm" w:top="1417" w:bottom="1701"/></w:sectPr>'
    )

    assert text_width(section) == 12189 - 1701 - 1417


def test_share_width_gives_every_column_its_least_and_keeps_the_proportions() -> None:
    # The template's 1:2:1 grid, a middle column needing more than its share.
    assert share_width(9000, [1000, 2000, 1000], [500, 500, 500]) == [2250, 4500, 2250]
    widths = share_width(9000, [1000, 1000, 1000], [500, 5000, 500])
    assert widths == [2000, 5000, 2000]
    assert sum(share_width(1000, [1, 1], [900, 900])) == 1000  # too narrow: scaled down


def test_the_bundled_arial_metrics_are_liberation_sans() -> None:
    text = "Penyelenggaraan Kinerja, 99,99% (Rp 1.000) ÄÖÜ éè"
    for bold in (False, True):
        bundled = fonts.metrics("Arial", bold, False).width(text, 11) * 20
        assert bundled == pytest.approx(liberation_width(text, 11, bold))


def test_another_installed_family_is_measured_from_its_own_font_file() -> None:
    if not (LIBERATION / "LiberationSerif-Regular.ttf").is_file():
        pytest.skip("fonts-liberation not installed")
    serif = fonts.metrics("Liberation Serif", False, False).width("Penyelenggaraan", 12)
    times = fonts.metrics("Times New Roman", False, False).width("Penyelenggaraan", 12)
    arial = fonts.metrics("Arial", False, False).width("Penyelenggaraan", 12)

    assert serif == times  # the metric twin stands in when Times is not installed
    assert serif < arial * 0.9
    assert fonts.metrics("Tidak Ada Font Ini", False, False).width("abc", 12) == (
        fonts.metrics("Arial", False, False).width("abc", 12)
    )
