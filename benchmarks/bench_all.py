"""Every speed aim of lampiran, measured side by side in one run, as ratios.

The machines this runs on are shared and noisy, so each figure is a ratio between
commands that take turns in the same rounds (:func:`bench_build.side_by_side`), and
the aims are ratios too:

1. 40 agencies (``content/<instansi>/2024``) with PDF in one ``lampiran build --pdf``
   call, against one bare LibreOffice call converting the same 40 .docx files
   (aim: 1.5x or less);
2. ``lampiran check`` of a year with 1000 indicators, against content/2024 (aim: 2x or
   less);
3. a cold ``lampiran build content/2024``, against the naive docxtpl script (aim: 0.7x
   or less), the minimal one (aim: 1.0x or less) and pandoc turning the same text from
   Markdown into a .docx (no aim; skipped when pandoc is not installed);
4. ``lampiran watch --pdf``: the time from saving a file to its new PDF, against a
   one-shot ``lampiran build --pdf`` of the same year (aim: under 1 s).

    .venv/bin/python benchmarks/bench_all.py [--runs 5] [--pdf-runs 3] [--saves 5] [--only N]

Needs LibreOffice for 1 and 4 (they are skipped without it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from bench_build import side_by_side

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content" / "2024"
AGENCIES = 40
SASARAN_IN_LARGE_YEAR = 40
INDICATORS_PER_SASARAN = 25


def lampiran(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "lampiran", *map(str, args)]


def median(times: list[float]) -> float:
    return statistics.median(times)


def line(label: str, seconds: float, base: float | None = None, aim: float | None = None) -> str:
    text = f"  {label:<58} {seconds:7.3f} s"
    if base is not None:
        ratio = seconds / base
        text += f"   {ratio:5.2f}x"
        if aim is not None:
            text += f"  (sasaran <= {aim:.2f}x: {'tercapai' if ratio <= aim else 'belum'})"
    return text


def make_agencies(root: Path, count: int) -> list[Path]:
    """``content/instansi-01/2024`` ... copies of content/2024."""
    folders = []
    for number in range(1, count + 1):
        folder = root / "content" / f"instansi-{number:02d}" / "2024"
        shutil.copytree(CONTENT, folder)
        folders.append(folder)
    return folders


def make_large_year(root: Path) -> Path:
    """A year of 40 sasaran with 25 indicators each (1000), from content/2024's first."""
    folder = root / "besar" / "2024"
    shutil.copytree(CONTENT, folder)
    sasaran = folder / "sasaran"
    first = sorted(sasaran.glob("*.yaml"))[0]
    text = first.read_text(encoding="utf-8")
    head, _, items = text.partition("indikator:\n")
    item = "  - nama:" + items.split("  - nama:")[1]
    for path in sasaran.glob("*.yaml"):
        path.unlink()
    for number in range(1, SASARAN_IN_LARGE_YEAR + 1):
        body = "".join(
            item.replace("nama: ", f"nama: {number}.{index} ", 1)
            for index in range(1, INDICATORS_PER_SASARAN + 1)
        )
        title = head.replace("sasaran: ", f"sasaran: {number}. ", 1)
        (sasaran / f"{number:02d}-sasaran.yaml").write_text(
            title + "indikator:\n" + body, encoding="utf-8"
        )
    return folder


