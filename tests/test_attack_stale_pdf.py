"""Attack: a new .docx beside an old PDF that still looks current.

A PDF beside a .docx must be the PDF of that .docx: it is what gets signed. When a build
writes a different .docx without a new PDF (no ``--pdf``, LibreOffice missing or
failing), the old PDF is removed and the build says so; when the .docx did not change,
its PDF is left alone.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import CONTENT_2024, run_lampiran
from test_pdf import posix_only
from test_pdf_cli import DOCX_2024, PDF_2024, fake_soffice, lampiran

OLD_PDF = b"%PDF-1.6 versi lama\n%%EOF\n"


def build(
    tmp_path: Path, *options: str, soffice: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if soffice is not None:
        env["LAMPIRAN_SOFFICE"] = soffice
    return lampiran("build", CONTENT_2024, "-o", tmp_path / "dist", *options, env=env)


def outdir_with_old_pair(tmp_path: Path, same_docx: bool) -> Path:
    """dist/ with an old PDF beside either this build's own .docx or an older one."""
    outdir = tmp_path / "dist"
    if same_docx:
        assert build(tmp_path).returncode == 0
    else:
        outdir.mkdir()
        (outdir / DOCX_2024).write_bytes(b"PK dokumen Word tahun lalu")
    (outdir / PDF_2024).write_bytes(OLD_PDF)
    return outdir


@posix_only
def test_failed_pdf_step_removes_the_old_pdf_of_an_older_docx_and_says_so(
    tmp_path: Path,
) -> None:
    outdir = outdir_with_old_pair(tmp_path, same_docx=False)
    soffice = fake_soffice(tmp_path, 'echo "javaldx: kesalahan profil" >&2\nexit 3\n')

    result = build(tmp_path, "--pdf", soffice=soffice)

    assert result.returncode == 1
    assert sorted(p.name for p in outdir.iterdir()) == [DOCX_2024]
    assert f"dist/{PDF_2024} dihapus: PDF lama itu dibuat dari dokumen Word sebelumnya" in (
        result.stdout
    )
    assert "kode keluar 3" in result.stderr
    assert "Dokumen Word sudah ditulis; hanya PDF-nya yang belum dibuat." in result.stderr


def test_missing_libreoffice_keeps_the_pdf_of_an_unchanged_docx(tmp_path: Path) -> None:
    outdir = outdir_with_old_pair(tmp_path, same_docx=True)

    result = build(tmp_path, "--pdf", soffice=str(tmp_path / "tidak-ada" / "soffice"))

    assert result.returncode == 1
    assert (outdir / PDF_2024).read_bytes() == OLD_PDF
    assert f"dist/{PDF_2024} tidak diubah: dokumen Word-nya sama dengan sebelumnya." in (
        result.stdout
    )
    assert "dihapus" not in result.stdout


def test_build_without_pdf_removes_the_pdf_of_an_older_docx(tmp_path: Path) -> None:
    outdir = outdir_with_old_pair(tmp_path, same_docx=False)

    result = build(tmp_path)

    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in outdir.iterdir()) == [DOCX_2024]
    assert f"dist/{PDF_2024} dihapus" in result.stdout


def test_build_without_pdf_leaves_the_pdf_of_an_unchanged_docx_alone(tmp_path: Path) -> None:
    outdir = outdir_with_old_pair(tmp_path, same_docx=True)

    result = build(tmp_path)

    assert result.returncode == 0, result.stderr
    assert (outdir / PDF_2024).read_bytes() == OLD_PDF
    assert PDF_2024 not in result.stdout


def test_a_folder_named_like_the_pdf_is_reported_not_removed(tmp_path: Path) -> None:
    outdir = outdir_with_old_pair(tmp_path, same_docx=False)
    (outdir / PDF_2024).unlink()
    (outdir / PDF_2024).mkdir()

    result = build(tmp_path)

    assert result.returncode == 0, result.stderr
    assert (outdir / PDF_2024).is_dir()
    assert PDF_2024 not in result.stdout


def test_an_old_pdf_that_cannot_be_removed_is_named_as_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outdir = outdir_with_old_pair(tmp_path, same_docx=False)
    real_unlink = Path.unlink

    def locked(path: Path, missing_ok: bool = False) -> None:
        if path.name == PDF_2024:
            raise PermissionError(13, "Permission denied", str(path))
        real_unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", locked)

    result = run_lampiran("build", str(CONTENT_2024), "-o", str(outdir))

    assert result.code == 0, result.err
    assert (outdir / PDF_2024).read_bytes() == OLD_PDF
    assert (
        f"Peringatan: {outdir.as_posix()}/{PDF_2024} adalah PDF lama yang tidak sesuai lagi "
        "dengan dokumen Word yang baru, tetapi tidak dapat dihapus "
        "(tidak ada izin untuk membukanya)"
    ) in result.out
    assert [p.name for p in outdir.iterdir() if p.name.endswith(".tmp")] == []


@posix_only
def test_a_stale_pdf_that_is_a_link_is_unlinked_and_its_target_kept(tmp_path: Path) -> None:
    outdir = outdir_with_old_pair(tmp_path, same_docx=False)
    precious = tmp_path / "arsip-bertanda-tangan.pdf"
    precious.write_bytes(OLD_PDF)
    (outdir / PDF_2024).unlink()
    (outdir / PDF_2024).symlink_to(precious)

    result = build(tmp_path)

    assert result.returncode == 0, result.stderr
    assert not (outdir / PDF_2024).is_symlink()
    assert sorted(p.name for p in outdir.iterdir()) == [DOCX_2024]
    assert precious.read_bytes() == OLD_PDF
