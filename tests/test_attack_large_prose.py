"""Attack: huge or pathological prose made the build super-linear.

A 5 MB uraian took 33 s and 918 MB to build, and 100,000 backslashes took 14 s to
parse. A prose field over 100,000 characters (a one-line value over 2,000) is refused
with a located message; within the limits, parsing grows linearly.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from conftest import VALID_DOKUMEN, run_lampiran, write_year
from lampiran.blocks import Paragraph, Text
from lampiran.text.markdown import parse_prose

GENEROUS_SECONDS = 5.0
"""Far above what linear work takes here (hundredths of a second), far below the old times."""


def sasaran_with(uraian: str, nama: str = "Indikator") -> str:
    body = uraian.replace("\n", "\n  ")
    return (
        "sasaran: Sasaran\n"
        "uraian: |\n"
        f"  {body}\n"
        "indikator:\n"
        f"  - nama: {nama}\n"
        "    relevansi: Relevansi.\n"
        "    target: 90%\n"
        "    penjelasan_target: Penjelasan.\n"
    )


def test_an_uraian_of_a_megabyte_is_refused_at_its_place_and_nothing_is_built(
    tmp_path: Path,
) -> None:
    uraian = "Kalimat uraian yang tertempel berulang kali. " * 22_000
    folder = write_year(tmp_path, VALID_DOKUMEN, {"01-a.yaml": sasaran_with(uraian)})

    built = run_lampiran("build", str(folder), "-o", str(tmp_path / "dist"))

    assert built.code == 1
    assert (
        "sasaran/01-a.yaml:2:9: uraian: teks ini 989.999 karakter, lebih panjang dari batas "
        "100.000 karakter; periksa apakah ada teks yang tertempel berulang, atau ringkas "
        "uraiannya"
    ) in built.out
    assert not (tmp_path / "dist").exists()


def test_a_one_line_value_over_two_thousand_characters_is_refused(tmp_path: Path) -> None:
    folder = write_year(tmp_path, VALID_DOKUMEN, {"01-a.yaml": sasaran_with("Uraian.", "N" * 2001)})

    checked = run_lampiran("check", str(folder))

    assert checked.code == 1
    assert "indikator[0].nama: teks ini 2.001 karakter, lebih panjang dari batas 2.000" in (
        checked.out
    )


def test_a_target_over_two_thousand_characters_is_refused(tmp_path: Path) -> None:
    sasaran = sasaran_with("Uraian.").replace("target: 90%", f"target: {'9' * 2001}%")
    folder = write_year(tmp_path, VALID_DOKUMEN, {"01-a.yaml": sasaran})

    checked = run_lampiran("check", str(folder))

    assert checked.code == 1
    assert "indikator[0].target: teks ini 2.002 karakter, lebih panjang dari batas 2.000" in (
        checked.out
    )


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("\\\\" * 100_000, "\\" * 100_000),
        ("\\*" * 100_000, "*" * 100_000),
        ("a\\b " * 50_000, ("a\\b " * 50_000).strip()),
    ],
)
def test_backslashes_parse_in_linear_time_and_print_as_escaped(text: str, printed: str) -> None:
    start = time.perf_counter()
    (paragraph,) = parse_prose(text)
    elapsed = time.perf_counter() - start

    assert isinstance(paragraph, Paragraph)
    assert paragraph.runs == (Text(printed),)
    assert elapsed < GENEROUS_SECONDS


def test_escapes_keep_their_markdown_meaning() -> None:
    assert parse_prose("\\- bukan butir") == (Paragraph((Text("- bukan butir"),)),)
    assert parse_prose("1\\. bukan nomor") == (Paragraph((Text("1. bukan nomor"),)),)
    assert parse_prose("\\*bukan miring\\*") == (Paragraph((Text("*bukan miring*"),)),)
    assert parse_prose("C:\\data\\laporan") == (Paragraph((Text("C:\\data\\laporan"),)),)
