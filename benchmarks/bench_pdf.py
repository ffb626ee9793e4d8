"""How long PDF export takes: one document, and ten years converted in one LibreOffice run.

LibreOffice's start-up (with a fresh private profile, as every run here has) dominates
the time of one PDF; converting many documents in one call pays it once. This measures
both on copies of content/2024, so the figures in the README can be re-made with::

    .venv/bin/python benchmarks/bench_pdf.py [--repeat 3] [--years 10]

Each figure is the median of ``--repeat`` runs; the .docx are built before timing.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from lampiran.build import build_years
from lampiran.writers.pdf import convert_to_pdf, find_soffice

REPO_ROOT = Path(__file__).resolve().parent.parent
CONTENT_2024 = REPO_ROOT / "content" / "2024"


def make_years(root: Path, count: int) -> list[Path]:
    """``count`` year folders (2024, 2025, ...) under ``root``, copies of content/2024."""
    folders = []
    for tahun in range(2024, 2024 + count):
        folder = root / "content" / str(tahun)
        shutil.copytree(CONTENT_2024, folder)
        dokumen = folder / "dokumen.yaml"
        text = dokumen.read_text(encoding="utf-8")
        dokumen.write_text(re.sub(r"(?m)^tahun: 2024$", f"tahun: {tahun}", text), encoding="utf-8")
        folders.append(folder)
    return folders


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description="Ukur lama pembuatan PDF.")
    parser.add_argument("--repeat", type=int, default=3, help="jumlah ulangan (median)")
    parser.add_argument("--years", type=int, default=10, help="jumlah tahun sekali jalan")
    args = parser.parse_args()

    soffice = find_soffice()
    version = subprocess.run(
        [str(soffice), "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="lampiran-bench-pdf-") as name:
        root = Path(name)
        folders = make_years(root, args.years)
        docx = build_years(folders, root / "dist").documents

        one = median_seconds(lambda: convert_to_pdf(docx[:1]), args.repeat)
        one_pdfa = median_seconds(lambda: convert_to_pdf(docx[:1], pdfa=True), args.repeat)
        many = median_seconds(lambda: convert_to_pdf(docx), args.repeat)
        command = [
            sys.executable,
            "-m",
            "lampiran",
            "build",
            str(folders[0]),
            "-o",
            str(root / "cli"),
            "--pdf",
        ]
        cli = median_seconds(
            lambda: subprocess.run(command, check=True, capture_output=True), args.repeat
        )

    print(f"LibreOffice: {version} ({soffice})")
    print(f"median dari {args.repeat} kali:")
    rows = [
        ("1 PDF (content/2024)", one),
        ("1 PDF/A-2b (content/2024)", one_pdfa),
        (f"{args.years} PDF sekali jalan LibreOffice", many),
        ("lampiran build content/2024 --pdf", cli),
    ]
    for label, seconds in rows:
        print(f"  {label:<36}: {seconds:6.2f} s")
    print(
        f"  {'per dokumen, ' + str(args.years) + ' sekali jalan':<36}: {many / args.years:6.2f} s"
    )


if __name__ == "__main__":
    main()
