"""``lampiran init``: a new agency's repository that checks clean, builds, never overwrites."""

from __future__ import annotations

import datetime
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import CONTENT_2024, REPO_ROOT, lampiran_on_path, run_lampiran
from docxread import render_folder
from lampiran.content.loading import load_year
from lampiran.content.schema import SCHEMAS, render_schema

STARTER_FILES = [
    "content/2025/dokumen.yaml",
    "content/2025/sasaran/01-contoh-sasaran.yaml",
    "content/kamus.txt",
    "schema/dokumen.schema.json",
    "schema/sasaran.schema.json",
    "schema/program.schema.json",
    ".vscode/settings.json",
    ".gitignore",
]


def files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def init(folder: Path, *args: str) -> str:
    result = run_lampiran(
        "init", "--instansi", "Dinas Kesehatan", "--tahun", "2025", *args, str(folder)
    )
    assert result.code == 0, result.err
    return result.out


def test_init_writes_a_repository_that_checks_clean_and_builds(tmp_path: Path) -> None:
    repo = tmp_path / "dinkes"

    out = init(repo)

    assert files_under(repo) == sorted(STARTER_FILES)
    assert out == (
        f"Repositori isi Dinas Kesehatan tahun 2025 dibuat di {repo.as_posix()}.\n"
        + "".join(f"{repo.as_posix()}/{name} ditulis.\n" for name in STARTER_FILES)
        + "\n"
        + f"Langkah berikutnya (cd {repo.as_posix()}):\n"
        "1. Isi content/2025/dokumen.yaml dan content/2025/sasaran/01-contoh-sasaran.yaml: "
        "ganti teks HURUF BESAR dan teks contohnya.\n"
        "2. Periksa dengan 'lampiran check'.\n"
        "3. Buat dokumennya dengan 'lampiran build'.\n"
    )
    check = run_lampiran("check", str(repo / "content" / "2025"))
    assert check.out == (
        f"{(repo / 'content' / '2025').as_posix()}: 1 sasaran, 1 indikator diperiksa.\n"
        "0 kesalahan, 0 peringatan\n"
    )
    build = run_lampiran("build", str(repo / "content" / "2025"), "-o", str(repo / "dist"))
    assert build.code == 0, build.err
    assert (repo / "dist" / "lampiran-2-perjanjian-kinerja-2025.docx").is_file()


