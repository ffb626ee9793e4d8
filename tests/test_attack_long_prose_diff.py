"""Attack: ``lampiran diff`` of very long prose must take about linear time.

Comparing prose character by character over whole sentences took time growing with the
square of their length: a uraian of 1000 lines without sentence punctuation (one
"sentence" as long as the field) with 30% of its lines edited took more than three
minutes. The bounds below are generous (the old code needed many minutes for each
case); ``benchmarks/bench_diff.py`` measures the growth itself.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import run_lampiran, write_year

WORDS = [
    "kinerja",
    "aparatur",
    "disiplin",
    "pelayanan",
    "daerah",
    "target",
    "indikator",
    "capaian",
    "program",
    "kegiatan",
    "anggaran",
    "laporan",
    "evaluasi",
    "perencanaan",
    "pembangunan",
    "masyarakat",
    "pegawai",
    "organisasi",
    "yang",
    "dan",
]
BOUND_SECONDS = 10
LINES = 1000
"""As long as a prose field may be (100,000 characters): 1000 lines of ten words."""

Years = Callable[[str, str], None]


def lines(count: int, seed: int = 1) -> list[str]:
    """``count`` lowercase lines of ten words, without sentence punctuation."""
    pick = random.Random(seed)
    return [" ".join(pick.choice(WORDS) for _ in range(10)) for _ in range(count)]


def edit_every_third_of_ten(text_lines: list[str]) -> tuple[list[str], int]:
    """The lines with 30% of them edited (a word added), and how many were edited."""
    edited = [
        f"{line} diubah{n}" if n % 10 in (1, 4, 7) else line for n, line in enumerate(text_lines)
    ]
    return edited, sum(1 for n in range(len(text_lines)) if n % 10 in (1, 4, 7))


def sasaran_file(
    uraian: list[str], nama: str = "Nilai SAKIP", relevansi: str = "Relevansi."
) -> str:
    body = "".join(f"  {line}\n" for line in uraian)
    relevansi_body = "".join(f"      {line}\n" for line in relevansi.splitlines())
    return (
        f"sasaran: Meningkatnya Disiplin Aparatur\nuraian: |\n{body}indikator:\n"
        f"  - nama: {nama}\n    relevansi: |\n{relevansi_body}"
        "    target: 99%\n    penjelasan_target: Penjelasan target.\n"
    )


@pytest.fixture
def years(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Years:
    """``years(old, new)`` writes content/2024 and content/2025 with one sasaran each."""

    def write(old: str, new: str) -> None:
        write_year(tmp_path, year="2024", sasaran={"01-disiplin.yaml": old})
        write_year(
            tmp_path,
            year="2025",
            sasaran={"01-disiplin.yaml": new},
            dokumen="instansi: Badan Contoh\ntahun: 2025\n",
        )
        monkeypatch.chdir(tmp_path)

    return write


def timed_diff(*args: str) -> tuple[float, str, int]:
    start = time.perf_counter()
    result = run_lampiran("diff", *args)
    return time.perf_counter() - start, result.out, result.code


def test_a_long_uraian_without_punctuation_is_compared_line_by_line_in_linear_time(
    years: Years,
) -> None:
    old = lines(LINES)
    new, edited = edit_every_third_of_ten(old)
    years(sasaran_file(old), sasaran_file(new))

    seconds, out, code = timed_diff()

    assert code == 0
    assert seconds < BOUND_SECONDS
    changed = [line for line in out.splitlines() if line.startswith("    ~ ")]
    assert len(changed) == edited == 3 * LINES // 10
    assert changed[0] == f"    ~ {old[1]}{{+ diubah1+}}"


def test_one_enormous_line_is_shown_replaced_between_its_unchanged_ends(
    years: Years,
) -> None:
    words = " ".join(lines(LINES)).split()
    edited = [*words[:50], "diubah", *words[50:-50], "juga", *words[-50:]]
    years(sasaran_file([" ".join(words)]), sasaran_file([" ".join(edited)]))

    seconds, out, code = timed_diff("--format", "json")

    assert code == 0
    assert seconds < BOUND_SECONDS
    (prose,) = json.loads(out)["sasaran"][0]["changes"]
    assert prose["field"] == "uraian"
    (change,) = prose["sentences"]
    assert [op["kind"] for op in change["words"]] == ["same", "removed", "added", "same"]
    assert change["words"][0]["text"] == " ".join(words[:50]) + " "
    assert change["words"][-1]["text"] == " " + " ".join(words[-50:])


def test_a_renamed_indicator_with_a_long_relevansi_is_still_a_rename(
    years: Years,
) -> None:
    relevansi = [line.capitalize() + "." for line in lines(LINES, seed=2)]
    edited_relevansi, _ = edit_every_third_of_ten(relevansi)
    years(
        sasaran_file(["Uraian."], "Nilai SAKIP", "\n".join(relevansi)),
        sasaran_file(["Uraian."], "Ukuran lain sama sekali", "\n".join(edited_relevansi)),
    )

    seconds, out, code = timed_diff("--format", "json")

    assert code == 0
    assert seconds < BOUND_SECONDS
    (item,) = json.loads(out)["sasaran"][0]["indikator"]
    assert item["status"] == "changed" and item["renamed"] is True
