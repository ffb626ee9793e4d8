"""Attacks on the whole PK: markup in programs, huge lists, a total of zero, odd parts."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from conftest import SIGNING_BLOCK, VALID_DOKUMEN, VALID_SASARAN, run_lampiran, write_year
from docxread import blocks
from htmlread import parse_page
from lampiran.content.loading import load_year, require_year
from lampiran.documents.pk import perjanjian_kinerja
from lampiran.writers.docx.render import render_document
from lampiran.writers.html import write_html

SIGNED = VALID_DOKUMEN + SIGNING_BLOCK
MARKUP = "{{ 7*7 }} {% if x %}& <w:p/> <b>tebal</b> {_{ x }_}"


def test_markup_in_a_program_is_printed_as_written_in_word_and_on_the_page(
    tmp_path: Path,
) -> None:
    folder = write_year(
        tmp_path,
        dokumen=SIGNED,
        program=f'program:\n  - nama: "{MARKUP}"\n    anggaran: 1\n    keterangan: "{MARKUP}"\n',
    )
    year, _ = require_year(folder)

    text = blocks(render_document(year, "lampiran-1"))
    _, page = parse_page(write_html(perjanjian_kinerja(year, "lampiran-1").document()))

    assert text.count(MARKUP) == 2
    cells = [td.text() for td in page.iter("td") if td.attrs.get("data-kolom") == "Program"]
    assert cells == [MARKUP, "Jumlah"]


def test_a_diff_of_hundreds_of_renamed_programs_is_not_quadratic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def programs(prefix: str) -> str:
        return "program:\n" + "".join(
            f"  - nama: {prefix} kegiatan nomor {n} {'x' * (n % 37)}\n    anggaran: {n}\n"
            for n in range(1, 601)
        )

    write_year(tmp_path, program=programs("Program"))
    write_year(
        tmp_path,
        dokumen=VALID_DOKUMEN.replace("2024", "2025"),
        year="2025",
        program=programs("Urusan"),
    )
    monkeypatch.chdir(tmp_path)

    started = time.perf_counter()
    outcome = run_lampiran("diff", "2024", "2025")
    elapsed = time.perf_counter() - started

    assert outcome.code == 0, outcome.err
    assert elapsed < 20, elapsed  # generous: comparing every pair took minutes
    assert outcome.out.count("ditambah:") == 600 and outcome.out.count("dihapus:") == 600


def test_a_pk_with_hundreds_of_programs_and_indicators_builds_and_adds_up(
    tmp_path: Path,
) -> None:
    indikator = VALID_SASARAN.split("indikator:\n")[1]
    many = (
        VALID_SASARAN.split("indikator:\n")[0]
        + "indikator:\n"
        + "".join(indikator.replace("Cakupan ASN", f"Cakupan ASN {n}") for n in range(60))
    )
    program = "program:\n" + "".join(
        f"  - nama: Program {n}\n    anggaran: 1.000.000.00{n % 10}\n" for n in range(300)
    )
    folder = write_year(tmp_path, dokumen=SIGNED, sasaran={"01-a.yaml": many}, program=program)
    year, _ = require_year(folder)

    started = time.perf_counter()
    text = blocks(render_document(year, "pk"))
    elapsed = time.perf_counter() - started

    assert elapsed < 30, elapsed
    expected = sum(1_000_000_000 + n % 10 for n in range(300))
    assert f"Rp{expected:,}".replace(",", ".") in text
    assert sum(1 for t in text if t.startswith("Cakupan ASN ")) == 60 * 2 + 60  # L1 + L2 twice


def test_a_total_of_zero_last_year_is_not_divided_by(tmp_path: Path) -> None:
    write_year(tmp_path, program="program:\n  - nama: Program A\n    anggaran: 0\n")
    folder = write_year(
        tmp_path,
        dokumen=VALID_DOKUMEN.replace("2024", "2025"),
        year="2025",
        program="program:\n  - nama: Program A\n    anggaran: 5.000.000\n",
    )

    year, report = load_year(folder)

    assert year is not None and report.problems == []


def test_a_template_testing_a_part_that_does_not_exist_is_refused_by_name(
    tmp_path: Path,
) -> None:
    import zipfile

    from conftest import PK_2025, REPO_ROOT

    source = REPO_ROOT / "templates" / "perjanjian-kinerja.docx"
    template = tmp_path / "kita.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(template, "w") as output:
        for info in original.infolist():
            content = original.read(info)
            if info.filename == "word/document.xml":
                content = content.replace(b"bagian.lampiran_1 ", b"bagian.lampiran_3 ")
            output.writestr(info, content)

    outcome = run_lampiran(
        "build",
        str(PK_2025),
        "--dokumen",
        "pk",
        "--template",
        str(template),
        "-o",
        str(tmp_path / "dist"),
    )

    assert outcome.code == 1
    assert "tidak memuat bagian yang diminta (bagian.lampiran_1)" in outcome.err
    assert not (tmp_path / "dist").exists()
