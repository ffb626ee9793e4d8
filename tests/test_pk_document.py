"""The whole Perjanjian Kinerja reopened and compared with the content, cell by cell.

The fixture (tests/data/pk/2025) is a PK Perubahan with four programs, a Plt. head of
agency and a Pj. regional head. Every sasaran, indicator and target of Lampiran 1 must
equal Lampiran 2's and the content's; every amount and the total must be the content's
in whole rupiah; the standard sentences and both parties must be printed as the form
has them.
"""

from __future__ import annotations

from functools import cache

import pytest

from conftest import PK_2025, REPO_ROOT
from docxread import paragraph_texts, parts_of, tables_of
from lampiran.content.loading import Year, require_year
from lampiran.documents import pernyataan
from lampiran.documents.lampiran2 import TARGET_SENTENCE
from lampiran.writers.docx.render import render_document


@cache
def year() -> Year:
    loaded, _ = require_year(PK_2025)
    return loaded


@cache
def built(kind: str = "pk", paper: str = "F4") -> bytes:
    return render_document(year(), kind, paper=paper)  # type: ignore[arg-type]


def thousands(amount: int) -> str:
    """Rupiah written out independently of the code under test."""
    return "Rp" + f"{amount:,}".replace(",", ".")


def content_targets() -> list[tuple[str, str, str]]:
    return [(s.model.sasaran, i.nama, i.target) for s in year().sasaran for i in s.model.indikator]


def test_the_whole_pk_has_three_parts_in_order_with_their_titles() -> None:
    parts = parts_of(built())

    assert [paragraph_texts(part)[:2] for part in parts] == [
        ["PERJANJIAN KINERJA PERUBAHAN TAHUN 2025", "DINAS KOMUNIKASI & INFORMATIKA"],
        ["LAMPIRAN 1 PERJANJIAN KINERJA PERUBAHAN TAHUN 2025", "Dinas Komunikasi & Informatika"],
        ["LAMPIRAN 2 PERJANJIAN KINERJA PERUBAHAN", "Dinas Komunikasi & Informatika"],
    ]
    assert paragraph_texts(parts[2])[2] == "PENJELASAN KINERJA TAHUN 2025"


def test_the_pernyataan_prints_the_standard_sentences_and_both_parties() -> None:
    statement = parts_of(built())[0]

    assert paragraph_texts(statement)[2:] == [
        pernyataan.OPENING,
        pernyataan.PIHAK_PERTAMA_CLAUSE,
        pernyataan.PIHAK_KEDUA_CLAUSE,
        pernyataan.JANJI_PIHAK_PERTAMA,
        pernyataan.JANJI_PIHAK_KEDUA,
    ]
    first, second, _signature = tables_of(built(), statement)
    assert first == [
        ["Nama", ":", "Ir. NAMA PELAKSANA TUGAS, M.T."],
        ["Jabatan", ":", "Plt. Kepala Dinas Komunikasi dan Informatika"],
    ]
    assert second == [
        ["Nama", ":", "Dr. NAMA PENJABAT BUPATI, M.Si."],
        ["Jabatan", ":", "Pj. Bupati Contoh"],
    ]


def test_every_part_closes_with_the_same_signature_block_and_both_statuses() -> None:
    expected = [
        [
            "PIHAK KEDUA,\nPj. Bupati Contoh",
            "Contoh, 14 Juli 2025\nPIHAK PERTAMA,\nPlt. Kepala Dinas Komunikasi dan Informatika",
        ],
        [
            "Dr. NAMA PENJABAT BUPATI, M.Si.",
            "Ir. NAMA PELAKSANA TUGAS, M.T.\nPembina Tingkat I\nNIP. 19750505 200003 1 002",
        ],
    ]

    signatures = [tables_of(built(), part)[-1] for part in parts_of(built())]

    assert signatures == [expected, expected, expected]


def test_lampiran_1_targets_equal_lampiran_2_and_the_content_cell_by_cell() -> None:
    _statement, first, second = parts_of(built())
    sasaran_table = tables_of(built(), first)[0]
    numbers = {s.model.sasaran: str(n) for n, s in enumerate(year().sasaran, 1)}

    assert sasaran_table[0] == ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]
    in_lampiran_1 = [(row[1], row[2], row[3]) for row in sasaran_table[1:]]
    assert [row[0] for row in sasaran_table[1:]] == [numbers[row[0]] for row in in_lampiran_1]
    titles = [
        text for text in paragraph_texts(second) if text in {t for t, _, _ in content_targets()}
    ]
    target_tables = [
        t for t in tables_of(built(), second) if t[0][:2] == ["Indikator Kinerja", "Target"]
    ]
    in_lampiran_2 = [
        (title, row[0], row[1])
        for title, table in zip(titles, target_tables, strict=True)
        for row in table[1:]
    ]
    assert in_lampiran_1 == in_lampiran_2 == content_targets()
    assert paragraph_texts(second).count(TARGET_SENTENCE) == len(year().sasaran)


def test_every_amount_and_the_total_are_the_contents_in_whole_rupiah() -> None:
    program_table = tables_of(built(), parts_of(built())[1])[1]
    programs = year().program

    assert program_table[0] == ["No", "Program", "Anggaran", "Keterangan"]
    assert program_table[1:-1] == [
        [str(n), p.nama, thousands(p.anggaran), p.keterangan or ""]
        for n, p in enumerate(programs, 1)
    ]
    total = sum(p.anggaran for p in programs)
    assert total == 8_315_978_355
    assert program_table[-1] == ["", "Jumlah", thousands(total), ""]


def test_the_total_adds_up_what_is_printed() -> None:
    program_table = tables_of(built(), parts_of(built())[1])[1]

    printed = [int(row[2].removeprefix("Rp").replace(".", "")) for row in program_table[1:-1]]

    assert thousands(sum(printed)) == program_table[-1][2]


@pytest.mark.parametrize("kind", ["pernyataan", "lampiran-1", "lampiran-2"])
def test_each_part_made_alone_equals_that_part_of_the_whole_pk(kind: str) -> None:
    index = ["pernyataan", "lampiran-1", "lampiran-2"].index(kind)
    whole = parts_of(built())[index]

    (alone,) = parts_of(built(kind))

    assert paragraph_texts(alone) == paragraph_texts(whole)
    assert tables_of(built(kind), alone) == tables_of(built(), whole)


def test_a_year_without_programs_prints_lampiran_1_without_the_program_table() -> None:
    loaded, _ = require_year(REPO_ROOT / "tests" / "data" / "lengkap" / "2025")
    data = render_document(loaded, "lampiran-1")

    (part,) = parts_of(data)

    target_table, signature = tables_of(data, part)
    assert target_table[0] == ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]
    assert signature[0][0].startswith("PIHAK KEDUA,")
