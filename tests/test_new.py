"""``lampiran new``: next year starts as an exact copy with only ``tahun`` changed."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from conftest import REPO_ROOT, SIGNING_BLOCK, run_lampiran, write_year
from lampiran.content.loading import load_year


@pytest.fixture
def repo_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the repository's content, with a signature block added to 2024."""
    shutil.copytree(REPO_ROOT / "content", tmp_path / "content")
    dokumen = tmp_path / "content" / "2024" / "dokumen.yaml"
    dokumen.write_text(dokumen.read_text(encoding="utf-8") + SIGNING_BLOCK, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_new_year_checks_clean_except_the_signing_date_warning(repo_copy: Path) -> None:
    result = run_lampiran("new")

    assert result.code == 0, result.out + result.err
    year, report = load_year(repo_copy / "content" / "2025")
    assert year is not None
    assert year.dokumen.tahun == 2025
    assert not report.errors
    assert [(w.field, w.path.name) for w in report.warnings] == [
        ("penandatangan.tanggal", "dokumen.yaml")
    ]
    check = run_lampiran("check", "content/2025")
    assert check.code == 0
    assert "penandatangan.tanggal: peringatan:" in check.out


def test_new_year_differs_from_the_source_only_in_the_tahun_value(repo_copy: Path) -> None:
    before = snapshot(repo_copy / "content" / "2024")

    run_lampiran("new")

    after = snapshot(repo_copy / "content" / "2025")
    assert sorted(after) == sorted(before)
    changed = [name for name in before if before[name] != after[name]]
    assert changed == ["dokumen.yaml"]
    old_lines = before["dokumen.yaml"].decode().splitlines()
    new_lines = after["dokumen.yaml"].decode().splitlines()
    edits = [line for line in difflib.ndiff(old_lines, new_lines) if line[:2] in {"- ", "+ "}]
    assert edits == ["- tahun: 2024", "+ tahun: 2025"]
    comments = [line for line in old_lines if line.lstrip().startswith("#")]
    assert comments and all(line in new_lines for line in comments)


def test_new_keeps_bom_crlf_quotes_schema_line_and_comments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dokumen = (
        "\ufeff# yaml-language-server: $schema=../../schema/dokumen.schema.json\r\n"
        "# tahun 2024 menurut 'tahun' di bawah\r\n"
        "instansi:   'Badan Contoh'   # kutip tunggal\r\n"
        'tahun: "2024"  # bukan 2023\r\n'
    ).encode()
    write_year(tmp_path, dokumen=dokumen)
    monkeypatch.chdir(tmp_path)

    result = run_lampiran("new", "2031")

    assert result.code == 0, result.out + result.err
    written = (tmp_path / "content" / "2031" / "dokumen.yaml").read_bytes()
    assert written == dokumen.replace(b'tahun: "2024"', b'tahun: "2031"')


def test_new_uses_from_and_the_year_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_year(tmp_path, year="2024")
    write_year(tmp_path, year="2025", dokumen="instansi: Badan Contoh\ntahun: 2025\n")
    monkeypatch.chdir(tmp_path)

    result = run_lampiran("new", "2027", "--from", "2024")

    assert result.code == 0, result.out + result.err
    assert (tmp_path / "content" / "2027" / "dokumen.yaml").read_text() == (
        "instansi: Badan Contoh\ntahun: 2027\n"
    )
    assert not (tmp_path / "content" / "2026").exists()


def test_second_new_for_the_same_year_refuses_and_changes_nothing(repo_copy: Path) -> None:
    assert run_lampiran("new").code == 0
    target = repo_copy / "content" / "2025"
    (target / "dokumen.yaml").write_text("tahun: 2025\n# staff already started\n")
    before = snapshot(repo_copy / "content")
    entries = sorted(p.name for p in (repo_copy / "content").iterdir())

    result = run_lampiran("new", "2025", "--from", "2024")

    assert result.code == 1
    assert "content/2025 sudah ada" in result.err
    assert snapshot(repo_copy / "content") == before
    assert sorted(p.name for p in (repo_copy / "content").iterdir()) == entries


def test_new_prints_what_to_review_in_indonesian(repo_copy: Path) -> None:
    result = run_lampiran("new")

    out = result.out
    assert "Periksa dan perbarui sebelum ditandatangani" in out
    assert "3 indikator masih memakai target 2024" in out
    assert "content/2025/sasaran/01-disiplin-aparatur.yaml:" in out
    assert "99,99% — Cakupan ASN yang tidak dijatuhi hukuman disiplin" in out
    assert "Tanggal penandatanganan" in out and "2024-01-31" in out
    assert "Dr. NAMA KEPALA, S.Sos., M.Si. (Kepala Badan, NIP 19700101 199003 1 001)" in out
    assert "NAMA BUPATI (Bupati Contoh)" in out
    assert "masih menyebut 2024" in out


def test_new_refuses_broken_source_with_the_same_errors_as_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = """\
        sasaran: Meningkatnya Disiplin Aparatur
        uraian: Kalimat.
        indikator:
          - nama: Cakupan ASN
            relevansi: Relevansi.
            target: 99.99%
            penjelasan_target: Penjelasan.
            sumber_dta: Laporan
        """
    write_year(tmp_path, sasaran={"01-disiplin.yaml": broken})
    monkeypatch.chdir(tmp_path)
    check = run_lampiran("check")

    result = run_lampiran("new")

    assert result.code == check.code == 1
    problems = [line for line in check.out.splitlines() if "01-disiplin.yaml:" in line]
    assert len(problems) == 2
    assert result.out.splitlines() == [*problems, "2 kesalahan, 0 peringatan"]
    assert [p.name for p in (tmp_path / "content").iterdir()] == ["2024"]


def test_new_without_content_is_a_usage_mistake(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    result = run_lampiran("new")

    assert result.code == 2
    assert "tidak ada folder tahun" in result.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["new", "duaribu"],
            "Galat: Nilai tidak sah untuk '[TAHUN]': 'duaribu' bukan tahun; "
            "tulis empat angka, misalnya 2025",
        ),
        (
            ["new", "1999"],
            "Galat: Nilai tidak sah untuk '[TAHUN]': tahun 1999 di luar rentang 2000 sampai 2100",
        ),
        (
            ["new", "--from", "24"],
            "Galat: Nilai tidak sah untuk '--from': '24' bukan tahun; "
            "tulis empat angka, misalnya 2025",
        ),
    ],
)
def test_a_year_that_is_not_a_year_is_refused_in_indonesian(
    repo_copy: Path, args: list[str], message: str
) -> None:
    result = run_lampiran(*args)

    assert result.code == 2
    assert result.err.splitlines()[-1] == message
    assert not (repo_copy / "content" / "2025").exists()


def test_help_of_new_shows_no_english_range_notation() -> None:
    result = run_lampiran("new", "--help")

    assert result.code == 0
    assert "<=" not in result.out and "integer" not in result.out
    assert "--from TAHUN Tahun yang disalin (bawaan: tahun terbaru di content/)." in " ".join(
        result.out.split()
    )
