"""The whole PK and its parts as LibreOffice prints them, on F4 and A4: pages, numbers,
the merged sasaran printed once, amounts lined up on the right. Needs soffice and poppler.

The pictures themselves were looked at when this was written (see the README); these
tests keep what a typist would check on them.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from conftest import PK_2025, require_tool, run_lampiran
from lampiran.content.loading import require_year
from lampiran.documents import pernyataan
from lampiran.text.formatting import rupiah
from lampiran.writers.docx.render import render_document
from lampiran.writers.pdf import convert_to_pdf

KINDS = ("pk", "pernyataan", "lampiran-1", "lampiran-2")
PAPERS = {"F4": (609.4, 935.4), "A4": (595.3, 841.9)}
"""Page sizes in points (215 x 330 mm, 210 x 297 mm)."""


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Every document at both papers, converted in one LibreOffice run."""
    require_tool("soffice")
    folder = tmp_path_factory.mktemp("pk-pdf")
    year, _ = require_year(PK_2025)
    documents = {}
    for paper in PAPERS:
        for kind in KINDS:
            docx = folder / f"{kind}-{paper}.docx"
            docx.write_bytes(render_document(year, kind, paper=paper))  # type: ignore[arg-type]
            documents[(kind, paper)] = docx
    converted = convert_to_pdf(list(documents.values()))
    return dict(zip(documents, converted, strict=True))


