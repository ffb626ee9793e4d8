"""``lampiran diff --rev``: a folder at a git revision against the working tree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import VALID_SASARAN, require_tool, run_lampiran, write_year
from conftest import run_git as git


def state(repo: Path) -> tuple[str, str, str, dict[str, bytes]]:
    """HEAD, index, status and every working-tree file: what --rev must never change."""
    files = {
        p.relative_to(repo).as_posix(): p.read_bytes()
        for p in sorted(repo.rglob("*"))
        if p.is_file() and ".git" not in p.parts
    }
    return (
        git(repo, "rev-parse", "HEAD"),
        git(repo, "ls-files", "--stage"),
        git(repo, "status", "--porcelain", "--untracked-files=all"),
        files,
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with content/2024 committed, then its target edited in place."""
    git(tmp_path, "init", "-q", "-b", "main")
    write_year(tmp_path)
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "2024")
    path = tmp_path / "content" / "2024" / "sasaran" / "01-disiplin.yaml"
    path.write_text(
        VALID_SASARAN.replace("target: 99,99%", "target: 98%").replace(
            "Kalimat kedua.", "Kalimat kedua yang diperbaiki."
        ),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_rev_compares_the_committed_folder_with_the_working_tree(repo: Path) -> None:
    before = state(repo)

    result = run_lampiran("diff", "--rev", "HEAD", "content/2024")

    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "Perubahan isi: HEAD:content/2024 -> content/2024"
    assert "    target: 99,99% -> 98% (turun)" in lines
    assert "    ~ Kalimat kedua{+ yang diperbaiki+}." in lines
    assert state(repo) == before


def test_rev_defaults_to_the_newest_year_and_accepts_branch_names(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "usulan")

    result = run_lampiran("diff", "--rev", "main", "--format", "json", "--exit-code")

    assert result.code == 1
    data = json.loads(result.out)
    assert data["old"] == "main:content/2024"
    assert data["new"] == "content/2024"
    changes = data["sasaran"][0]["indikator"][0]["changes"]
    assert {"field": "target", "old": "99,99%", "new": "98%", "direction": "turun"} in changes


def test_rev_without_changes_exits_zero_with_exit_code(repo: Path) -> None:
    git(repo, "commit", "-q", "-am", "target 98%")

    result = run_lampiran("diff", "--rev", "HEAD", "--exit-code")

    assert result.code == 0
    assert "Tidak ada perubahan isi." in result.out


def test_rev_reports_broken_old_content_at_its_revision_path(repo: Path) -> None:
    dokumen = repo / "content" / "2024" / "dokumen.yaml"
    good = dokumen.read_bytes()
    dokumen.write_text("instansi: [Badan\ntahun: 2024\n")
    check = run_lampiran("check").out.splitlines()
    git(repo, "commit", "-q", "-am", "broken")
    dokumen.write_bytes(good)

    result = run_lampiran("diff", "--rev", "HEAD")

    assert result.code == 1
    assert check[0].startswith("content/2024/dokumen.yaml:")
    assert result.out.splitlines() == [f"HEAD:{check[0]}", check[-1]]


def test_rev_reads_every_kind_of_entry_like_check_reads_the_folder(repo: Path) -> None:
    year = repo / "content" / "2024"
    sasaran = year / "sasaran"
    (year / "dokumen.yaml").rename(year / "Dokumen.yaml")
    (sasaran / "arsip").mkdir()
    (sasaran / "arsip" / "lama.yaml").write_text("sasaran: Lama\n")
    (sasaran / "02-kompetensi.yml").write_text("sasaran: Kompetensi\n")
    (sasaran / "03-kinerja.yaml.txt").write_text("sasaran: Kinerja\n")
    (sasaran / "catatan.md").write_text("catatan\n")
    (sasaran / "04-kosong.yaml").write_text("")
    check = run_lampiran("check").out.splitlines()
    git(repo, "checkout", "-q", "-b", "berantakan")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "berantakan")
    git(repo, "checkout", "-q", "main")

    result = run_lampiran("diff", "--rev", "berantakan")

    assert result.code == 1
    assert len(check) == 7
    assert result.out.splitlines() == [*(f"berantakan:{p}" for p in check[:-1]), check[-1]]


def test_rev_reports_broken_working_tree_like_check(repo: Path) -> None:
    (repo / "content" / "2024" / "dokumen.yaml").write_text("instansi: Badan\ntahun: dua\n")
    expected = run_lampiran("check").out

    result = run_lampiran("diff", "--rev", "HEAD")

    assert result.code == 1
    assert result.out == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rev", "tidak-ada"], "revisi 'tidak-ada' tidak ditemukan"),
        (["--rev", "HEAD", "2024", "2025"], "dengan --rev sebutkan satu FOLDER saja"),
    ],
)
def test_rev_usage_mistakes_exit_2(repo: Path, args: list[str], message: str) -> None:
    result = run_lampiran("diff", *args)

    assert result.code == 2
    assert message in result.err


def test_rev_for_a_folder_new_since_the_revision_is_a_usage_mistake(repo: Path) -> None:
    write_year(repo, year="2025", dokumen="instansi: Badan Contoh\ntahun: 2025\n")

    result = run_lampiran("diff", "--rev", "HEAD", "content/2025")

    assert result.code == 2
    assert "belum ada di revisi HEAD" in result.err


def test_rev_outside_a_git_repository_is_a_usage_mistake(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    require_tool("git")
    outside = tmp_path / "bukan-repo"
    write_year(outside)
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))

    result = run_lampiran("diff", "--rev", "HEAD")

    assert result.code == 2
    assert "tidak berada di dalam repositori git" in result.err
