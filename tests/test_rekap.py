"""``lampiran rekap``: every agency's sasaran, indikator and targets in one workbook or CSV.

The workbook is read back with openpyxl (values, types, the totals sheet), the CSV with
the csv module; the same content gives the same bytes at any time of day.
"""

from __future__ import annotations

import csv
import io
import time
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from conftest import VALID_DOKUMEN, run_lampiran
from lampiran.rekap import COLUMNS

SASARAN = """\
sasaran: Meningkatnya Disiplin Aparatur
uraian: Uraian.
indikator:
  - nama: Cakupan ASN yang tidak dijatuhi hukuman disiplin
    relevansi: Relevansi.
    target: 99,99%
    penjelasan_target: Penjelasan.
  - nama: Opini BPK atas laporan keuangan
    relevansi: Relevansi.
    target: WTP
    penjelasan_target: Penjelasan.
"""

KEDUA = """\
sasaran: Meningkatnya Kualitas Layanan
uraian: Uraian.
indikator:
  - nama: Angka kematian ibu
    relevansi: Relevansi.
    target: 90 per 100.000 KH
    penjelasan_target: Penjelasan.
  - nama: Indeks kepuasan masyarakat
    relevansi: Relevansi.
    target: 83.50
    penjelasan_target: Penjelasan.
"""


PROGRAM = """\
program:
  - nama: Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota
    anggaran: 4.100.832.755
    keterangan: APBD
  - nama: Program Pemenuhan Upaya Kesehatan
    anggaran: 1589645600
"""


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two agencies in 2025: bkpsdm (one sasaran) and dinkes (two)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    agencies = {
        "bkpsdm": ("Badan Kepegawaian", {"01-disiplin.yaml": SASARAN}),
        "dinkes": ("Dinas Kesehatan", {"01-disiplin.yaml": SASARAN, "02-layanan.yaml": KEDUA}),
    }
    for name, (instansi, files) in agencies.items():
        folder = tmp_path / "content" / name / "2025"
        (folder / "sasaran").mkdir(parents=True)
        dokumen = VALID_DOKUMEN.replace("Badan Contoh", instansi).replace("2024", "2025")
        (folder / "dokumen.yaml").write_text(dokumen, encoding="utf-8")
        for file, text in files.items():
            (folder / "sasaran" / file).write_text(text, encoding="utf-8")
    program = tmp_path / "content" / "dinkes" / "2025" / "program.yaml"
    program.write_text(PROGRAM, encoding="utf-8")
    return tmp_path