def pages(pdf: Path) -> list[str]:
    """The text of each page, as pdftotext lays it out."""
    text = subprocess.run(
        [require_tool("pdftotext"), "-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return text.split("\f")[:-1]


def page_number(page: str) -> str | None:
    """The number alone on the last line of a page, if there is one."""
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    return lines[-1] if lines and lines[-1].isdigit() else None


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("paper", PAPERS)
def test_the_pk_is_its_three_parts_each_from_a_new_page(
    pdfs: dict[tuple[str, str], Path], paper: str
) -> None:
    whole = pages(pdfs[("pk", paper)])
    parts = [pages(pdfs[(kind, paper)]) for kind in KINDS[1:]]

    assert [len(p) for p in parts[:2]] == [1, 1]
    assert len(whole) == sum(len(p) for p in parts)
    assert [words(p) for p in whole] == [words(p) for part in parts for p in part]
    assert words(whole[0]).startswith("PERJANJIAN KINERJA PERUBAHAN TAHUN 2025")
    assert words(whole[1]).startswith("LAMPIRAN 1 PERJANJIAN KINERJA PERUBAHAN TAHUN 2025")
    assert words(whole[2]).startswith("LAMPIRAN 2 PERJANJIAN KINERJA PERUBAHAN")


@pytest.mark.parametrize("paper", PAPERS)
def test_page_numbers_restart_in_each_lampiran_and_the_pernyataan_has_none(
    pdfs: dict[tuple[str, str], Path], paper: str
) -> None:
    numbers = [page_number(p) for p in pages(pdfs[("pk", paper)])]

    lampiran_2 = len(pages(pdfs[("lampiran-2", paper)]))
    assert numbers == [None, "1", *(str(n) for n in range(1, lampiran_2 + 1))]


@pytest.mark.parametrize("paper", PAPERS)
def test_every_page_is_the_paper_asked_for(pdfs: dict[tuple[str, str], Path], paper: str) -> None:
    info = subprocess.run(
        [require_tool("pdfinfo"), "-f", "1", "-l", "99", str(pdfs[("pk", paper)])],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)

    assert sizes
    width, height = PAPERS[paper]
    assert all(abs(float(w) - width) < 1 and abs(float(h) - height) < 1 for w, h in sizes)


def test_the_pernyataan_page_holds_the_whole_statement_and_both_signatures(
    pdfs: dict[tuple[str, str], Path],
) -> None:
    (page,) = pages(pdfs[("pernyataan", "A4")])
    text = words(page)

    for sentence in (
        pernyataan.OPENING,
        pernyataan.JANJI_PIHAK_PERTAMA,
        pernyataan.JANJI_PIHAK_KEDUA,
    ):
        assert words(sentence) in text
    assert "Plt. Kepala Dinas Komunikasi dan Informatika" in text
    assert text.endswith("NIP. 19750505 200003 1 002")


def test_a_merged_sasaran_is_printed_once_over_its_indicators(
    pdfs: dict[tuple[str, str], Path],
) -> None:
    (page,) = pages(pdfs[("lampiran-1", "F4")])
    year, _ = require_year(PK_2025)

    # Every sasaran title starts with "Meningkatnya"; no indicator name does.
    assert page.split().count("Meningkatnya") == len(year.sasaran) == 3
    assert sum(len(s.model.indikator) for s in year.sasaran) == 6


def amount_right_edges(pdf: Path, amounts: list[str]) -> list[float]:
    """Where each amount ends on the line (pdftotext's word boxes)."""
    html = subprocess.run(
        [require_tool("pdftotext"), "-bbox", str(pdf), "-"],
        check=True,
        capture_output=True,
    ).stdout
    root = etree.fromstring(html, etree.HTMLParser())
    boxes = {w.text: float(w.get("xmax")) for w in root.iter("word")}
    return [boxes[amount] for amount in amounts]


@pytest.mark.parametrize("paper", PAPERS)
def test_amounts_line_up_on_the_right(pdfs: dict[tuple[str, str], Path], paper: str) -> None:
    year, _ = require_year(PK_2025)
    amounts = [rupiah(p.anggaran) for p in year.program] + [rupiah(year.jumlah_anggaran)]

    edges = amount_right_edges(pdfs[("lampiran-1", paper)], amounts)

    assert max(edges) - min(edges) < 0.5, edges


def test_pdfa_works_for_the_whole_pk_and_its_parts_in_one_call(tmp_path: Path) -> None:
    require_tool("soffice")

    outcome = run_lampiran(
        "build",
        str(PK_2025),
        "--dokumen",
        "pk",
        "--dokumen",
        "pernyataan",
        "--pdfa",
        "-o",
        str(tmp_path),
    )

    assert outcome.code == 0, outcome.err
    for name, title in (
        ("perjanjian-kinerja-2025", "Perjanjian Kinerja Perubahan 2025"),
        ("pernyataan-perjanjian-kinerja-2025", "Pernyataan Perjanjian Kinerja Perubahan 2025"),
    ):
        pdf = tmp_path / f"{name}.pdf"
        info = subprocess.run(
            [require_tool("pdfinfo"), "-meta", str(pdf)], check=True, capture_output=True, text=True
        ).stdout
        assert "<pdfaid:part>2</pdfaid:part>" in info
        plain = subprocess.run(
            [require_tool("pdfinfo"), str(pdf)], check=True, capture_output=True, text=True
        ).stdout
        assert re.search(rf"^Title:\s+{re.escape(title)}$", plain, re.M)


def test_no_blank_page_between_parts_whatever_the_length_of_lampiran_1(tmp_path: Path) -> None:
    """Lampiran 1 grows one program at a time, so its signature block and the section
    break after it reach the foot of the page at some length: the next part must still
    start on the very next page, with no empty page in between."""
    require_tool("soffice")
    documents = []
    for count in range(4, 40, 2):
        folder = tmp_path / f"isi{count:02}" / "2025"
        folder.mkdir(parents=True)
        for item in PK_2025.rglob("*"):
            target = folder / item.relative_to(PK_2025)
            if item.is_dir():
                target.mkdir(exist_ok=True)
            elif item.name != "program.yaml":
                target.write_bytes(item.read_bytes())
        (folder / "program.yaml").write_text(
            "program:\n"
            + "".join(
                f"  - nama: Program nomor {n}\n    anggaran: {n + 1}000\n" for n in range(count)
            ),
            encoding="utf-8",
        )
        grown, _ = require_year(folder)
        docx = tmp_path / f"pk-{count:02}.docx"
        docx.write_bytes(render_document(grown, "pk"))
        documents.append(docx)

    for pdf in convert_to_pdf(documents):
        texts = [words(page) for page in pages(pdf)]
        assert all(text and not text.isdigit() for text in texts), pdf.name
        starts = [n for n, text in enumerate(texts) if text.startswith("LAMPIRAN 2 ")]
        # The page before Lampiran 2 ends with Lampiran 1's signature (and its number).
        assert len(starts) == 1, pdf.name
        assert re.search(r"NIP\. 19750505 200003 1 002( \d+)?$", texts[starts[0] - 1]), pdf.name
