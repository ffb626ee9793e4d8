"""The README's section on many agencies, run as written.

Every command of its ``sh`` blocks runs in a fresh workspace of two agencies and must
succeed; the ``lampiran check content/*/2025`` example shows exactly what the command
prints. (``lampiran watch --pdf`` is run by tests/test_watch.py, with a fake LibreOffice.)
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import sys
from pathlib import Path

import pytest

from conftest import CONTENT_2024, REPO_ROOT, run_lampiran
from test_attack_signals import VALID_PDF_SOFFICE

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## Banyak instansi dalam satu repositori", 1)[1].split("\n## ", 1)[0]


def commands() -> list[str]:
    found = []
    for block in re.findall(r"```sh\n(.*?)```", SECTION, re.S):
        for line in block.splitlines():
            command = line.split("#", 1)[0].strip()
            if command and not command.startswith("lampiran watch"):
                found.append(command)
    return found


def agency_year(root: Path, instansi: str, tahun: int, stated: int | None = None) -> None:
    folder = root / "content" / instansi / str(tahun)
    shutil.copytree(CONTENT_2024, folder)
    dokumen = folder / "dokumen.yaml"
    text = dokumen.read_text(encoding="utf-8")
    dokumen.write_text(
        text.replace("tahun: 2024", f"tahun: {stated or tahun}", 1), encoding="utf-8"
    )


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for instansi in ("bkpsdm", "dinkes"):
        agency_year(tmp_path, instansi, 2024)
        agency_year(tmp_path, instansi, 2025)
    return tmp_path


def test_the_section_has_the_examples_the_tests_run() -> None:
    assert commands() == [
        "lampiran new 2026 --from 2025",
        "lampiran new --instansi bkpsdm --instansi dinkes",
        "lampiran diff 2024 2025",
        "lampiran spelling content/*/2025",
        "lampiran rekap content/*/2025 -o rekap-2025.xlsx",
        "lampiran rekap content/*/2025 -o rekap-2025.csv",
    ]
    assert "`lampiran build content/*/2025 --pdf`" in SECTION
    assert "```sh\nlampiran watch --pdf\n```" in SECTION


@pytest.mark.parametrize("command", commands())
def test_every_command_of_the_section_runs(workspace: Path, command: str) -> None:
    if command.startswith("lampiran spelling"):
        from lampiran.text.spelling import SpellingUnavailable, load_speller

        try:
            load_speller(workspace / "tidak-ada.txt")
        except SpellingUnavailable as exc:
            pytest.skip(str(exc))

    outcome = run_lampiran(*shlex.split(command)[1:])

    assert outcome.code == 0, outcome.out + outcome.err
    assert "Galat" not in outcome.err


@pytest.mark.skipif(sys.platform == "win32", reason="fake soffice is a sh script")
def test_the_build_of_every_agency_with_pdf_runs(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    soffice = workspace / "soffice-palsu"
    soffice.write_text(VALID_PDF_SOFFICE)
    soffice.chmod(0o755)
    monkeypatch.setitem(os.environ, "LAMPIRAN_SOFFICE", str(soffice))

    outcome = run_lampiran("build", "content/*/2025", "--pdf")

    assert outcome.code == 0, outcome.err
    for instansi in ("bkpsdm", "dinkes"):
        assert (workspace / "dist" / instansi / "lampiran-2-perjanjian-kinerja-2025.pdf").exists()


def test_the_check_example_prints_what_the_readme_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    agency_year(tmp_path, "bkpsdm", 2025)
    agency_year(tmp_path, "dinkes", 2025, stated=2024)
    shown = SECTION.split("$ lampiran check content/*/2025\n", 1)[1].split("```", 1)[0]

    outcome = run_lampiran("check", "content/*/2025")

    assert outcome.code == 1
    assert outcome.out == shown
