"""``lampiran diff --format json`` answers in JSON even when it fails.

A tool that asked for JSON (a merge-request bot, a dashboard) must be able to parse what
it gets: a failure is an ``error`` object on stdout, the usual message stays on stderr
for whoever reads the log, and the exit code stays 1 (content, git) or 2 (usage).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import run_lampiran, write_year


def error(message: str, problems: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "format": "lampiran-diff",
        "version": 1,
        "error": {"message": message, "problems": problems or []},
    }


@pytest.fixture
def two_years(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_year(tmp_path)
    write_year(tmp_path, year="2025", dokumen="instansi: Badan Contoh\ntahun: 2025\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_content_errors_are_listed_in_the_json(two_years: Path) -> None:
    (two_years / "content" / "2025" / "dokumen.yaml").write_text("instansi: Badan\ntahun: dua\n")
    (two_years / "content" / "2025" / "sasaran" / "catatan.txt").write_text("catatan\n")
    check = run_lampiran("check", "content/2025")

    result = run_lampiran("diff", "--format", "json")

    assert result.code == 1
    assert json.loads(result.out) == error(
        "1 kesalahan, 1 peringatan",
        [
            {
                "path": "content/2025/dokumen.yaml",
                "line": 2,
                "column": 8,
                "field": "tahun",
                "message": "tahun harus empat angka, misalnya 2024 (tertulis 'dua')",
                "severity": "error",
            },
            {
                "path": "content/2025/sasaran/catatan.txt",
                "line": 1,
                "column": 1,
                "field": "",
                "message": "berkas ini bukan .yaml sehingga tidak dibaca; pindahkan atau "
                "hapus bila tidak perlu",
                "severity": "warning",
            },
        ],
    )
    assert result.err == check.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "json", "2024", "2031"], "folder '2031' tidak ada; periksa penulisannya"),
        (["--format=json", "--bogus"], "Tidak ada pilihan '--bogus'."),
        (["2024", "2025", "2026", "--format", "json"], "Ada argumen berlebih (2026)"),
        (
            ["--rev", "HEAD", "2024", "2025", "--format", "json"],
            "dengan --rev sebutkan satu FOLDER saja, misalnya: lampiran diff --rev main "
            "content/2024",
        ),
    ],
)
def test_usage_mistakes_are_json_with_exit_2(
    two_years: Path, args: list[str], message: str
) -> None:
    result = run_lampiran("diff", *args)

    assert result.code == 2
    assert json.loads(result.out) == error(message)
    assert f"Galat: {message}\n" in result.err


def test_a_git_failure_is_json_with_exit_1(
    two_years: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(two_years / "tanpa-git"))

    result = run_lampiran("diff", "--rev", "main", "--format", "json")

    assert result.code == 1
    assert json.loads(result.out) == error("git tidak ditemukan; pasang git untuk memakai --rev")
    assert result.err == "Galat: git tidak ditemukan; pasang git untuk memakai --rev\n"


def test_other_formats_fail_as_before(two_years: Path) -> None:
    result = run_lampiran("diff", "--format", "text", "2024", "2031")

    assert result.code == 2
    assert result.out == ""
    assert result.err == "Galat: folder '2031' tidak ada; periksa penulisannya\n"
