"""``benchmarks/bench_all.py``, the README's command for the speed figures, runs.

The README runs it with ``--runs 9`` (minutes); here its quick parts run once, to prove
that the command works and prints each figure with its ratio and aim.
"""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import REPO_ROOT


def test_the_benchmark_of_the_readme_runs_and_prints_ratios_against_the_aims() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert ".venv/bin/python benchmarks/bench_all.py --runs 9" in readme

    result = subprocess.run(
        [sys.executable, "benchmarks/bench_all.py", "--runs", "1", "--only", "2", "--only", "3"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )

    assert result.returncode == 0, result.stderr
    assert re.search(
        r"lampiran check, 1000 indikator +[\d.]+ s +[\d.]+x  \(sasaran <= 2.00x", result.stdout
    )
    assert re.search(r"lampiran / minimal +[\d.]+ s +[\d.]+x  \(sasaran <= 1.00x", result.stdout)
    assert re.search(r"lampiran / naif +[\d.]+ s +[\d.]+x  \(sasaran <= 0.70x", result.stdout)
