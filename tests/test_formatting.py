"""Indonesian numbers in words, dates and NIP as the appendix prints them."""

from __future__ import annotations

import datetime

import pytest

from lampiran.text.formatting import format_nip, tanggal_indonesia, terbilang


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (1, "satu"),
        (2, "dua"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (21, "dua puluh satu"),
        (100, "seratus"),
    ],
)
def test_terbilang_gives_indonesian_words(number: int, words: str) -> None:
    assert terbilang(number) == words


@pytest.mark.parametrize("value", [1.0, "3", True, -1])
def test_terbilang_refuses_anything_but_a_whole_number(value: object) -> None:
    with pytest.raises(ValueError, match="terbilang"):
        terbilang(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("date", "text"),
    [
        (datetime.date(2024, 1, 31), "31 Januari 2024"),
        (datetime.date(2024, 8, 5), "5 Agustus 2024"),
        (datetime.date(2025, 12, 1), "1 Desember 2025"),
    ],
)
def test_dates_are_written_the_indonesian_way(date: datetime.date, text: str) -> None:
    assert tanggal_indonesia(date) == text


@pytest.mark.parametrize(
    "nip", ["197001011990031001", "19700101 199003 1 001", "1970 0101 1990 0310 01"]
)
def test_nip_is_spaced_8_6_1_3(nip: str) -> None:
    assert format_nip(nip) == "19700101 199003 1 001"