def test_the_example_reads_as_a_form_with_the_agency_filled_in(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    init(repo)
    year, _ = load_year(repo / "content" / "2025")
    assert year is not None

    dokumen = (repo / "content" / "2025" / "dokumen.yaml").read_text("utf-8")
    sasaran = (repo / "content" / "2025" / "sasaran" / "01-contoh-sasaran.yaml").read_text("utf-8")

    assert dokumen.startswith("# yaml-language-server: $schema=../../schema/dokumen.schema.json\n")
    assert sasaran.startswith(
        "# yaml-language-server: $schema=../../../schema/sasaran.schema.json\n"
    )
    assert year.dokumen.instansi == "Dinas Kesehatan"
    assert year.dokumen.penandatangan is not None
    assert year.dokumen.penandatangan.pihak_pertama.jabatan == "Kepala Dinas Kesehatan"
    assert year.dokumen.penandatangan.tanggal == datetime.date(2025, 1, 2)
    comments = [line for line in (dokumen + sasaran).split("\n") if line.lstrip().startswith("#")]
    assert len(comments) >= 20, "every field is explained where it is filled in"
    assert "# pemerintah_daerah: Pemerintah Kabupaten NAMA KABUPATEN" in dokumen


def test_an_agency_name_yaml_would_misread_is_quoted(tmp_path: Path) -> None:
    result = run_lampiran(
        "init", "--instansi", "Dinas: Kesehatan #1", "--tahun", "2025", str(tmp_path / "r")
    )

    assert result.code == 0, result.err
    year, report = load_year(tmp_path / "r" / "content" / "2025")
    assert year is not None, [p.format() for p in report.problems]
    assert year.dokumen.instansi == "Dinas: Kesehatan #1"


def test_schemas_and_editor_settings_are_the_projects_own(tmp_path: Path) -> None:
    init(tmp_path)

    for name, model in SCHEMAS.items():
        assert (tmp_path / "schema" / name).read_text("utf-8") == render_schema(model)
        assert (tmp_path / "schema" / name).read_bytes() == (
            REPO_ROOT / "schema" / name
        ).read_bytes()
    assert (tmp_path / ".vscode" / "settings.json").read_bytes() == (
        REPO_ROOT / ".vscode" / "settings.json"
    ).read_bytes()
    assert "dist/" in (tmp_path / ".gitignore").read_text("utf-8").split("\n")


def test_init_over_existing_content_refuses_and_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "content" / "2024").mkdir(parents=True)
    (tmp_path / "content" / "2024" / "dokumen.yaml").write_text("instansi: Lama\n", "utf-8")
    before = snapshot(tmp_path)

    result = run_lampiran("init", "--instansi", "Dinas Kesehatan", "--tahun", "2025", str(tmp_path))

    assert result.code == 1
    assert result.err == (
        f"Galat: {tmp_path.as_posix()} sudah berisi content/; 'lampiran init' tidak menimpa apa "
        "pun, jadi tidak ada yang diubah. Untuk tahun berikutnya pakai 'lampiran new', untuk "
        "dokumen Word pakai 'lampiran import'\n"
    )
    assert snapshot(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content"]


def test_an_existing_schema_or_ci_file_is_named_and_nothing_written(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "dokumen.schema.json").write_text("{}", "utf-8")
    (tmp_path / ".gitlab-ci.yml").write_text("stages: []\n", "utf-8")
    before = snapshot(tmp_path)

    result = run_lampiran(
        "init", "--instansi", "Dinas Kesehatan", "--tahun", "2025", "--ci", "gitlab", str(tmp_path)
    )

    assert result.code == 1
    assert "sudah berisi schema/dokumen.schema.json, .gitlab-ci.yml;" in result.err
    assert snapshot(tmp_path) == before


def test_an_existing_gitignore_is_left_alone_with_a_hint(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.bak\n", "utf-8")

    out = init(tmp_path)

    assert (tmp_path / ".gitignore").read_text("utf-8") == "*.bak\n"
    assert (
        "Catatan: .gitignore sudah ada dan tidak diubah; tambahkan baris 'dist/' bila belum ada, "
        "agar dokumen hasil 'lampiran build' tidak ikut di-commit.\n"
    ) in out
    assert f"{tmp_path.as_posix()}/.gitignore ditulis." not in out


def test_a_failure_half_way_leaves_nothing_behind(tmp_path: Path) -> None:
    (tmp_path / ".github").write_text("bukan folder", "utf-8")  # the workflow cannot go in
    before = snapshot(tmp_path)

    result = run_lampiran(
        "init", "--instansi", "Dinas Kesehatan", "--tahun", "2025", "--ci", "github", str(tmp_path)
    )

    assert result.code == 1
    assert result.err.startswith(
        f"Galat: repositori isi tidak dapat dibuat di {tmp_path.as_posix()}: "
    )
    assert snapshot(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".github"]


def test_without_a_terminal_a_missing_instansi_is_a_usage_error(tmp_path: Path) -> None:
    result = run_lampiran("init", str(tmp_path / "r"))

    assert result.code == 2
    assert result.err == (
        'Galat: sebutkan nama instansi, misalnya: lampiran init --instansi "Dinas Kesehatan"\n'
    )
    assert not (tmp_path / "r").exists()


def test_without_a_terminal_the_year_is_this_year(tmp_path: Path) -> None:
    result = run_lampiran("init", "--instansi", "Dinas Kesehatan", str(tmp_path))

    this_year = datetime.date.today().year
    assert result.code == 0, result.err
    assert (tmp_path / "content" / str(this_year) / "dokumen.yaml").is_file()


def test_in_a_terminal_init_asks_for_what_is_missing(tmp_path: Path) -> None:
    env = lampiran_on_path(tmp_path / "bin")
    main, secondary = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "lampiran", "init", "dinkes"],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        cwd=tmp_path,
        env=env,
    )
    os.close(secondary)
    seen = b""

    def read_until(text: bytes) -> None:
        nonlocal seen
        deadline = time.monotonic() + 30
        while text not in seen and time.monotonic() < deadline:
            ready, _, _ = select.select([main], [], [], 1)
            if ready:
                try:
                    seen += os.read(main, 4096)
                except OSError:
                    return

    read_until(b"Nama instansi (perangkat daerah): ")
    os.write(main, b"Badan Pendapatan Daerah\n")
    read_until(b"Tahun perjanjian kinerja")
    os.write(main, b"2031\n")
    read_until(b"'lampiran build'")
    assert process.wait(timeout=30) == 0, seen.decode()
    os.close(main)
    year, _ = load_year(tmp_path / "dinkes" / "content" / "2031")
    assert year is not None
    assert year.dokumen.instansi == "Badan Pendapatan Daerah"


