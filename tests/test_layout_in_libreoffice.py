"""The printed pages, as LibreOffice lays them out and poppler reads them back.

A year is padded with 0..PADDING extra lines before its signature block, so that the
block crosses page ends at every offset; each variant is built with the shipped
template, with the template re-saved by LibreOffice (which drops table captions and
rewrites every style) and with a template restyled by python-docx (another font, 4/3 cm
margins, a page header with a logo), on F4 and A4. All of them go through one
LibreOffice run. Then, on every page:

- the signature block is whole and its page holds text before it (layout.md);
- no page but the last ends with more than about 4 cm of empty text area, except the page
  before a signature block that did not fit under it, which is at most the block's
  height short (the block and the lines it keeps with are one unit);
- no word of 15 letters or fewer of the .docx is broken in the PDF;
- no heading, sub-heading or sasaran title is left alone at a page foot.
"""

from __future__ import annotations

import io
import re
import shutil
import struct
import subprocess
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.shared import Cm, Pt

from conftest import CONTENT_2024, REPO_ROOT, SIGNING_BLOCK, require_tool
from docxread import W, blocks, part
from lampiran.content.loading import require_year
from lampiran.writers.docx.render import render_docx
from lampiran.writers.pdf import convert_to_pdf
from pdfread import POINTS_PER_CM, Page, read_pages

LENGKAP_2025 = REPO_ROOT / "tests" / "data" / "lengkap" / "2025"
TEMPLATE = REPO_ROOT / "templates" / "lampiran2.docx"
PADDING = 24
"""Extra lines: enough to move the signature block over a whole page end on F4 and A4."""
TEMPLATES = ("bawaan", "libreoffice", "python-docx")
PAPERS = ("F4", "A4")
MAX_EMPTY_FOOT_CM = 4.5
"""About 4 cm (layout.md): the smallest unit that moves to a new page as a whole, a
sub-heading with its intro sentence, the table's header row and the first two lines of
its first row, is 4.2 cm high, so a page foot may stay that empty before it."""
RESTYLED_FONT = "Liberation Serif"
LONG_WORDS = (
    ("Persentase Jalan Kabupaten", "Persentase Penyelenggaraan Jalan Kabupaten"),
    ("Panjang jalan mantap /", "Penyelenggaraan jalan mantap /"),
    ("Laporan **Survei** Kondisi Jalan", "Laporan **Survei** Penyelenggaraan"),
)
"""A 15-letter word in the narrow columns (Uraian, Formulasi, Sumber Data): on A4 the
fixed widths of the template broke it as "Penyelenggaraa / n"."""
LONG_NAME = "Dr. Ir. H. MUHAMMAD NAMA KEPALA, S.T., M.Sc."
"""A name 10 cm long in bold 12 pt: more than half of the text width."""
TWIPS_PER_CM = 1440 / 2.54


@dataclass(frozen=True)
class Printed:
    """One built variant: its .docx and its PDF pages."""

    name: str
    docx: bytes
    pages: list[Page]

    @property
    def bottom_margin_cm(self) -> float:
        margins = part(self.docx, "word/document.xml").find(f".//{W}sectPr/{W}pgMar")
        assert margins is not None
        return int(margins.get(f"{W}bottom")) / TWIPS_PER_CM


def logo_png() -> bytes:
    """A 48 x 48 blue square as a PNG, for the restyled template's page header."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x20\x40\xc0" * 48 for _ in range(48))
    header = struct.pack(">IIBBBBB", 48, 48, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def restyle_with_python_docx(source: Path, target: Path) -> Path:
    """The template as a user's script might restyle it: font, margins, a logo header."""
    document = docx.Document(str(source))
    for style in document.styles:
        if getattr(style, "font", None) is not None and style.font.name:
            style.font.name = RESTYLED_FONT
    document.styles["Normal"].font.name = RESTYLED_FONT
    document.styles["Normal"].font.size = Pt(12)
    section = document.sections[0]
    section.left_margin, section.right_margin = Cm(4), Cm(3)
    section.top_margin, section.bottom_margin = Cm(3), Cm(3)
    header = section.header
    header.is_linked_to_previous = False
    header.paragraphs[0].add_run().add_picture(io.BytesIO(logo_png()), width=Cm(1.5))
    document.save(str(target))
    return target


