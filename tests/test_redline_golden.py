"""Golden file: one redline's document XML, pretty-printed, compared with tests/golden/.

content/2024 against the edited next year of ``test_redline.edited_2024`` (a target, a
sentence, bold added, an indicator added, a sasaran moved, a signature block added).
After an intended change, regenerate with

    LAMPIRAN_REGENERATE_GOLDEN=1 .venv/bin/pytest tests/test_redline_golden.py

(``make regenerate`` does) and review the diff of tests/golden/ before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from docxread import pretty
from test_build_golden import GOLDEN, REGENERATE
from test_redline import edited_2024, redline


@pytest.mark.parametrize("part_name", ["word/document.xml", "word/settings.xml"])
def test_the_redline_matches_the_golden_file(
    part_name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    golden = GOLDEN / f"redline-content-2024.{part_name.replace('/', '.')}"
    old, new = edited_2024(tmp_path)

    actual = pretty(redline(old, new), part_name)

    if REGENERATE:
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8"), (
        f"{golden.name} differs; if the change is intended, regenerate with "
        "LAMPIRAN_REGENERATE_GOLDEN=1 and review the diff"
    )