def markdown_of(folder: Path, target: Path) -> Path:
    """The text of a year as Markdown with pipe tables: what pandoc gets to convert."""
    dokumen = yaml.safe_load((folder / "dokumen.yaml").read_text("utf-8"))
    lines = [
        f"# LAMPIRAN {dokumen.get('lampiran', 2)} PERJANJIAN KINERJA",
        "",
        dokumen["instansi"],
        "",
    ]
    for number, path in enumerate(sorted((folder / "sasaran").glob("*.yaml")), start=1):
        item = yaml.safe_load(path.read_text("utf-8"))
        lines += [f"## Penjelasan Kinerja {number}", "", item["sasaran"], "", item["uraian"], ""]
        lines += [
            "| No | Indikator | Relevansi | Formulasi | Sumber data |",
            "|---|---|---|---|---|",
        ]
        for index, row in enumerate(item["indikator"], start=1):
            cells = [
                str(index),
                row["nama"],
                row["relevansi"],
                row.get("formulasi") or "-",
                row.get("sumber_data") or "-",
            ]
            lines.append("| " + " | ".join(" ".join(str(c).split()) for c in cells) + " |")
        lines += ["", "| No | Indikator | Target | Penjelasan |", "|---|---|---|---|"]
        for index, row in enumerate(item["indikator"], start=1):
            cells = [str(index), row["nama"], str(row["target"]), row["penjelasan_target"]]
            lines.append("| " + " | ".join(" ".join(str(c).split()) for c in cells) + " |")
        lines.append("")
    target.write_text("\n".join(lines), encoding="utf-8")
    return target


def bench_many_agencies(work: Path, runs: int, soffice: str) -> list[str]:
    make_agencies(work, AGENCIES)
    staged = work / "docx"
    subprocess.run(
        lampiran("build", "-o", work / "dist-docx"), check=True, cwd=work, capture_output=True
    )
    staged.mkdir()
    for number, docx in enumerate(sorted((work / "dist-docx").rglob("*.docx")), start=1):
        shutil.copy(docx, staged / f"dokumen-{number:02d}.docx")
    profile = work / "profil-polos"
    bare = (
        f'rm -rf "{profile}" && exec "{soffice}" -env:UserInstallation={profile.as_uri()} '
        f'--headless --convert-to pdf --outdir "{work / "pdf-polos"}" "{staged}"/*.docx'
    )
    times = side_by_side(
        {
            "lampiran": lampiran("build", "--pdf", "-o", work / "dist-pdf"),
            "bare": ["sh", "-c", bare],
        },
        runs,
        cwd=work,
    )
    base = median(times["bare"])
    return [
        f"1. {AGENCIES} instansi dengan PDF (median {runs} kali):",
        line("satu panggilan LibreOffice polos untuk 40 .docx", base),
        line(
            f"lampiran build --pdf ({AGENCIES} instansi, satu perintah)",
            median(times["lampiran"]),
            base,
            1.5,
        ),
    ]


def bench_large_check(work: Path, runs: int) -> list[str]:
    large = make_large_year(work)
    times = side_by_side(
        {"2024": lampiran("check", CONTENT), "large": lampiran("check", large)}, runs
    )
    base = median(times["2024"])
    return [
        f"2. Pemeriksaan (median {runs} kali):",
        line("lampiran check content/2024 (3 indikator)", base),
        line("lampiran check, 1000 indikator", median(times["large"]), base, 2.0),
    ]


def bench_cold_build(work: Path, runs: int) -> list[str]:
    work.mkdir(parents=True)
    commands = {
        "lampiran": lampiran("build", CONTENT, "-o", work / "dist"),
        "naive": [
            sys.executable,
            str(ROOT / "benchmarks" / "naive_docxtpl.py"),
            str(CONTENT),
            str(work / "naive.docx"),
        ],
        "minimal": [
            sys.executable,
            str(ROOT / "benchmarks" / "minimal_docxtpl.py"),
            str(CONTENT),
            str(work / "minimal.docx"),
        ],
    }
    pandoc = shutil.which("pandoc")
    if pandoc:
        source = markdown_of(CONTENT, work / "isi.md")
        commands["pandoc"] = [pandoc, str(source), "-o", str(work / "pandoc.docx")]
    times = side_by_side(commands, runs)
    ours = median(times["lampiran"])
    lines = [
        f"3. Membuat dokumen Word, proses baru (median {runs} kali):",
        line("lampiran build content/2024", ours),
        line("skrip docxtpl naif (benchmarks/naive_docxtpl.py)", median(times["naive"])),
        line("skrip docxtpl minimal (benchmarks/minimal_docxtpl.py)", median(times["minimal"])),
        line("  lampiran / naif", ours, median(times["naive"]), 0.7),
        line("  lampiran / minimal", ours, median(times["minimal"]), 1.0),
    ]
    if pandoc:
        lines.append(line("pandoc isi.md -o .docx", median(times["pandoc"])))
        lines.append(line("  lampiran / pandoc", ours, median(times["pandoc"])))
    else:
        lines.append("  pandoc tidak terpasang; dilewati (apt-get install pandoc)")
    return lines


