"""A PK Perubahan reviewed against the original: programs and anggaran in ``lampiran diff``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import PK_2025, run_git, run_lampiran, write_year

ORIGINAL_PROGRAM = """\
program:
  - nama: Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota
    anggaran: 3.900.000.000
    keterangan: APBD
  - nama: Program Informasi dan Komunikasi Publik
    anggaran: 1589645600
    keterangan: APBD
  - nama: Program Aplikasi Informatika
    anggaran: 2.275.000.000
    keterangan: APBD
  - nama: Program Persandian
    anggaran: 125.000.000
"""


@pytest.fixture
def original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose committed content/2025 is the original PK, and whose working
    tree holds its Perubahan (the fixture): another head, other programs and amounts."""
    year = tmp_path / "content" / "2025"
    shutil.copytree(PK_2025, year)
    dokumen = year / "dokumen.yaml"
    revised = dokumen.read_text(encoding="utf-8")
    dokumen.write_text(
        revised.replace("perubahan: true\n", "").replace("    status: Plt.\n", ""),
        encoding="utf-8",
    )
    (year / "program.yaml").write_text(ORIGINAL_PROGRAM, encoding="utf-8")
    run_git(tmp_path, "init", "-q", "-b", "main")
    run_git(tmp_path, "add", "-A")
    run_git(tmp_path, "commit", "-q", "-m", "PK 2025")
    shutil.copy(PK_2025 / "dokumen.yaml", dokumen)
    shutil.copy(PK_2025 / "program.yaml", year / "program.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_perubahan_shows_every_program_and_amount_change(original: Path) -> None:
    outcome = run_lampiran("diff", "--rev", "main", "content/2025")

    assert outcome.code == 0, outcome.err
    assert outcome.out == (
        "Perubahan isi: main:content/2025 -> content/2025\n"
        "\n"
        "dokumen.yaml\n"
        "  penandatangan.pihak_pertama.status: (kosong) -> Plt.\n"
        "  perubahan: [-false-]{+true+}\n"
        "\n"
        "program.yaml\n"
        '  Program 1: "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"\n'
        "    anggaran: Rp3.900.000.000 -> Rp4.100.832.755 (naik Rp200.832.755)\n"
        '  Program 2: "Program Informasi & Komunikasi Publik"\n'
        "    nama: Program Informasi [-dan-]{+&+} Komunikasi Publik\n"
        '  Program 3: "Program Aplikasi Informatika"\n'
        "    keterangan: APBD{+ dan DAK+}\n"
        '  - Program 4 dihapus: "Program Persandian" (anggaran Rp125.000.000)\n'
        '  + Program 4 ditambah: "Program Pengelolaan Statistik Sektoral" '
        "(anggaran Rp350.500.000)\n"
        "  jumlah anggaran: Rp7.889.645.600 -> Rp8.315.978.355 (naik Rp426.332.755)\n"
        "\n"
        "Tidak berubah: 3 sasaran, 6 indikator, 6 target.\n"
    )


def test_json_gives_the_amounts_as_numbers_with_direction(original: Path) -> None:
    data = json.loads(run_lampiran("diff", "--rev", "main", "content/2025", "--format", "json").out)

    first = data["program"][0]
    assert first["status"] == "changed"
    assert first["changes"] == [
        {
            "field": "anggaran",
            "old": 3_900_000_000,
            "new": 4_100_832_755,
            "direction": "naik",
            "difference": 200_832_755,
        }
    ]
    assert [p["status"] for p in data["program"]] == [
        "changed",
        "changed",
        "changed",
        "removed",
        "added",
    ]
    assert data["jumlah_anggaran"] == {
        "old": 7_889_645_600,
        "new": 8_315_978_355,
        "direction": "naik",
        "difference": 426_332_755,
    }


def test_a_budget_cut_reads_turun(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = "program:\n  - nama: Program A\n    anggaran: {}\n"
    write_year(tmp_path, program=one.format("2.000.000"))
    write_year(
        tmp_path,
        dokumen="instansi: Badan Contoh\ntahun: 2025\n",
        year="2025",
        program=one.format("1.500.000"),
    )
    monkeypatch.chdir(tmp_path)

    outcome = run_lampiran("diff", "2024", "2025", "--format", "markdown", "--exit-code")

    lines = outcome.out.splitlines()
    assert outcome.code == 1
    assert lines[lines.index("#### program.yaml") :][:5] == [
        "#### program.yaml",
        "",
        '- **Program 1: "Program A"**',
        "  - **anggaran**: Rp2.000.000 → Rp1.500.000 (turun Rp500.000)",
        "- **jumlah anggaran**: Rp2.000.000 → Rp1.500.000 (turun Rp500.000)",
    ]


def test_years_without_programs_show_no_program_section(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_year(tmp_path)
    write_year(tmp_path, dokumen="instansi: Badan Contoh\ntahun: 2025\n", year="2025")
    monkeypatch.chdir(tmp_path)

    outcome = run_lampiran("diff", "2024", "2025", "--format", "json")

    assert "program.yaml" not in run_lampiran("diff", "2024", "2025").out
    assert json.loads(outcome.out)["program"] == []
    assert json.loads(outcome.out)["jumlah_anggaran"] is None
