"""Benchmark of ``lampiran diff`` on long prose: the time must grow about linearly.

A uraian of N lines without sentence punctuation, lowercase (so that every line
continues the sentence before it), with 30% of the lines edited, is compared with its
edited copy, as ``lampiran diff`` does (loading both years, comparing, formatting the
text output). A second case writes one capitalised sentence per line. For each size the
time is printed with its ratio to the previous size: for linear growth the ratio follows
the ratio of sizes (10x, 2x, 5x), for quadratic growth its square.

    .venv/bin/python benchmarks/bench_diff.py [--sizes 50 500 1000 5000] [--case both]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

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
    "peningkatan",
    "kualitas",
    "sumber",
    "daya",
    "manusia",
    "yang",
    "dan",
    "untuk",
    "dengan",
    "pada",
    "dalam",
    "secara",
    "terhadap",
    "melalui",
    "sesuai",
    "ketentuan",
    "peraturan",
    "pemerintah",
    "kabupaten",
    "tahun",
    "berjalan",
]


def uraian_lines(count: int, capitalised: bool, seed: int = 1) -> list[str]:
    """``count`` lines of ten words; capitalised lines each start a new sentence."""
    pick = random.Random(seed)
    lines = []
    for _ in range(count):
        words = [pick.choice(WORDS) for _ in range(10)]
        line = " ".join(words)
        lines.append(line[0].upper() + line[1:] + "." if capitalised else line)
    return lines


def edited(lines: list[str], share: float = 0.3, seed: int = 2) -> list[str]:
    """The lines with ``share`` of them changed: one word replaced, one word added."""
    pick = random.Random(seed)
    result = []
    for line in lines:
        if pick.random() < share:
            words = line.split(" ")
            words[pick.randrange(len(words))] = pick.choice(WORDS)
            words.insert(pick.randrange(len(words)), "diubah")
            line = " ".join(words)
        result.append(line)
    return result


def sasaran_file(lines: list[str]) -> str:
    body = "".join(f"  {line}\n" for line in lines)
    return (
        "sasaran: Meningkatnya Disiplin Aparatur\n"
        f"uraian: |\n{body}"
        "indikator:\n"
        "  - nama: Cakupan ASN yang tidak dijatuhi hukuman disiplin\n"
        "    relevansi: Relevansi indikator.\n"
        "    target: 99%\n"
        "    penjelasan_target: Penjelasan target.\n"
    )


def write_year(root: Path, year: str, lines: list[str]) -> Path:
    folder = root / "content" / year
    (folder / "sasaran").mkdir(parents=True)
    (folder / "dokumen.yaml").write_text(f"instansi: Badan Contoh\ntahun: {year}\n")
    (folder / "sasaran" / "01-disiplin.yaml").write_text(sasaran_file(lines), encoding="utf-8")
    return folder


def diff_seconds(count: int, capitalised: bool) -> float:
    """Seconds of one ``lampiran diff`` of the two years, without starting a process."""
    from lampiran.history.diffformat import format_diff
    from lampiran.history.diffsides import compare

    old = uraian_lines(count, capitalised)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        old_folder = write_year(root, "2024", old)
        new_folder = write_year(root, "2025", edited(old))
        start = time.perf_counter()
        format_diff(compare(old_folder, new_folder, None), "text")
        return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 1000, 5000])
    parser.add_argument("--case", choices=["lowercase", "sentences", "both"], default="both")
    options = parser.parse_args()
    cases = {"lowercase": [False], "sentences": [True], "both": [False, True]}[options.case]
    diff_seconds(10, False)  # imports and first calls are not measured
    for capitalised in cases:
        name = "one sentence per line" if capitalised else "lines without punctuation"
        print(f"{name}, 30% of the lines edited:")
        previous: tuple[int, float] | None = None
        for count in options.sizes:
            seconds = diff_seconds(count, capitalised)
            ratio = ""
            if previous is not None:
                size_ratio = count / previous[0]
                ratio = f"  x{seconds / previous[1]:.1f} for x{size_ratio:g} lines"
            print(f"  {count:>6} lines: {seconds:8.3f} s{ratio}")
            previous = (count, seconds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
