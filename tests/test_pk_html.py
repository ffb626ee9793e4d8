"""The whole PK as a web page: three parts, merged sasaran cells, amounts, the parties."""

from __future__ import annotations

from functools import cache

from conftest import PK_2025
from htmlread import Node, parse_page
from lampiran.content.loading import Year, require_year
from lampiran.documents import pernyataan
from lampiran.documents.pk import perjanjian_kinerja
from lampiran.writers.html import write_html


@cache
def year() -> Year:
    loaded, _ = require_year(PK_2025)
    return loaded


def page(kind: str = "pk") -> Node:
    _, root = parse_page(write_html(perjanjian_kinerja(year(), kind).document()))  # type: ignore[arg-type]
    return root


def words(text: str) -> str:
    return " ".join(text.split())


def test_the_three_parts_follow_each_other_each_on_a_new_printed_page() -> None:
    headers = [n for n in page().iter("header")]

    assert [words(h.find("span").text()) for h in headers] == [
        "PERJANJIAN KINERJA PERUBAHAN TAHUN 2025",
        "LAMPIRAN 1 PERJANJIAN KINERJA PERUBAHAN TAHUN 2025",
        "LAMPIRAN 2 PERJANJIAN KINERJA PERUBAHAN",
    ]
    assert [h.attrs["class"] for h in headers] == [
        "judul",
        "judul halaman-baru",
        "judul halaman-baru",
    ]
    assert page().find("title").text() == "Perjanjian Kinerja Perubahan 2025"


def test_the_parties_are_labelled_lines_and_the_sentences_are_there() -> None:
    root = page("pernyataan")

    lines = [
        [(div.find("dt").text(), div.find("dd").text()) for div in dl.iter("div")]
        for dl in root.iter("dl")
    ]

    assert lines == [
        [
            ("Nama", "Ir. NAMA PELAKSANA TUGAS, M.T."),
            ("Jabatan", "Plt. Kepala Dinas Komunikasi dan Informatika"),
        ],
        [("Nama", "Dr. NAMA PENJABAT BUPATI, M.Si."), ("Jabatan", "Pj. Bupati Contoh")],
    ]
    paragraphs = [p.text() for p in root.iter("p") if p.attrs.get("class") == "pernyataan"]
    assert paragraphs == [
        pernyataan.OPENING,
        pernyataan.PIHAK_PERTAMA_CLAUSE,
        pernyataan.PIHAK_KEDUA_CLAUSE,
        pernyataan.JANJI_PIHAK_PERTAMA,
        pernyataan.JANJI_PIHAK_KEDUA,
    ]
    assert "halaman-baru" not in str([n.attrs for n in root.iter()])


def test_a_sasaran_spans_the_rows_of_its_indicators_one_body_each() -> None:
    table = page("lampiran-1").find("table", **{"class": "sasaran"})

    bodies = table.iter("tbody")
    rows = [
        [(td.text(), td.attrs.get("rowspan")) for td in tr.iter("td")]
        for tr in table.iter("tr")[1:]
    ]

    assert len(bodies) == len(year().sasaran)
    first, second, third = (s.model for s in year().sasaran)
    assert rows[0] == [
        ("1", "2"),
        (first.sasaran, "2"),
        (first.indikator[0].nama, None),
        (first.indikator[0].target, None),
    ]
    assert rows[1] == [(first.indikator[1].nama, None), (first.indikator[1].target, None)]
    assert rows[2][:2] == [("2", None), (second.sasaran, None)]
    assert rows[3][:2] == [("3", "3"), (third.sasaran, "3")]
    assert [len(r) for r in rows] == [4, 2, 4, 4, 2, 2]


def test_amounts_are_right_aligned_cells_and_the_total_closes_the_table() -> None:
    table = page("lampiran-1").find("table", **{"class": "program"})

    amounts = [td.text() for td in table.iter("td") if td.attrs.get("class") == "angka"]
    total = table.iter("tr")[-1]

    assert amounts == [
        "Rp4.100.832.755",
        "Rp1.589.645.600",
        "Rp2.275.000.000",
        "Rp350.500.000",
        "Rp8.315.978.355",
    ]
    assert total.attrs == {"class": "jumlah"}
    assert [td.text() for td in total.iter("td")] == ["", "Jumlah", "Rp8.315.978.355", ""]
    assert table.find("td", **{"class": "angka"}).attrs["data-kolom"] == "Anggaran"
