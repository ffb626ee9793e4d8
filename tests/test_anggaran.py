"""Anggaran in program.yaml: every accepted form read as whole rupiah, every refused form
reported word for word at its place, with the accepted forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import VALID_DOKUMEN, write_year
from lampiran.content.anggaran import AnggaranTextError, check_amount, parse_anggaran
from lampiran.content.loading import load_year

FORMS = "bentuk yang diterima: 4.100.832.755, 4100832755 atau 4.100.832.755,00"

ACCEPTED = {
    "4.100.832.755": 4_100_832_755,  # unquoted: YAML alone would read a float
    '"4.100.832.755"': 4_100_832_755,
    "1589645600": 1_589_645_600,
    "'1589645600'": 1_589_645_600,
    "4.100.832.755,00": 4_100_832_755,
    "1589645600,00": 1_589_645_600,
    "150.000": 150_000,  # one group of thousands: a dot here never means decimals
    " 7.500.000 ": 7_500_000,
    "999.999.999.999.999": 999_999_999_999_999,
}

REFUSED = {
    "155.2": (
        "anggaran '155.2' bukan rupiah penuh: titik hanya memisahkan ribuan (tepat tiga "
        f"angka sesudahnya) dan rupiah ditulis tanpa desimal; {FORMS}"
    ),
    "1.5 M": (
        "anggaran '1.5 M' memakai singkatan 'M'; tulis angkanya saja dalam rupiah penuh: "
        f"1.500.000.000; {FORMS}"
    ),
    "Rp 5 juta": (
        "anggaran 'Rp 5 juta' memakai 'Rp' dan singkatan 'juta'; tulis angkanya saja dalam "
        f"rupiah penuh: 5.000.000; {FORMS}"
    ),
    "-5.000.000": (
        "anggaran tidak boleh negatif (tertulis '-5.000.000'); tulis jumlah rupiahnya tanpa "
        f"tanda minus; {FORMS}"
    ),
    "-1589645600": (
        "anggaran tidak boleh negatif (tertulis '-1589645600'); tulis jumlah rupiahnya tanpa "
        f"tanda minus; {FORMS}"
    ),
    "Rp4.100.832.755": (
        "anggaran 'Rp4.100.832.755' memakai 'Rp', yang sudah dicetak oleh templat; tulis "
        f"angkanya saja: 4.100.832.755; {FORMS}"
    ),
    "Rp. 2,75 M": (
        "anggaran 'Rp. 2,75 M' memakai 'Rp' dan singkatan 'M'; tulis angkanya saja dalam "
        f"rupiah penuh: 2.750.000.000; {FORMS}"
    ),
    "1,5 miliar": (
        "anggaran '1,5 miliar' memakai singkatan 'miliar'; tulis angkanya saja dalam rupiah "
        f"penuh: 1.500.000.000; {FORMS}"
    ),
    "250 jt": (
        "anggaran '250 jt' memakai singkatan 'jt'; tulis angkanya saja dalam rupiah penuh: "
        f"250.000.000; {FORMS}"
    ),
    "4,100,832,755": (
        "anggaran '4,100,832,755' memakai koma sebagai pemisah ribuan; tulis 4.100.832.755 "
        f"(titik sebagai pemisah ribuan); {FORMS}"
    ),
    "4 100 832 755": (
        "anggaran '4 100 832 755' memakai spasi sebagai pemisah ribuan; tulis 4.100.832.755; "
        f"{FORMS}"
    ),
    "1_000_000": (
        f"anggaran '1_000_000' memakai '_' sebagai pemisah ribuan; tulis 1.000.000; {FORMS}"
    ),
    '"5.000.000,-"': f"anggaran '5.000.000,-' diakhiri ',-'; tulis 5.000.000; {FORMS}",
    "1.500.000,50": (
        "anggaran '1.500.000,50' memuat sen; tulis rupiah penuh tanpa sen (hanya ',00' yang "
        f"boleh); {FORMS}"
    ),
    "4.10.832": (
        "anggaran '4.10.832' bukan rupiah penuh: titik hanya memisahkan ribuan (tepat tiga "
        f"angka sesudahnya) dan rupiah ditulis tanpa desimal; {FORMS}"
    ),
    "0155": f"anggaran '0155' diawali angka 0; tulis 155; {FORMS}",
    "1.0e+6": (
        "anggaran '1.0e+6' tidak dapat dibaca sebagai jumlah rupiah; tulis angkanya saja "
        f"dalam rupiah penuh; {FORMS}"
    ),
    "lima juta": (
        "anggaran 'lima juta' tidak dapat dibaca sebagai jumlah rupiah; tulis angkanya saja "
        f"dalam rupiah penuh; {FORMS}"
    ),
    "true": f"anggaran 'true' tidak dapat dibaca sebagai jumlah rupiah; tulis angkanya saja "
    f"dalam rupiah penuh; {FORMS}",
    '""': "anggaran tidak boleh kosong; tulis jumlah rupiahnya, misalnya 4.100.832.755",
    "": "anggaran tidak boleh kosong; tulis jumlah rupiahnya, misalnya 4.100.832.755",
    "1000000000000000": (
        "anggaran '1000000000000000' lebih dari 999.999.999.999.999 rupiah (hampir seribu "
        "triliun); periksa jumlah angkanya"
    ),
    "9" * 5000: (
        f"anggaran '{'9' * 37}...' lebih dari 999.999.999.999.999 rupiah (hampir seribu "
        "triliun); periksa jumlah angkanya"
    ),
}


def program_with(anggaran: str) -> str:
    return f"program:\n  - nama: Program Contoh\n    anggaran: {anggaran}\n"


@pytest.mark.parametrize(("written", "expected"), ACCEPTED.items(), ids=list(ACCEPTED))
def test_accepted_anggaran_is_read_as_whole_rupiah(
    written: str, expected: int, tmp_path: Path
) -> None:
    folder = write_year(tmp_path, program=program_with(written))

    year, report = load_year(folder)

    assert report.problems == []
    assert year is not None and [p.anggaran for p in year.program] == [expected]


@pytest.mark.parametrize(
    ("written", "message"), REFUSED.items(), ids=[k[:20] or "(kosong)" for k in REFUSED]
)
def test_refused_anggaran_is_located_and_says_what_to_write(
    written: str, message: str, tmp_path: Path
) -> None:
    folder = write_year(tmp_path, program=program_with(written))

    year, report = load_year(folder)

    column = 15 if written else 14  # an empty value sits right after the colon
    assert year is None
    assert [p.format(relative_to=folder) for p in report.sorted()] == [
        f"program.yaml:3:{column}: program[0].anggaran: {message}"
    ]


def test_the_parser_refuses_what_the_loader_refuses() -> None:
    assert parse_anggaran("4.100.832.755") == 4_100_832_755
    with pytest.raises(AnggaranTextError, match="bukan rupiah penuh"):
        parse_anggaran("155.2")
    with pytest.raises(AnggaranTextError, match="tidak boleh negatif"):
        check_amount(-1)
    assert check_amount(0) == 0


def test_anggaran_zero_is_accepted_with_a_warning(tmp_path: Path) -> None:
    folder = write_year(tmp_path, program=program_with("0"))

    year, report = load_year(folder)

    assert year is not None and year.jumlah_anggaran == 0
    assert [p.format(relative_to=folder) for p in report.sorted()] == [
        "program.yaml:3:15: program[0].anggaran: peringatan: anggaran program ini 0; isi "
        "anggarannya, atau hapus program ini bila tidak dilaksanakan tahun ini"
    ]


def test_a_missing_anggaran_is_named(tmp_path: Path) -> None:
    folder = write_year(tmp_path, program="program:\n  - nama: Program Contoh\n")

    _, report = load_year(folder)

    assert [p.format(relative_to=folder) for p in report.sorted()] == [
        "program.yaml:2:5: program[0].anggaran: kunci 'anggaran' wajib ada; tambahkan baris "
        "'anggaran: ...'"
    ]


def test_a_v1_year_without_program_yaml_stays_valid(tmp_path: Path) -> None:
    folder = write_year(tmp_path, dokumen=VALID_DOKUMEN)

    year, report = load_year(folder)

    assert report.problems == [] and year is not None
    assert year.program == () and year.jumlah_anggaran == 0