def resave_with_libreoffice(source: Path, folder: Path) -> Path:
    """The template opened and saved as .docx by LibreOffice."""
    staged = folder / "masuk"
    staged.mkdir()
    shutil.copyfile(source, staged / "templat-lo.docx")
    out = folder / "keluar"
    subprocess.run(
        [
            require_tool("soffice"),
            f"-env:UserInstallation={(folder / 'profil').as_uri()}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(staged / "templat-lo.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    result = out / "templat-lo.docx"
    assert result.is_file()
    return result


def padded_year(root: Path, source: Path, extra: int, sasaran: str) -> Path:
    """A copy of ``source`` whose last uraian has ``extra`` more one-line paragraphs."""
    folder = root / f"isi-{extra:02}" / source.name
    shutil.copytree(source, folder)
    target = folder / "sasaran" / sasaran
    lines = "".join(f"  Kalimat tambahan nomor {n} untuk mendorong blok.\n\n" for n in range(extra))
    target.write_text(
        target.read_text("utf-8").replace("uraian: |\n", "uraian: |\n" + lines, 1), "utf-8"
    )
    return folder


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Printed]:
    """Every variant built and converted to PDF in one LibreOffice run."""
    require_tool("soffice")
    require_tool("pdftotext")
    work = tmp_path_factory.mktemp("tata-letak")
    templates: dict[str, Path | None] = {
        "bawaan": None,
        "libreoffice": resave_with_libreoffice(TEMPLATE, work),
        "python-docx": restyle_with_python_docx(TEMPLATE, work / "templat-python-docx.docx"),
    }
    years = [padded_year(work, LENGKAP_2025, n, "02-tata-ruang.yaml") for n in range(PADDING + 1)]
    signed_2024 = work / "2024-ditandatangani" / "2024"
    shutil.copytree(CONTENT_2024, signed_2024)
    dokumen = signed_2024 / "dokumen.yaml"
    dokumen.write_text(dokumen.read_text("utf-8") + SIGNING_BLOCK, "utf-8")
    variants: dict[str, bytes] = {}
    for template_name, template in templates.items():
        for paper in PAPERS:
            for extra, folder in enumerate(years):
                year, _ = require_year(folder)
                variants[f"{template_name}-{paper}-{extra:02}"] = render_docx(year, template, paper)
    long_words = work / "kata-panjang" / "2025"
    shutil.copytree(LENGKAP_2025, long_words)
    sasaran = long_words / "sasaran" / "01-infrastruktur.yaml"
    text = sasaran.read_text("utf-8")
    for old, new in LONG_WORDS:
        assert old in text
        text = text.replace(old, new)
    sasaran.write_text(text, "utf-8")
    year, _ = require_year(long_words)
    for paper in PAPERS:
        for template_name, template in templates.items():
            variants[f"kata-panjang-{template_name}-{paper}"] = render_docx(year, template, paper)
    long_name = work / "nama-panjang" / "2025"
    shutil.copytree(LENGKAP_2025, long_name)
    dokumen = long_name / "dokumen.yaml"
    dokumen.write_text(
        dokumen.read_text("utf-8").replace("Dr. NAMA KEPALA, S.Sos., M.Si.", LONG_NAME), "utf-8"
    )
    year, _ = require_year(long_name)
    for paper in PAPERS:
        for template_name in ("bawaan", "python-docx"):
            variants[f"nama-panjang-{template_name}-{paper}"] = render_docx(
                year, templates[template_name], paper
            )
    for paper in PAPERS:
        for label, folder in (
            ("isi-2024", CONTENT_2024),
            ("2024-ditandatangani", signed_2024),
            ("lengkap", LENGKAP_2025),
        ):
            year, _ = require_year(folder)
            variants[f"{label}-{paper}"] = render_docx(year, None, paper)
    paths = []
    for name, data in variants.items():
        path = work / "dokumen" / f"{name}.docx"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
    pdfs = convert_to_pdf(paths, timeout=900)
    return {
        path.stem: Printed(path.stem, variants[path.stem], read_pages(pdf))
        for path, pdf in zip(paths, pdfs, strict=True)
    }


def padded(printed: dict[str, Printed], template: str, paper: str) -> list[Printed]:
    return [printed[f"{template}-{paper}-{extra:02}"] for extra in range(PADDING + 1)]


@dataclass(frozen=True)
class SignatureOnPage:
    page: Page
    top: float
    bottom: float


def signature_block(variant: Printed) -> SignatureOnPage:
    """The page and vertical extent of the signature block; asserts it is whole."""
    pages = [p for p in variant.pages if "PIHAK KEDUA," in p.text()]
    assert len(pages) == 1, f"{variant.name}: 'PIHAK KEDUA,' on pages {[p.number for p in pages]}"
    page = pages[0]
    for line in ("PIHAK PERTAMA,", "NAMA BUPATI", "NIP. 19700101 199003 1 001"):
        assert line in page.text(), f"{variant.name}: '{line}' not on page {page.number}"
    words = page.words
    start = next(i for i, w in enumerate(words) if w.text == "Contoh," or w.text == "PIHAK")
    top = min(w.top for w in words[start:] if w.text in ("Contoh,", "PIHAK"))
    bottom = max(w.bottom for w in words if w.text.startswith("1970") or w.text == "NIP.")
    return SignatureOnPage(page, top, bottom)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("template", TEMPLATES)
def test_signature_block_is_whole_and_never_starts_a_page(
    printed: dict[str, Printed], template: str, paper: str
) -> None:
    moved_to_new_page = 0
    for variant in padded(printed, template, paper):
        block = signature_block(variant)
        before = [
            w
            for w in block.page.body(variant.bottom_margin_cm)
            if w.bottom < block.top - 1 and not w.text.isdigit()
        ]
        assert before, f"{variant.name}: the signature block starts page {block.page.number}"
        if block.page.number > 1 and block.page.number == len(variant.pages):
            moved_to_new_page += 1
    # The padding did push the block over a page end (the test covers the case).
    assert moved_to_new_page > 0


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("template", TEMPLATES)
def test_no_page_but_the_last_ends_with_a_large_empty_space(
    printed: dict[str, Printed], template: str, paper: str
) -> None:
    problems = []
    for variant in padded(printed, template, paper):
        problems.extend(empty_feet(variant))
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("label", ["isi-2024", "2024-ditandatangani", "lengkap"])
def test_content_and_fixtures_leave_no_large_empty_page_foot(
    printed: dict[str, Printed], label: str, paper: str
) -> None:
    assert empty_feet(printed[f"{label}-{paper}"]) == []


def empty_feet(variant: Printed) -> list[str]:
    """The pages (not the last) that end with too much empty text area, and a last
    page without text."""
    margin = variant.bottom_margin_cm
    if not variant.pages[-1].body(margin):
        return [f"{variant.name}: the last page is blank"]
    signature = None
    if any("PIHAK KEDUA," in page.text() for page in variant.pages):
        signature = signature_block(variant)
    problems = []
    for page in variant.pages[:-1]:
        empty = page.empty_foot_cm(margin)
        allowed = MAX_EMPTY_FOOT_CM
        if signature is not None and page.number == signature.page.number - 1:
            allowed = max(allowed, kept_with_signature_cm(signature, margin))
        if empty > allowed:
            problems.append(f"{variant.name}: page {page.number} ends {empty:.1f} cm early")
    return problems


HEADINGS = re.compile(
    r"Penjelasan Kinerja \d+|Uraian Sasaran|Indikator Kinerja|Target Kinerja|Meningkatnya .*"
)
"""The headings, sub-headings and sasaran titles ("Meningkatnya ...") of the fixtures."""


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("template", TEMPLATES)
def test_no_heading_is_left_alone_at_a_page_foot(
    printed: dict[str, Printed], template: str, paper: str
) -> None:
    _no_heading_alone(printed, template, paper)


def _no_heading_alone(printed: dict[str, Printed], template: str, paper: str) -> None:
    stranded = []
    for variant in [*padded(printed, template, paper), printed[f"kata-panjang-{template}-{paper}"]]:
        for page in variant.pages[:-1]:
            body = page.body(variant.bottom_margin_cm)
            bottom = max(w.bottom for w in body)
            last_line = " ".join(w.text for w in body if abs(w.bottom - bottom) < 2)
            if HEADINGS.fullmatch(last_line):
                stranded.append(f"{variant.name}: page {page.number} ends with '{last_line}'")
    assert stranded == [], "\n".join(stranded)


LAST_SECTION_STARTS = ("Sumber Data", "Uraian Sasaran", "Penjelasan Kinerja")
"""Text printed before the last "Target Kinerja" heading of a year (indicator table
header, sub-heading, heading): none of it keeps with the signature block."""


def kept_with_signature_cm(signature: SignatureOnPage, margin: float) -> float:
    """How far the page before the block's may end early: by what moved with the block.

    The block keeps with the last row before it; when the last target table has one
    row, that row keeps with its header row, intro sentence and "Target Kinerja"
    heading as well (layout.md), so all of it moves together and the page before is
    short by that chain. Anything from before the last "Target Kinerja" heading on the
    block's page means more moved than that chain: then the usual limit holds.
    """
    before = [w for w in signature.page.body(margin) if w.bottom < signature.top - 1]
    text = " ".join(w.text for w in before)
    if not before or any(start in text for start in LAST_SECTION_STARTS):
        return MAX_EMPTY_FOOT_CM
    chain = signature.bottom - min(w.top for w in before)
    return chain / POINTS_PER_CM + 0.5


def test_no_word_of_15_letters_or_fewer_is_broken(printed: dict[str, Printed]) -> None:
    broken = {}
    for variant in printed.values():
        # Counted, not collected in a set: a word whole in one place must not hide the
        # same word broken in another (the target table repeats the indicator names).
        words = Counter(
            w for w in re.findall(r"\w+", " ".join(blocks(variant.docx))) if len(w) <= 15
        )
        printed_text = " ".join(word.text for page in variant.pages for word in page.words)
        missing = words - Counter(re.findall(r"\w+", printed_text))
        if missing:
            broken[variant.name] = sorted(missing)
    assert broken == {}


def test_the_restyled_template_prints_in_its_own_font_and_margins(
    printed: dict[str, Printed],
) -> None:
    variant = printed["python-docx-A4-00"]
    # 4 cm left margin: no text starts left of it; the title is in the restyled font.
    assert min(w.left for w in variant.pages[0].words) >= 4 * POINTS_PER_CM - 1
    normal = part(variant.docx, "word/styles.xml").find(
        f"{W}style[@{W}styleId='Normal']/{W}rPr/{W}rFonts"
    )
    assert normal is not None and normal.get(f"{W}ascii") == RESTYLED_FONT


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("template", ["bawaan", "python-docx"])
def test_a_long_signatory_name_stays_on_one_line_under_its_underline(
    printed: dict[str, Printed], template: str, paper: str
) -> None:
    variant = printed[f"nama-panjang-{template}-{paper}"]
    (page,) = [p for p in variant.pages if "MUHAMMAD" in p.text()]
    start = [w.text for w in page.words].index("Dr.")
    name = page.words[start : start + len(LONG_NAME.split())]

    assert " ".join(w.text for w in name) == LONG_NAME
    assert len({round(w.top) for w in name}) == 1, [(w.text, w.top) for w in name]