def bench_watch(work: Path, saves: int, runs: int) -> list[str]:
    folder = work / "pantau" / "content" / "2024"
    shutil.copytree(CONTENT, folder)
    root = folder.parent.parent
    one_shot = side_by_side(
        {"build": lampiran("build", "--pdf", folder, "-o", root / "sekali")}, runs
    )["build"]
    out = (root / "pantau.log").open("w")
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(work / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    process = subprocess.Popen(
        lampiran("watch", "--pdf", "--interval", "0.1", folder),
        cwd=root,
        stdout=out,
        stderr=subprocess.STDOUT,
        env=env,
        start_new_session=True,
    )
    pdf = root / "dist" / "lampiran-2-perjanjian-kinerja-2024.pdf"
    sasaran = sorted((folder / "sasaran").glob("*.yaml"))[0]
    latencies = []
    try:
        _wait(lambda: "Menunggu" in (root / "pantau.log").read_text(), 180)
        text = sasaran.read_text(encoding="utf-8")
        for number in range(saves):
            before = pdf.stat().st_mtime_ns
            changed = text.replace("99,99%", f"99,{number + 10}%")
            started = time.perf_counter()
            sasaran.write_text(changed, encoding="utf-8")
            _wait(_changed(pdf, before), 60)
            latencies.append(time.perf_counter() - started)
            time.sleep(0.3)
    finally:
        # SIGTERM, not SIGINT: a benchmark started in the background ignores SIGINT.
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        out.close()
    base = median(one_shot)
    return [
        f"4. Dari menyimpan berkas sampai PDF baru (median {saves} kali simpan):",
        line("lampiran build --pdf content/2024, sekali jalan", base),
        line("lampiran watch --pdf, LibreOffice tetap hidup", median(latencies), base),
        f"  {'sasaran: di bawah 1 detik':<58} {'tercapai' if median(latencies) < 1.0 else 'belum'}",
    ]


def _changed(path: Path, before: int) -> Callable[[], bool]:
    return lambda: path.stat().st_mtime_ns != before


def _wait(condition: Callable[[], bool], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("benchmark step did not finish")
        time.sleep(0.005)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="putaran untuk perintah cepat")
    parser.add_argument("--pdf-runs", type=int, default=3, help="putaran untuk PDF")
    parser.add_argument("--saves", type=int, default=5, help="berapa kali menyimpan (watch)")
    parser.add_argument(
        "--only", type=int, action="append", choices=[1, 2, 3, 4], help="hanya bagian ini"
    )
    options = parser.parse_args()
    parts = set(options.only or [1, 2, 3, 4])
    soffice = shutil.which("soffice")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU")
    with tempfile.TemporaryDirectory(prefix="lampiran-bench-") as name:
        work = Path(name)
        sections = []
        if soffice and 1 in parts:
            sections.append(bench_many_agencies(work / "banyak", options.pdf_runs, soffice))
        if 2 in parts:
            sections.append(bench_large_check(work / "besar", options.runs))
        if 3 in parts:
            sections.append(bench_cold_build(work / "dingin", options.runs))
        if soffice and 4 in parts:
            sections.append(bench_watch(work / "pantau", options.saves, options.pdf_runs))
        if not soffice:
            print("LibreOffice tidak terpasang: bagian 1 dan 4 dilewati.")
    for section in sections:
        print("\n".join(section))
    return 0


if __name__ == "__main__":
    sys.exit(main())
