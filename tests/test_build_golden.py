"""Golden files: the built document's XML, pretty-printed, compared with tests/golden/;
and the text of each part of the Perjanjian Kinerja, one paragraph or cell per line.

After an intended change of the template or the renderer, regenerate them with

    LAMPIRAN_REGENERATE_GOLDEN=1 .venv/bin/pytest tests/test_build_golden.py

and review the diff of tests/golden/ before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import CONTENT_2024, PK_2025, REPO_ROOT
from docxread import blocks, pretty, render_folder
from lampiran.content.loading import require_year
from lampiran.writers.docx.render import render_document

GOLDEN = REPO_ROOT / "tests" / "golden"
LENGKAP_2025 = REPO_ROOT / "tests" / "data" / "lengkap" / "2025"
REGENERATE = os.environ.get("LAMPIRAN_REGENERATE_GOLDEN") == "1"

CASES = [
    ("content-2024", CONTENT_2024, "word/document.xml"),
    ("content-2024", CONTENT_2024, "docProps/core.xml"),
    ("lengkap-2025", LENGKAP_2025, "word/document.xml"),
    ("lengkap-2025", LENGKAP_2025, "word/numbering.xml"),
]


@pytest.mark.parametrize(("name", "folder", "part_name"), CASES)
def test_built_xml_matches_the_golden_file(
    name: str, folder: Path, part_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    golden = GOLDEN / f"{name}.{part_name.replace('/', '.')}"

    actual = pretty(render_folder(folder), part_name)

    if REGENERATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8"), (
        f"{golden.name} differs; if the change is intended, regenerate with "
        "LAMPIRAN_REGENERATE_GOLDEN=1 and review the diff"
    )


TEXT_CASES = [
    ("pk-2025", PK_2025, "pk"),
    ("pk-2025", PK_2025, "pernyataan"),
    ("pk-2025", PK_2025, "lampiran-1"),
    ("lengkap-2025", LENGKAP_2025, "lampiran-1"),
]
XML_CASES = [("pk-2025", PK_2025, "pk", "word/document.xml")]


def built(folder: Path, kind: str) -> bytes:
    year, _ = require_year(folder)
    return render_document(year, kind)  # type: ignore[arg-type]


def compare(golden: Path, actual: str) -> None:
    if REGENERATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8"), (
        f"{golden.name} differs; if the change is intended, regenerate with "
        "LAMPIRAN_REGENERATE_GOLDEN=1 and review the diff"
    )


@pytest.mark.parametrize(("name", "folder", "kind"), TEXT_CASES)
def test_text_of_each_document_matches_the_golden_file(
    name: str, folder: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)

    actual = "\n".join(blocks(built(folder, kind))) + "\n"

    compare(GOLDEN / f"{name}.{kind}.txt", actual)


@pytest.mark.parametrize(("name", "folder", "kind", "part_name"), XML_CASES)
def test_xml_of_the_whole_pk_matches_the_golden_file(
    name: str, folder: Path, kind: str, part_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)

    actual = pretty(built(folder, kind), part_name)

    compare(GOLDEN / f"{name}.{kind}.{part_name.replace('/', '.')}", actual)