def test_init_from_a_word_file_fills_the_year_from_it(tmp_path: Path) -> None:
    source = tmp_path / "lampiran-2024.docx"
    source.write_bytes(render_folder(CONTENT_2024))

    result = run_lampiran("init", "--dari", str(source), str(tmp_path / "repo"))

    assert result.code == 0, result.err
    repo = tmp_path / "repo"
    assert files_under(repo) == sorted(
        [
            "content/2024/dokumen.yaml",
            "content/2024/sasaran/01-disiplin-aparatur.yaml",
            "content/2024/sasaran/02-kompetensi-sumber-daya-manusia.yaml",
            "content/2024/sasaran/03-kualitas-pencapaian-kinerja.yaml",
            "content/kamus.txt",
            "schema/dokumen.schema.json",
            "schema/sasaran.schema.json",
            "schema/program.schema.json",
            ".vscode/settings.json",
            ".gitignore",
        ]
    )
    diff = run_lampiran("diff", str(CONTENT_2024), str(repo / "content" / "2024"))
    assert "Tidak ada perubahan isi." in diff.out
    assert "1. Baca hasil impor di content/2024/.\n" in result.out


def test_init_from_a_word_file_takes_no_instansi(tmp_path: Path) -> None:
    source = tmp_path / "lampiran-2024.docx"
    source.write_bytes(render_folder(CONTENT_2024))

    result = run_lampiran("init", "--dari", str(source), "--instansi", "X", str(tmp_path / "r"))

    assert result.code == 2
    assert "--instansi tidak dipakai bersama --dari" in result.err
    assert not (tmp_path / "r").exists()


# -- CI and pre-commit --------------------------------------------------------------------


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
             "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"},
    )  # fmt: skip
    return done.stdout


def content_repository(tmp_path: Path, ci: str) -> Path:
    """An agency repository made by init, pushed to an 'origin', with a branch that
    changes a target (as a merge request would)."""
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    repo = tmp_path / "dinkes"
    init(repo, "--ci", ci)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "mulai")
    git(repo, "remote", "add", "origin", str(origin))
    git(repo, "push", "-q", "origin", "main")
    git(repo, "checkout", "-q", "-b", "target-baru")
    sasaran = repo / "content" / "2025" / "sasaran" / "01-contoh-sasaran.yaml"
    sasaran.write_text(sasaran.read_text("utf-8").replace("target: 82,50", "target: 85"), "utf-8")
    git(repo, "commit", "-q", "-am", "target naik")
    return repo


