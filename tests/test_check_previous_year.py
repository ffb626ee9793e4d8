"""What a reviewer would flag against the year before: warnings, never errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import VALID_DOKUMEN, VALID_SASARAN, run_lampiran, write_year
from lampiran.content.loading import load_year

DOKUMEN_2025 = VALID_DOKUMEN.replace("tahun: 2024", "tahun: 2025")


def programs(*amounts: str) -> str:
    items = "".join(
        f"  - nama: Program {n}\n    anggaran: {amount}\n" for n, amount in enumerate(amounts, 1)
    )
    return f"program:\n{items}"


def two_years(root: Path, old: str, new: str, **new_files: object) -> Path:
    write_year(root, program=old)
    return write_year(root, dokumen=DOKUMEN_2025, year="2025", program=new, **new_files)  # type: ignore[arg-type]


def warnings_of(folder: Path) -> list[str]:
    year, report = load_year(folder)
    assert year is not None, report.problems
    return [p.format(relative_to=folder.parent) for p in report.sorted()]


def test_a_total_that_more_than_doubled_is_flagged(tmp_path: Path) -> None:
    folder = two_years(
        tmp_path, programs("3.000.000.000", "1.000.000.000"), programs("9.000.000.000", "0")
    )

    assert warnings_of(folder) == [
        "2025/program.yaml:2:3: program: peringatan: jumlah anggaran Rp9.000.000.000 naik 125% "
        "dibanding tahun 2024 (Rp4.000.000.000); periksa apakah ada angka nol yang kurang atau "
        "berlebih",
        "2025/program.yaml:5:15: program[1].anggaran: peringatan: anggaran program ini 0; isi "
        "anggarannya, atau hapus program ini bila tidak dilaksanakan tahun ini",
    ]


def test_a_total_cut_by_more_than_half_is_flagged(tmp_path: Path) -> None:
    folder = two_years(tmp_path, programs("4.100.832.755"), programs("410.083.275"))

    assert warnings_of(folder) == [
        "2025/program.yaml:2:3: program: peringatan: jumlah anggaran Rp410.083.275 turun 90% "
        "dibanding tahun 2024 (Rp4.100.832.755); periksa apakah ada angka nol yang kurang atau "
        "berlebih"
    ]


@pytest.mark.parametrize("new", ["6.000.000.000", "2.000.000.000", "4.000.000.001"])
def test_a_total_within_half_of_last_year_is_not_flagged(tmp_path: Path, new: str) -> None:
    folder = two_years(tmp_path, programs("4.000.000.000"), programs(new))

    assert warnings_of(folder) == []


def test_a_target_that_lost_its_unit_is_flagged(tmp_path: Path) -> None:
    old = VALID_SASARAN.replace("target: 99,99%", "target: 70 Indeks")
    write_year(tmp_path, sasaran={"01-disiplin.yaml": old})
    folder = write_year(
        tmp_path,
        dokumen=DOKUMEN_2025,
        year="2025",
        sasaran={
            "01-disiplin.yaml": VALID_SASARAN.replace("target: 99,99%", "target: 72"),
        },
    )

    assert warnings_of(folder) == [
        "2025/sasaran/01-disiplin.yaml:10:13: indikator[0].target: peringatan: target '72' "
        "tanpa satuan, padahal tahun 2024 ditulis '70 Indeks'; tulis satuannya ('72 Indeks') "
        "bila memang sama"
    ]


def test_a_percentage_that_lost_its_sign_is_flagged_without_a_space(tmp_path: Path) -> None:
    write_year(tmp_path)
    folder = write_year(
        tmp_path,
        dokumen=DOKUMEN_2025,
        year="2025",
        sasaran={"01-disiplin.yaml": VALID_SASARAN.replace("target: 99,99%", 'target: "99,99"')},
    )

    assert warnings_of(folder)[0].endswith(
        "target '99,99' tanpa satuan, padahal tahun 2024 ditulis '99,99%'; tulis satuannya "
        "('99,99%') bila memang sama"
    )


def test_a_target_that_changed_its_unit_or_was_never_a_number_is_not_flagged(
    tmp_path: Path,
) -> None:
    old = VALID_SASARAN.replace("target: 99,99%", "target: WTP")
    write_year(tmp_path, sasaran={"01-disiplin.yaml": old})
    folder = write_year(tmp_path, dokumen=DOKUMEN_2025, year="2025")

    assert warnings_of(folder) == []


def test_without_a_year_before_nothing_is_compared(tmp_path: Path) -> None:
    folder = write_year(tmp_path, dokumen=DOKUMEN_2025, year="2025", program=programs("1"))

    assert warnings_of(folder) == []


def test_a_broken_year_before_is_not_compared_and_not_reported(tmp_path: Path) -> None:
    write_year(tmp_path, dokumen="instansi: [", program=programs("1"))
    folder = write_year(tmp_path, dokumen=DOKUMEN_2025, year="2025", program=programs("9.000"))

    assert warnings_of(folder) == []


def test_a_year_before_that_is_a_link_is_not_followed(tmp_path: Path) -> None:
    elsewhere = write_year(tmp_path / "lain", program=programs("1"))
    folder = write_year(tmp_path, dokumen=DOKUMEN_2025, year="2025", program=programs("9.000"))
    os.symlink(elsewhere, folder.parent / "2024")

    assert warnings_of(folder) == []


def test_check_prints_the_warnings_and_exits_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    two_years(tmp_path, programs("1.000.000"), programs("100.000.000"))
    monkeypatch.chdir(tmp_path)

    outcome = run_lampiran("check", "content/2025")

    assert outcome.code == 0
    assert outcome.out == (
        "content/2025: 1 sasaran, 1 indikator, 1 program diperiksa.\n"
        "content/2025/program.yaml:2:3: program: peringatan: jumlah anggaran Rp100.000.000 "
        "naik 9900% dibanding tahun 2024 (Rp1.000.000); periksa apakah ada angka nol yang "
        "kurang atau berlebih\n"
        "0 kesalahan, 1 peringatan\n"
    )
