"""``lampiran build --pdf`` / ``--pdfa`` end to end, on the real content of 2024.

The command runs as a user runs it (``python -m lampiran`` in a subprocess, so that
environment variables such as ``LAMPIRAN_SOFFICE`` apply), LibreOffice converts, and
poppler's tools read the result back.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import CONTENT_2024, require_tool
from docxread import blocks
from test_pdf import pdf_info, pdf_text, posix_only, run_tool

DOCX_2024 = "lampiran-2-perjanjian-kinerja-2024.docx"
PDF_2024 = "lampiran-2-perjanjian-kinerja-2024.pdf"
MM_PER_POINT = 25.4 / 72
ALLOWED_FONTS = ("LiberationSans", "Arial", "OpenSymbol")
"""Arial, its metric twin Liberation Sans, and LibreOffice's own bullet font."""


def lampiran(
    *args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lampiran", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def build_2024(outdir: Path, *options: str) -> Path:
    require_tool("soffice")
    result = lampiran("build", CONTENT_2024, "-o", outdir, *options)
    assert result.returncode == 0, result.stderr
    return outdir / PDF_2024


def missing_words(document: Path, pdf: Path) -> set[str]:
    """Words of the .docx body (paragraphs and table cells) not found whole in the PDF."""
    words = set(re.findall(r"\w+", " ".join(blocks(document.read_bytes()))))
    assert words
    return words - set(re.findall(r"\w+", pdf_text(pdf)))


def page_sizes_mm(pdf: Path) -> set[tuple[int, int]]:
    info = pdf_info(pdf, "-f", "1", "-l", "9999")
    sizes = re.findall(r"size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert sizes
    return {(round(float(w) * MM_PER_POINT), round(float(h) * MM_PER_POINT)) for w, h in sizes}


def instansi_2024() -> str:
    dokumen = yaml.safe_load((CONTENT_2024 / "dokumen.yaml").read_text(encoding="utf-8"))
    return str(dokumen["instansi"])


@pytest.fixture(scope="module")
def f4_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The PDF of content/2024 on the default paper, built once for several checks."""
    return build_2024(tmp_path_factory.mktemp("f4"), "--pdf")


def test_pdf_is_written_beside_the_docx_on_f4_paper(f4_pdf: Path) -> None:
    assert (f4_pdf.parent / DOCX_2024).is_file()
    assert f4_pdf.read_bytes().startswith(b"%PDF-")
    assert page_sizes_mm(f4_pdf) == {(215, 330)}


def test_pdf_holds_every_word_of_the_document(f4_pdf: Path) -> None:
    assert missing_words(f4_pdf.parent / DOCX_2024, f4_pdf) == set()


def test_pdf_embeds_all_fonts_and_none_is_a_fallback(f4_pdf: Path) -> None:
    rows = run_tool(require_tool("pdffonts"), str(f4_pdf)).splitlines()[2:]

    assert rows
    for row in rows:
        name, embedded = row.split()[0].split("+")[-1], row.split()[-5]
        assert embedded == "yes", f"font not embedded: {row}"
        assert name.startswith(ALLOWED_FONTS), f"fallback font in the PDF: {row}"


def test_pdf_carries_title_author_language_and_tags(f4_pdf: Path) -> None:
    info = pdf_info(f4_pdf)

    assert re.search(r"^Title:\s+Lampiran 2 Perjanjian Kinerja 2024$", info, re.M)
    assert re.search(rf"^Author:\s+{re.escape(instansi_2024())}$", info, re.M)
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert b"/Lang(id-ID)" in f4_pdf.read_bytes()


def test_paper_a4_gives_an_a4_pdf(tmp_path: Path) -> None:
    pdf = build_2024(tmp_path, "--pdf", "--paper", "A4")

    assert page_sizes_mm(pdf) == {(210, 297)}
    assert missing_words(tmp_path / DOCX_2024, pdf) == set()


def test_pdfa_declares_pdfa_2b_and_holds_all_text(tmp_path: Path) -> None:
    pdf = build_2024(tmp_path, "--pdfa")

    xmp = pdf_info(pdf, "-meta")
    assert "<pdfaid:part>2</pdfaid:part>" in xmp
    assert "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    assert missing_words(tmp_path / DOCX_2024, pdf) == set()
    assert re.search(r"^Title:\s+Lampiran 2 Perjanjian Kinerja 2024$", pdf_info(pdf), re.M)


def test_two_builds_started_at_the_same_moment_both_produce_good_pdfs(tmp_path: Path) -> None:
    require_tool("soffice")
    outdirs = [tmp_path / "satu", tmp_path / "dua"]
    command = [sys.executable, "-m", "lampiran", "build", str(CONTENT_2024), "--pdf", "-o"]

    processes = [
        subprocess.Popen(
            [*command, str(outdir)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for outdir in outdirs
    ]
    outcomes = [process.communicate() for process in processes]

    for process, (_, stderr), outdir in zip(processes, outcomes, outdirs, strict=True):
        assert process.returncode == 0, stderr
        assert missing_words(outdir / DOCX_2024, outdir / PDF_2024) == set()


# --- several years in one run -----------------------------------------------------------


def copy_year(root: Path, tahun: int) -> Path:
    """content/<tahun> under ``root``: the 2024 content with its year changed."""
    folder = root / "content" / str(tahun)
    shutil.copytree(CONTENT_2024, folder)
    dokumen = folder / "dokumen.yaml"
    text = dokumen.read_text(encoding="utf-8")
    dokumen.write_text(re.sub(r"(?m)^tahun: 2024$", f"tahun: {tahun}", text), encoding="utf-8")
    return folder


def counting_soffice(tmp_path: Path, real: str) -> tuple[dict[str, str], Path]:
    """An environment whose LibreOffice is a wrapper logging each call to a file."""
    calls = tmp_path / "panggilan.log"
    wrapper = tmp_path / "soffice-hitung"
    wrapper.write_text(f'#!/bin/sh\necho "$@" >> "{calls}"\nexec "{real}" "$@"\n')
    wrapper.chmod(0o755)
    return {**os.environ, "LAMPIRAN_SOFFICE": str(wrapper)}, calls


@posix_only
def test_several_years_are_converted_in_one_libreoffice_call(tmp_path: Path) -> None:
    env, calls = counting_soffice(tmp_path, require_tool("soffice"))
    years = (2023, 2024, 2025)
    folders = [copy_year(tmp_path, tahun) for tahun in years]

    result = lampiran("build", *folders, "--pdf", "-o", "dist", cwd=tmp_path, env=env)

    assert result.returncode == 0, result.stderr
    assert len(calls.read_text().splitlines()) == 1
    for tahun in years:
        pdf = tmp_path / "dist" / f"lampiran-2-perjanjian-kinerja-{tahun}.pdf"
        assert f"PENJELASAN KINERJA TAHUN {tahun}" in pdf_text(pdf)
        assert re.search(rf"^Title:\s+Lampiran 2 Perjanjian Kinerja {tahun}$", pdf_info(pdf), re.M)
        assert f"{pdf.relative_to(tmp_path).as_posix()} ditulis." in result.stdout


@posix_only
def test_an_error_in_one_year_writes_nothing_and_never_starts_libreoffice(
    tmp_path: Path,
) -> None:
    env, calls = counting_soffice(tmp_path, require_tool("soffice"))
    good = copy_year(tmp_path, 2023)
    bad = copy_year(tmp_path, 2024)
    (bad / "dokumen.yaml").write_text("instansi: Badan Contoh\ntahun: dua ribu\n", encoding="utf-8")

    result = lampiran("build", good, bad, "--pdf", "-o", "dist", cwd=tmp_path, env=env)

    assert result.returncode == 1
    assert "dokumen.yaml" in result.stdout + result.stderr
    assert not (tmp_path / "dist").exists() or list((tmp_path / "dist").iterdir()) == []
    assert not calls.exists()


# --- LibreOffice missing or misbehaving -------------------------------------------------


def build_with_soffice(
    tmp_path: Path, soffice: str, **env_extra: str
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LAMPIRAN_SOFFICE": soffice, **env_extra}
    return lampiran("build", CONTENT_2024, "-o", tmp_path / "dist", "--pdf", env=env)


def fake_soffice(tmp_path: Path, body: str) -> str:
    script = tmp_path / "soffice-palsu"
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(0o755)
    return str(script)


def assert_docx_only(outdir: Path, result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in outdir.iterdir()) == [DOCX_2024]
    assert "Dokumen Word sudah ditulis" in result.stderr


def test_missing_libreoffice_still_writes_the_docx_and_says_how_to_install(
    tmp_path: Path,
) -> None:
    result = build_with_soffice(tmp_path, str(tmp_path / "tidak-ada" / "soffice"))

    assert_docx_only(tmp_path / "dist", result)
    assert "sudo apt-get install libreoffice-writer-nogui fonts-liberation" in result.stderr
    assert "Windows" in result.stderr
    assert "libreoffice.org" in result.stderr


@posix_only
def test_hanging_libreoffice_gives_a_clear_message_and_no_pdf(tmp_path: Path) -> None:
    soffice = fake_soffice(tmp_path, "sleep 300\n")

    result = build_with_soffice(tmp_path, soffice, LAMPIRAN_PDF_TIMEOUT="1")

    assert_docx_only(tmp_path / "dist", result)
    assert "tidak selesai dalam 1 detik" in result.stderr


@posix_only
def test_libreoffice_that_writes_nothing_gives_a_clear_message(tmp_path: Path) -> None:
    soffice = fake_soffice(tmp_path, "echo 'Error: source file could not be loaded'\nexit 0\n")

    result = build_with_soffice(tmp_path, soffice)

    assert_docx_only(tmp_path / "dist", result)
    assert "tanpa menghasilkan PDF" in result.stderr
    assert "source file could not be loaded" in result.stderr