def run_ci(repo: Path, script: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**lampiran_on_path(tmp_path / "bin"), **env}
    return subprocess.run(
        ["bash", "-c", "set -eo pipefail\n" + script],
        cwd=repo,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def gitlab_script(repo: Path) -> str:
    job = yaml.safe_load((repo / ".gitlab-ci.yml").read_text("utf-8"))["lampiran"]
    return "\n".join(job["script"])


def github_script(repo: Path) -> tuple[str, str]:
    workflow = yaml.safe_load((repo / ".github" / "workflows" / "lampiran.yml").read_text("utf-8"))
    steps = workflow["jobs"]["periksa"]["steps"]
    runs = [s["run"] for s in steps if "run" in s and "pip install" not in s["run"]]
    return "\n".join(runs), next(
        s["env"]["TARGET"] for s in steps if s.get("name") == "Laporan perubahan"
    )


def test_the_gitlab_job_checks_builds_and_reports_the_merge_request(tmp_path: Path) -> None:
    repo = content_repository(tmp_path, "gitlab")

    done = run_ci(repo, gitlab_script(repo), tmp_path, CI_MERGE_REQUEST_TARGET_BRANCH_NAME="main")

    assert done.returncode == 0, done.stdout + done.stderr
    assert (repo / "dist" / "lampiran-2-perjanjian-kinerja-2025.docx").is_file()
    report = (repo / "dist" / "perubahan.md").read_text("utf-8")
    assert "82,50 → 85" in report or "82,50 -> 85" in report, report
    job = yaml.safe_load((repo / ".gitlab-ci.yml").read_text("utf-8"))["lampiran"]
    assert job["artifacts"]["paths"] == ["dist/"]
    assert {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'} in job["rules"]


def test_the_gitlab_job_fails_on_content_errors(tmp_path: Path) -> None:
    repo = content_repository(tmp_path, "gitlab")
    dokumen = repo / "content" / "2025" / "dokumen.yaml"
    dokumen.write_text(dokumen.read_text("utf-8").replace("tahun: 2025", "tahun: 2024"), "utf-8")

    done = run_ci(repo, gitlab_script(repo), tmp_path, CI_MERGE_REQUEST_TARGET_BRANCH_NAME="main")

    assert done.returncode == 1
    assert "tahun: tahun 2024 tidak sama dengan nama folder '2025'" in done.stdout
    assert not (repo / "dist").exists()


def test_the_github_workflow_checks_builds_and_reports_the_pull_request(tmp_path: Path) -> None:
    repo = content_repository(tmp_path, "github")
    script, target = github_script(repo)
    summary = tmp_path / "summary.md"

    assert target == "${{ github.base_ref }}"
    done = run_ci(repo, script, tmp_path, TARGET="main", GITHUB_STEP_SUMMARY=str(summary))

    assert done.returncode == 0, done.stdout + done.stderr
    assert (repo / "dist" / "lampiran-2-perjanjian-kinerja-2025.docx").is_file()
    assert summary.read_text("utf-8") == (repo / "dist" / "perubahan.md").read_text("utf-8")
    assert "85" in summary.read_text("utf-8")


def test_a_push_without_a_previous_year_says_so_in_the_report(tmp_path: Path) -> None:
    repo = content_repository(tmp_path, "gitlab")

    done = run_ci(repo, gitlab_script(repo), tmp_path)

    assert done.returncode == 0, done.stderr
    assert (repo / "dist" / "perubahan.md").read_text("utf-8") == (
        "Belum ada tahun sebelumnya untuk dibandingkan dengan content/2025.\n"
    )


def test_init_with_ci_names_the_addresses_to_replace(tmp_path: Path) -> None:
    out = init(tmp_path, "--ci", "github")

    assert (
        "Ganti alamat contoh proyek lampiran dengan alamat yang dipakai instansi "
        "Anda: .github/workflows/lampiran.yml:18, .pre-commit-config.yaml:7.\n"
    ) in out
    config = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text("utf-8"))
    assert config["repos"][0]["hooks"] == [{"id": "lampiran-check"}]


def test_the_pre_commit_hook_runs_lampiran_check_on_content(tmp_path: Path) -> None:
    (hook,) = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == "lampiran-check"
    assert (hook["entry"], hook["language"], hook["files"]) == (
        "lampiran check",
        "python",
        "^content/",
    )
    assert hook["pass_filenames"] is False
    init(tmp_path)

    done = run_ci(tmp_path, hook["entry"], tmp_path)

    assert done.returncode == 0, done.stdout
    assert done.stdout.endswith("0 kesalahan, 0 peringatan\n")


@pytest.mark.parametrize("kind", ["gitlab", "github"])
def test_ci_examples_are_valid_yaml_with_indonesian_comments(tmp_path: Path, kind: str) -> None:
    init(tmp_path, "--ci", kind)
    name = ".gitlab-ci.yml" if kind == "gitlab" else ".github/workflows/lampiran.yml"
    text = (tmp_path / name).read_text("utf-8")

    assert isinstance(yaml.safe_load(text), dict)
    assert text.startswith(
        f"# CI untuk repositori isi Perjanjian Kinerja, dibuat oleh 'lampiran init --ci {kind}'."
    )
