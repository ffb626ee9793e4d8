"""Benchmark of ``lampiran build``: cold start and in-process throughput.

Measures, on content/2024:

1. the cold time of ``lampiran build content/2024`` as a whole process (the median of
   several runs), next to the same for ``minimal_docxtpl.py``, the least a docxtpl script
   must do to render the same document (the aim: lampiran is no slower), and for
   ``lampiran check content/2024`` (loading and validating alone, the floor of a build),
   and for the whole PK of tests/data/pk/2025 (``--dokumen pk``);
2. the in-process rendering throughput of :func:`lampiran.writers.docx.render.render_docx` in
   documents per second (the aim: 50 or more).

    .venv/bin/python benchmarks/bench_build.py [--runs 9] [--documents 300]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content" / "2024"
PK = ROOT / "tests" / "data" / "pk" / "2025"
"""A PK Perubahan with programs: the whole PK (pernyataan, Lampiran 1, Lampiran 2)."""


def side_by_side(
    commands: dict[str, list[str]], runs: int, cwd: Path = ROOT
) -> dict[str, list[float]]:
    """Wall-clock seconds of whole-process runs, the commands taking turns in each round.

    Taking turns spreads the noise of a shared machine over every command alike, so the
    ratios hold even when the absolute times wander. The modules' bytecode is cached in a
    private folder (this machine sets PYTHONDONTWRITEBYTECODE, which would otherwise make
    every run compile lampiran again, as no installed copy does); one warm-up round fills
    it and is not counted.
    """
    times: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory(prefix="lampiran-pycache-") as cache:
        env = {**os.environ, "PYTHONPYCACHEPREFIX": cache}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for index in range(runs + 1):
            for name, command in commands.items():
                start = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True, cwd=cwd, env=env)
                if index:
                    times[name].append(time.perf_counter() - start)
    return times


def throughput(documents: int) -> tuple[float, float]:
    """Seconds of the first render in this process, and documents per second after it."""
    from lampiran.content.loading import require_year
    from lampiran.writers.docx.render import render_docx

    year, _ = require_year(CONTENT)
    start = time.perf_counter()
    render_docx(year)
    first = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(documents):
        render_docx(year)
    return first, documents / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--documents", type=int, default=300)
    options = parser.parse_args()
    executable = Path(sys.executable).parent / "lampiran"
    with tempfile.TemporaryDirectory() as out:
        times = side_by_side(
            {
                "build": [str(executable), "build", str(CONTENT), "-o", out],
                "check": [str(executable), "check", str(CONTENT)],
                "pk": [str(executable), "build", str(PK), "--dokumen", "pk", "-o", out],
                "minimal": [
                    sys.executable,
                    str(ROOT / "benchmarks" / "minimal_docxtpl.py"),
                    str(CONTENT),
                    str(Path(out) / "minimal.docx"),
                ],
            },
            options.runs,
        )
    lampiran, check, baseline = times["build"], times["check"], times["minimal"]
    whole_pk = times["pk"]
    first, per_second = throughput(options.documents)
    print(
        f"cold 'lampiran build content/2024' (median of {options.runs}): "
        f"{statistics.median(lampiran):.3f} s (min {min(lampiran):.3f} s)"
    )
    print(
        f"cold 'lampiran check content/2024' (median of {options.runs}): "
        f"{statistics.median(check):.3f} s (min {min(check):.3f} s)"
    )
    print(
        f"cold 'lampiran build tests/data/pk/2025 --dokumen pk' (median of {options.runs}): "
        f"{statistics.median(whole_pk):.3f} s (min {min(whole_pk):.3f} s)"
    )
    print(
        f"cold minimal docxtpl script     (median of {options.runs}): "
        f"{statistics.median(baseline):.3f} s (min {min(baseline):.3f} s)"
    )
    ratio = statistics.median(lampiran) / statistics.median(baseline)
    print(f"ratio build / minimal docxtpl script: {ratio:.2f} (aim: 1.00 or less)")
    print(
        f"in-process render_docx: first {first * 1000:.0f} ms, then "
        f"{per_second:.0f} documents/s ({options.documents} documents)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
