"""``lampiran diff --format docx --dokumen``: every document of the Perjanjian Kinerja.

The PK Perubahan of tests/data/pk against the PK it revises (the same year before
``perubahan: true``, with the budget and a target as first signed): for the whole PK and
each part, accepting every change gives the build of the PK Perubahan and rejecting every
change the build of the original, cell by cell (Lampiran 1's merged sasaran cells too).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from openxml_audit import FileFormat

from conftest import REPO_ROOT, run_lampiran
from lampiran.content.loading import require_year
from lampiran.writers.docx.redline import redline_years
from lampiran.writers.docx.render import render_document
from redlineread import W, body, parts, resolve, revisions, texts
from test_docx_schema import schema_problems
from test_redline import copy_year, edit

PK_2025 = REPO_ROOT / "tests" / "data" / "pk" / "2025"
KINDS = ["pk", "pernyataan", "lampiran-1", "lampiran-2"]


def original_and_perubahan(root: Path) -> tuple[Path, Path]:
    """The PK as first signed (``old``) and its PK Perubahan (``new``, tests/data/pk)."""
    old = copy_year(PK_2025, root / "asli", "2025")
    new = copy_year(PK_2025, root / "perubahan", "2025")
    edit(old / "dokumen.yaml", "perubahan: true\n", "")
    edit(old / "dokumen.yaml", "tanggal: 2025-07-14", "tanggal: 2025-01-31")
    edit(old / "dokumen.yaml", "    status: Plt.\n", "")
    edit(old / "program.yaml", "anggaran: 1589645600", "anggaran: 1500000000")
    edit(old / "sasaran" / "02-informasi-publik.yaml", "target: 90 Nilai", "target: 85 Nilai")
    sasaran = old / "sasaran" / "01-layanan-digital.yaml"
    edit(sasaran, "  - nama: Persentase perangkat", "  - nama: Persentase OPD")
    # The first indicator is new in the PK Perubahan: Lampiran 1's sasaran cell, merged
    # over its indicators, starts on another row.
    text = sasaran.read_text(encoding="utf-8")
    first, second = text.index("  - nama: Indeks SPBE"), text.index("  - nama: Persentase OPD")
    sasaran.write_text(text[:first] + text[second:], encoding="utf-8")
    return old, new


def build(folder: Path, kind: str) -> bytes:
    year, _ = require_year(folder)
    return render_document(year, kind)  # type: ignore[arg-type]


def redline(old: Path, new: Path, kind: str) -> bytes:
    old_year, _ = require_year(old)
    new_year, _ = require_year(new)
    return redline_years(old_year, new_year, kind).data


@pytest.mark.parametrize("kind", KINDS)
def test_each_document_reads_as_the_perubahan_and_as_the_original(
    kind: str, tmp_path: Path
) -> None:
    old, new = original_and_perubahan(tmp_path)

    data = redline(old, new, kind)

    assert revisions(data)
    for decision, folder in (("accept", new), ("reject", old)):
        resolved = resolve(data, decision)  # type: ignore[arg-type]
        for part in sorted(name for name in parts(data) if name.startswith("word/") and (
            name == "word/document.xml" or name.startswith(("word/header", "word/footer"))
        )):  # fmt: skip
            got, want = body(resolved, part), body(build(folder, kind), part)
            assert texts(got) == texts(want), (decision, part)
            assert got == want, (decision, part)


def test_the_perubahan_title_and_the_budget_are_changed_words(tmp_path: Path) -> None:
    old, new = original_and_perubahan(tmp_path)

    root = etree.fromstring(parts(redline(old, new, "pk"))["word/document.xml"])

    words = [
        (etree.QName(run.getparent()).localname, run_text(run))
        for run in root.iter(f"{W}r")
        if run.getparent().tag in (f"{W}ins", f"{W}del")
    ]
    assert ("ins", " PERUBAHAN") in words
    assert ("ins", "Plt. ") in words
    # An amount is one number changed (not groups of digits), and so is the total.
    assert ("del", "1.500.000.000") in words and ("ins", "1.589.645.600") in words
    assert ("del", "8.226.332.755") in words and ("ins", "8.315.978.355") in words


@pytest.mark.parametrize("file_format", [FileFormat.OFFICE_2010, FileFormat.MICROSOFT_365])
def test_the_whole_pk_redline_is_valid_for_word(file_format: FileFormat, tmp_path: Path) -> None:
    old, new = original_and_perubahan(tmp_path)

    assert schema_problems(redline(old, new, "pk"), tmp_path, file_format) == []


def test_a_signed_document_needs_a_signature_in_both_years(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = original_and_perubahan(tmp_path)
    text = (old / "dokumen.yaml").read_text(encoding="utf-8")
    (old / "dokumen.yaml").write_text(text[: text.index("penandatangan:")], encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    result = run_lampiran(
        "diff", str(old), str(new), "--format", "docx", "-o", "p.docx", "--dokumen", "pk"
    )

    assert result.code == 1
    assert "asli/content/2025/dokumen.yaml" in result.out
    assert "perjanjian kinerja lengkap (--dokumen pk)" in result.out
    assert not (tmp_path / "p.docx").exists()


def run_text(run: Any) -> str:
    return "".join(node.text or "" for node in run.iter(f"{W}t", f"{W}delText"))
