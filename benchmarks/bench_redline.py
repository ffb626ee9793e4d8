"""How long the tracked-changes document of two 50-indicator years takes.

Two years of 10 sasaran with 5 indicators each, every indicator with several sentences
of prose and lists, and a next year edited the way staff edit it: every target, a
sentence in every uraian, bold added, two indicators added and one removed, one sasaran
moved, the signature date. Measured:

1. cold: ``lampiran diff 2024 2025 --format docx -o FILE`` as a whole new process (load
   and check both years, render the template twice, merge, write), the median of
   ``--runs`` runs after one warm-up; the aim is under one second;
2. in process: :func:`lampiran.writers.docx.redline.redline_years` alone, the median.

    .venv/bin/python benchmarks/bench_redline.py [--runs 9]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SASARAN = 10
INDIKATOR = 5


def sasaran_yaml(number: int, next_year: bool) -> str:
    lines = [
        f"sasaran: Meningkatnya Kinerja Urusan Nomor {number}",
        "uraian: |",
        f"  Sasaran {number} mengukur kinerja urusan pemerintahan daerah secara menyeluruh.",
        "  Tingkat capaian merupakan salah satu dimensi penilaian akuntabilitas kinerja.",
        "  Dasar hukum antara lain:",
        "  1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
        "  2. Peraturan Pemerintah Nomor 29 Tahun 2014 tentang SAKIP.",
        "indikator:",
    ]
    if next_year:
        lines[3] = lines[3].replace("salah satu dimensi", "dimensi **utama**")
    indicators = list(range(1, INDIKATOR + 1))
    if next_year and number == 3:
        indicators.remove(2)
    if next_year and number in (5, 8):
        indicators.append(9)
    for index in indicators:
        target = f"{80 + index},{number}0%" if not next_year else f"{81 + index},{number}5%"
        lines += [
            f"  - nama: Persentase Capaian Indikator {number}.{index}",
            "    relevansi: |",
            f"      Indikator {number}.{index} menggambarkan ketercapaian sasaran secara langsung.",
            "      Capaian diukur setiap triwulan oleh unit kerja:",
            "      - pengumpulan data;",
            "      - verifikasi data.",
            f"    formulasi: Jumlah capaian {index} / jumlah rencana X 100%",
            "    sumber_data: Laporan Realisasi Kinerja",
            f'    target: "{target}"',
            "    penjelasan_target: |",
            "      Target ditetapkan berdasarkan capaian tahun sebelumnya.",
            "      Target naik secara bertahap sesuai rencana strategis.",
        ]
    return "\n".join(lines) + "\n"


def write_years(root: Path) -> None:
    for tahun, next_year in ((2024, False), (2025, True)):
        folder = root / "content" / str(tahun)
        (folder / "sasaran").mkdir(parents=True)
        (folder / "dokumen.yaml").write_text(
            "instansi: Badan Contoh\n"
            f"tahun: {tahun}\n"
            "penandatangan:\n"
            "  tempat: Contoh\n"
            f"  tanggal: {tahun}-01-{30 if next_year else 31}\n"
            "  pihak_pertama:\n    nama: NAMA KEPALA\n    jabatan: Kepala Badan\n"
            "  pihak_kedua:\n    nama: NAMA BUPATI\n    jabatan: Bupati Contoh\n",
            encoding="utf-8",
        )
        for number in range(1, SASARAN + 1):
            order = number
            if next_year and number == 7:
                order = 0  # renamed to the front: a moved sasaran
            (folder / "sasaran" / f"{order:02d}-urusan-{number}.yaml").write_text(
                sasaran_yaml(number, next_year), encoding="utf-8"
            )


def cold_runs(command: list[str], cwd: Path, runs: int) -> list[float]:
    times = []
    for index in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=cwd)
        if index:
            times.append(time.perf_counter() - start)
    return times


def in_process(root: Path, runs: int) -> tuple[float, int]:
    from lampiran.content.loading import require_year
    from lampiran.writers.docx.redline import redline_years

    old, _ = require_year(root / "content" / "2024")
    new, _ = require_year(root / "content" / "2025")
    times, changes = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        changes = redline_years(old, new).changes
        times.append(time.perf_counter() - start)
    return statistics.median(times), changes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    options = parser.parse_args()
    executable = Path(sys.executable).parent / "lampiran"
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        write_years(root)
        command = [str(executable), "diff", "2024", "2025", "--format", "docx", "-o", "p.docx"]
        cold = cold_runs(command, root, options.runs)
        check = cold_runs([str(executable), "check", "content/2025"], root, options.runs)
        alone, changes = in_process(root, options.runs)
    indikator = SASARAN * INDIKATOR
    print(
        f"cold 'lampiran diff --format docx', {indikator} indicators per year "
        f"(median of {options.runs}): {statistics.median(cold):.3f} s (max {max(cold):.3f} s)"
    )
    print(
        f"cold 'lampiran check' of one such year (median of {options.runs}): "
        f"{statistics.median(check):.3f} s"
    )
    print(f"in-process redline_years: {alone * 1000:.0f} ms ({changes} revisions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
