"""Golden files: the built document's XML, pretty-printed, compared with tests/golden/.

After an intended change of the template or the renderer, regenerate them with

    LAMPIRAN_REGENERATE_GOLDEN=1 .venv/bin/pytest tests/test_build_golden.py

and review the diff of tests/golden/ before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import CONTENT_2024, REPO_ROOT
from docxread import pretty, render_folder

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
