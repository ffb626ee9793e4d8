"""The appendix as a web page: structure, every word, text printed as written, same bytes."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import CONTENT_2024, REPO_ROOT, run_lampiran
from htmlread import parse_page
from lampiran.blocks import prose_blocks, runs_text
from lampiran.content.loading import require_year
from lampiran.documents.lampiran2 import lampiran2
from lampiran.writers.html import write_html

LENGKAP_2025 = REPO_ROOT / "tests" / "data" / "lengkap" / "2025"


def page_of(folder: Path, paper: str = "F4") -> bytes:
    year, _ = require_year(folder)
    return write_html(lampiran2(year).document(), paper)


def words(text: str) -> str:
    return " ".join(text.split())


def test_the_page_is_one_standalone_file_in_indonesian() -> None:
    data = page_of(CONTENT_2024)
    doctype, root = parse_page(data)
    html = root.find("html")

    assert doctype == "DOCTYPE html"
    assert html.attrs["lang"] == "id"
    assert root.find("meta").attrs == {"charset": "utf-8"}
    assert root.find("title").text() == "Lampiran 2 Perjanjian Kinerja 2024"
    assert root.iter("script") == [] and root.iter("link") == [] and root.iter("img") == []
    assert not any("src" in n.attrs or "href" in n.attrs for n in root.iter())
    assert "url(" not in root.find("style").text() and "@import" not in root.find("style").text()


def test_headings_tables_and_signature_have_their_html_structure() -> None:
    _, root = parse_page(page_of(LENGKAP_2025))

    h1 = root.find("h1")
    assert [words(span.text()) for span in h1.iter("span")] == [
        "LAMPIRAN 2 PERJANJIAN KINERJA",
        "Dinas Pekerjaan Umum & Penataan Ruang",
        "PENJELASAN KINERJA TAHUN 2025",
    ]
    assert [h.text() for h in root.iter("h2")] == ["Penjelasan Kinerja 1", "Penjelasan Kinerja 2"]
    assert [h.text() for h in root.iter("h3")][:3] == [
        "Uraian Sasaran",
        "Indikator Kinerja",
        "Target Kinerja",
    ]
    tables = root.iter("table")
    assert len(tables) == 4
    headers = [[(th.text(), th.attrs.get("scope")) for th in t.iter("th")] for t in tables[:2]]
    assert headers == [
        [(h, "col") for h in ("No", "Uraian", "Relevansi", "Formulasi", "Sumber Data")],
        [(h, "col") for h in ("Indikator Kinerja", "Target", "Penjelasan")],
    ]
    first_row = tables[0].find("tbody").find("tr")
    assert [td.attrs["data-kolom"] for td in first_row.iter("td")] == [
        "No",
        "Uraian",
        "Relevansi",
        "Formulasi",
        "Sumber Data",
    ]
    assert first_row.find("td").text() == "1"
    signature = next(n for n in root.iter("section") if n.attrs.get("class") == "tanda-tangan")
    lines = [words(p.text()) for p in signature.iter("p")]
    assert lines == [
        "Contoh, 31 Januari 2025",
        "PIHAK KEDUA,",
        "Bupati Contoh",
        "NAMA BUPATI",
        "PIHAK PERTAMA,",
        "Kepala Dinas Pekerjaan Umum dan Penataan Ruang",
        "Dr. NAMA KEPALA, S.Sos., M.Si.",
        "Pembina Utama Muda",
        "NIP. 19700101 199003 1 001",
    ]


def test_markdown_becomes_strong_em_and_real_lists() -> None:
    _, root = parse_page(page_of(LENGKAP_2025))

    assert "kemantapan jalan" in [n.text() for n in root.iter("strong")]
    assert "tingkat pelayanan" in [n.text() for n in root.iter("em")]
    ordered = [[words(li.text()) for li in ol.iter("li")] for ol in root.iter("ol")]
    assert ["survei kondisi;", "analisis data."] in ordered
    assert ["pemeliharaan rutin;", "rehabilitasi jalan."] in [
        [words(li.text()) for li in ul.iter("li")] for ul in root.iter("ul")
    ]


def test_every_text_of_the_content_is_on_the_page() -> None:
    for folder in (CONTENT_2024, LENGKAP_2025):
        year, _ = require_year(folder)
        _, root = parse_page(page_of(folder))
        page_text = words(root.find("body").text())
        document = lampiran2(year)
        expected = [document.instansi]
        for item in document.sasaran:
            expected += [item.sasaran, item.indikator_sentence]
            expected += [words(runs_text(p.runs)) for p in prose_blocks(item.uraian)]
            for row in item.indikator:
                expected += [row.nama, row.target]
                for prose in (row.relevansi, row.formulasi, row.sumber_data, row.penjelasan_target):
                    expected += [words(runs_text(p.runs)) for p in prose_blocks(prose)]

        missing = [text for text in expected if words(text) not in page_text]
        assert missing == []


def test_same_content_gives_the_same_bytes_and_paper_sets_the_print_page() -> None:
    assert page_of(CONTENT_2024) == page_of(CONTENT_2024)
    assert "size: 215mm 330mm" in page_of(CONTENT_2024).decode()
    assert "size: 210mm 297mm" in page_of(CONTENT_2024, "A4").decode()


def test_build_html_writes_the_page_beside_the_docx(tmp_path: Path) -> None:
    outcome = run_lampiran("build", str(CONTENT_2024), "-o", str(tmp_path), "--html")

    assert outcome.code == 0, outcome.err
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "lampiran-2-perjanjian-kinerja-2024.docx",
        "lampiran-2-perjanjian-kinerja-2024.html",
    ]
    assert re.findall(r"\S+ ditulis\.", outcome.out) == [
        f"{(tmp_path / name).as_posix()} ditulis."
        for name in (
            "lampiran-2-perjanjian-kinerja-2024.docx",
            "lampiran-2-perjanjian-kinerja-2024.html",
        )
    ]
    assert (tmp_path / "lampiran-2-perjanjian-kinerja-2024.html").read_bytes() == page_of(
        CONTENT_2024
    )
