"""The built document as LibreOffice lays it out: whole words, the right fonts, and a
signature block that never leaves the lines before it. Needs soffice and poppler."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import CONTENT_2024, REPO_ROOT, require_tool
from docxread import blocks, render_folder
from lampiran.content.loading import require_year
from lampiran.writers.docx.render import render_docx
from lampiran.writers.pdf import convert_to_pdf

LENGKAP_2025 = REPO_ROOT / "tests" / "data" / "lengkap" / "2025"


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        [require_tool("pdftotext"), "-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture(scope="module")
def pdf_2024(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, Path]:
    require_tool("soffice")
    data = render_folder(CONTENT_2024)
    docx = tmp_path_factory.mktemp("pdf") / "lampiran-2-perjanjian-kinerja-2024.docx"
    docx.write_bytes(data)
    (pdf,) = convert_to_pdf([docx])
    return data, pdf


def test_every_word_of_the_document_is_whole_in_the_pdf(pdf_2024: tuple[bytes, Path]) -> None:
    data, pdf = pdf_2024

    printed = set(re.findall(r"\w+", pdf_text(pdf)))
    words = set(re.findall(r"\w+", " ".join(blocks(data))))

    assert words - printed == set()


def test_pdf_fonts_are_arial_or_its_metric_twin(pdf_2024: tuple[bytes, Path]) -> None:
    _, pdf = pdf_2024

    listing = subprocess.run(
        [require_tool("pdffonts"), str(pdf)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    fonts = {line.split()[0].split("+")[-1] for line in listing if line.strip()}

    assert fonts
    assert all(re.fullmatch(r"(LiberationSans|Arial)(MT)?(-\w+)?", font) for font in fonts), fonts


def test_signature_block_stays_whole_and_with_the_last_table_row(tmp_path: Path) -> None:
    require_tool("soffice")
    documents = []
    # Push the signature block down line by line across a page break.
    for extra in range(30):
        folder = tmp_path / f"isi{extra:02}" / "2025"
        shutil.copytree(LENGKAP_2025, folder)
        sasaran = folder / "sasaran" / "02-tata-ruang.yaml"
        lines = "".join(
            f"  Kalimat tambahan nomor {n} untuk mendorong blok.\n\n" for n in range(extra)
        )
        sasaran.write_text(
            sasaran.read_text("utf-8").replace("uraian: |\n", "uraian: |\n" + lines), "utf-8"
        )
        year, _ = require_year(folder)
        docx = tmp_path / f"dokumen-{extra:02}.docx"
        docx.write_bytes(render_docx(year))
        documents.append(docx)

    pdfs = convert_to_pdf(documents)

    for pdf in pdfs:
        pages = pdf_text(pdf).split("\f")

        def page_of(text: str, pages: list[str] = pages) -> list[int]:
            return [number for number, page in enumerate(pages) if text in page]

        last_row = page_of("Kesesuaian dijaga melalui pengawasan.")
        assert len(last_row) == 1
        assert page_of("PIHAK KEDUA,") == last_row, pdf.name
        assert page_of("NIP. 19700101 199003 1 001") == last_row, pdf.name