def test_rekap_of_every_agency_reads_back_with_numbers_units_and_totals(
    workspace: Path,
) -> None:
    outcome = run_lampiran("rekap", "content/*/2025", "-o", "rekap-2025.xlsx")

    assert (outcome.code, outcome.err) == (0, "")
    assert outcome.out == (
        "rekap-2025.xlsx ditulis: 2 instansi, 3 sasaran, 6 indikator, 2 program.\n"
    )
    workbook = openpyxl.load_workbook(workspace / "rekap-2025.xlsx")
    assert workbook.sheetnames == ["Rekap", "Jumlah"]
    rows = list(workbook["Rekap"].iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    assert rows[1:] == [
        (
            "bkpsdm",
            "Badan Kepegawaian",
            2025,
            1,
            "Meningkatnya Disiplin Aparatur",
            1,
            "Cakupan ASN yang tidak dijatuhi hukuman disiplin",
            "99,99%",
            99.99,
            "%",
            None,
            None,
            None,
        ),
        (
            "bkpsdm",
            "Badan Kepegawaian",
            2025,
            1,
            "Meningkatnya Disiplin Aparatur",
            2,
            "Opini BPK atas laporan keuangan",
            "WTP",
            None,
            None,
            None,
            None,
            None,
        ),
        (
            "dinkes",
            "Dinas Kesehatan",
            2025,
            1,
            "Meningkatnya Disiplin Aparatur",
            1,
            "Cakupan ASN yang tidak dijatuhi hukuman disiplin",
            "99,99%",
            99.99,
            "%",
            None,
            None,
            None,
        ),
        (
            "dinkes",
            "Dinas Kesehatan",
            2025,
            1,
            "Meningkatnya Disiplin Aparatur",
            2,
            "Opini BPK atas laporan keuangan",
            "WTP",
            None,
            None,
            None,
            None,
            None,
        ),
        (
            "dinkes",
            "Dinas Kesehatan",
            2025,
            2,
            "Meningkatnya Kualitas Layanan",
            1,
            "Angka kematian ibu",
            "90 per 100.000 KH",
            90,
            "per 100.000 KH",
            None,
            None,
            None,
        ),
        (
            "dinkes",
            "Dinas Kesehatan",
            2025,
            2,
            "Meningkatnya Kualitas Layanan",
            2,
            "Indeks kepuasan masyarakat",
            "83,50",
            83.5,
            None,
            None,
            None,
            None,
        ),
        (
            "dinkes",
            "Dinas Kesehatan",
            2025,
            *[None] * 7,
            "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
            4100832755,
            "APBD",
        ),
        (
            "dinkes",
            "Dinas Kesehatan",
            2025,
            *[None] * 7,
            "Program Pemenuhan Upaya Kesehatan",
            1589645600,
            None,
        ),
        ("Jumlah", *[None] * 10, 5690478355, None),
    ]
    assert list(workbook["Jumlah"].iter_rows(values_only=True)) == [
        (
            "Instansi",
            "Nama instansi",
            "Tahun",
            "Jumlah sasaran",
            "Jumlah indikator",
            "Target berupa angka",
            "Jumlah program",
            "Jumlah anggaran (Rp)",
        ),
        ("bkpsdm", "Badan Kepegawaian", 2025, 1, 2, 1, 0, 0),
        ("dinkes", "Dinas Kesehatan", 2025, 2, 4, 3, 2, 5690478355),
        ("Jumlah", "2 instansi", None, 3, 6, 4, 2, 5690478355),
    ]
    sheet = workbook["Rekap"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:M9"
    assert sheet["L8"].number_format == "#,##0"
    properties = workbook.properties
    assert (properties.creator, properties.title) == ("lampiran", "Rekap Perjanjian Kinerja")
    assert properties.created == properties.modified
    assert properties.created.year == 2025  # 1 January of the year: no signing date


def test_rekap_is_the_same_bytes_at_another_time(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run_lampiran("rekap", "-o", "pertama.xlsx")
    later = time.time() + 86_400 + 3_600
    monkeypatch.setattr(time, "time", lambda: later)
    second = run_lampiran("rekap", "-o", "kedua.xlsx")

    assert (first.code, second.code) == (0, 0)
    assert (workspace / "pertama.xlsx").read_bytes() == (workspace / "kedua.xlsx").read_bytes()


def test_rekap_as_csv_by_extension_or_option(workspace: Path) -> None:
    by_name = run_lampiran("rekap", "-o", "rekap.csv")
    by_option = run_lampiran("rekap", "--format", "csv", "-o", "rekap.txt")

    assert (by_name.code, by_option.code) == (0, 0)
    data = (workspace / "rekap.csv").read_bytes()
    assert data == (workspace / "rekap.txt").read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == list(COLUMNS)
    assert rows[1] == [
        "bkpsdm",
        "Badan Kepegawaian",
        "2025",
        "1",
        "Meningkatnya Disiplin Aparatur",
        "1",
        "Cakupan ASN yang tidak dijatuhi hukuman disiplin",
        "99,99%",
        "99.99",
        "%",
        "",
        "",
        "",
    ]
    assert rows[2][7:10] == ["WTP", "", ""]
    assert rows[6][7:10] == ["83,50", "83.50", ""]
    assert rows[7] == [
        "dinkes",
        "Dinas Kesehatan",
        "2025",
        *[""] * 7,
        "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
        "4100832755",
        "APBD",
    ]
    assert len(rows) == 9


def test_rekap_without_a_name_is_named_after_the_year(workspace: Path) -> None:
    outcome = run_lampiran("rekap")

    assert outcome.code == 0
    assert Decimal(str(openpyxl.load_workbook("rekap-2025.xlsx")["Rekap"]["I2"].value)) == (
        Decimal("99.99")
    )


def test_rekap_of_broken_content_shows_the_problems_and_writes_nothing(workspace: Path) -> None:
    dokumen = workspace / "content" / "dinkes" / "2025" / "dokumen.yaml"
    dokumen.write_text("instansi: Dinas Kesehatan\ntahun: 2024\n", encoding="utf-8")

    outcome = run_lampiran("rekap", "-o", "rekap.xlsx")

    assert outcome.code == 1
    assert outcome.out.splitlines() == [
        "content/dinkes/2025/dokumen.yaml:2:8: tahun: tahun 2024 tidak sama dengan nama "
        "folder '2025'; samakan keduanya (tahun: 2025)",
        "1 kesalahan, 0 peringatan",
    ]
    assert not (workspace / "rekap.xlsx").exists()


def test_rekap_to_an_unknown_kind_of_file_is_a_usage_mistake(workspace: Path) -> None:
    outcome = run_lampiran("rekap", "-o", "rekap.ods")

    assert (outcome.code, outcome.err) == (
        2,
        "Galat: akhiran 'rekap.ods' tidak dikenal; akhiri nama berkasnya dengan .xlsx atau "
        ".csv, atau sebutkan --format xlsx\n",
    )
    assert list(workspace.glob("rekap*")) == []
