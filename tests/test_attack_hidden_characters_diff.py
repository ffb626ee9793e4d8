"""Attack: invisible characters in a colleague's branch change what a reviewer reads.

``check`` only warns about a direction override or a zero-width space inside text, so
such content reaches review: ``"\u202e%05"`` reads as ``50%`` (and loses "turun"). The
text and Markdown diffs spell every invisible character out; JSON keeps the exact text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import VALID_SASARAN, run_lampiran, write_year


@pytest.fixture
def hidden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """content/2025 changes the target to a right-to-left override before ``%05``, and
    puts an isolate and a zero-width space into the title."""
    changed = VALID_SASARAN.replace("target: 99,99%", 'target: "\u202e%05"').replace(
        "Disiplin Aparatur", "Disiplin\u2067 Apa\u200bratur"
    )
    write_year(tmp_path)
    write_year(
        tmp_path,
        year="2025",
        dokumen="instansi: Badan Contoh\ntahun: 2025\n",
        sasaran={"01-disiplin.yaml": changed},
    )
    monkeypatch.chdir(tmp_path)


def test_text_diff_spells_invisible_characters_out(hidden: None) -> None:
    result = run_lampiran("diff")

    assert result.code == 0
    lines = result.out.splitlines()
    assert "    target: 99,99% -> <U+202E>%05" in lines
    assert "  judul: Meningkatnya Disiplin{+<U+2067>+} [-Aparatur-]{+Apa<U+200B>ratur+}" in lines
    assert not any(char in result.out for char in "\u202e\u2067\u200b")


def test_markdown_diff_spells_invisible_characters_out(hidden: None) -> None:
    result = run_lampiran("diff", "--format", "markdown")

    assert result.code == 0
    assert "  - **target**: 99,99% → \\<U+202E\\>%05" in result.out.splitlines()
    assert not any(char in result.out for char in "\u202e\u2067\u200b")


def test_json_diff_keeps_the_exact_text(hidden: None) -> None:
    result = run_lampiran("diff", "--format", "json")

    changes = json.loads(result.out)["sasaran"][0]["indikator"][0]["changes"]
    assert {"field": "target", "old": "99,99%", "new": "\u202e%05", "direction": None} in changes


def test_check_warns_about_a_direction_isolate(hidden: None) -> None:
    result = run_lampiran("check", "content/2025")

    assert (
        "content/2025/sasaran/01-disiplin.yaml:1:31: sasaran: peringatan: ada karakter tak "
        "terlihat (kode 0x2067) di sini"
    ) in result.out
