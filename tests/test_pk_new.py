"""``lampiran new`` from a PK Perubahan: budgets and the perubahan flag are named for review."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import PK_2025, run_lampiran


def test_new_year_lists_each_copied_anggaran_and_the_copied_perubahan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(PK_2025, tmp_path / "content" / "2025")
    monkeypatch.chdir(tmp_path)

    outcome = run_lampiran("new")

    lines = outcome.out.splitlines()
    start = lines.index("5. Anggaran: 4 program masih memakai anggaran 2025.")
    assert outcome.code == 0, outcome.err
    assert lines[start : start + 7] == [
        "5. Anggaran: 4 program masih memakai anggaran 2025.",
        "   content/2026/program.yaml:4: Rp4.100.832.755 — Program Penunjang Urusan "
        "Pemerintahan Daerah Kabupaten/Kota",
        "   content/2026/program.yaml:7: Rp1.589.645.600 — Program Informasi & Komunikasi Publik",
        "   content/2026/program.yaml:10: Rp2.275.000.000 — Program Aplikasi Informatika",
        "   content/2026/program.yaml:13: Rp350.500.000 — Program Pengelolaan Statistik Sektoral",
        "6. PK Perubahan:",
        "   content/2026/dokumen.yaml:6: perubahan: true tersalin dari PK Perubahan; PK tahun "
        "baru biasanya bukan PK Perubahan, jadi ubah menjadi false atau hapus baris itu",
    ]
    assert (
        "   content/2026/dokumen.yaml:11: Ir. NAMA PELAKSANA TUGAS, M.T. (Plt. Kepala Dinas "
        "Komunikasi dan Informatika, Pembina Tingkat I, NIP 19750505 200003 1 002)"
    ) in lines
    copied = (tmp_path / "content" / "2026" / "program.yaml").read_bytes()
    assert copied == (PK_2025 / "program.yaml").read_bytes()
