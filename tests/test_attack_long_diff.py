"""Attack: a long, repetitive prose field must not make the redline quadratic.

One 20,000-character uraian of the same word repeated, with one word inserted, took
6 s for ``lampiran diff --format docx`` (and 21 s for the text diff before the text
diff's own fix): the whole paragraph was compared word by word, every word with every
other. The redline now compares a paragraph sentence by sentence, pairs paragraphs
within a window, and the word diff bounds what it compares exactly. Whatever the texts,
the word diff still adds up to both of them.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run_lampiran, write_year
from lampiran.history.diffing import word_diff
from test_attack_large_prose import GENEROUS_SECONDS, sasaran_with

REPEATED = " ".join(["kata"] * 3900)
CASES = {
    "one word inserted": (REPEATED, REPEATED[:9000] + " baru" + REPEATED[9000:]),
    "the same words in another order": (
        " ".join(["ini", "kata"] * 1950),
        " ".join(["kata", "ini"] * 1950),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("output", [[], ["--format", "docx", "-o", "p.docx"]], ids=["text", "docx"])
def test_a_long_repetitive_field_is_compared_in_bounded_time(
    case: str, output: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = CASES[case]
    write_year(tmp_path, sasaran={"01.yaml": sasaran_with(old)}, year="2024")
    write_year(
        tmp_path,
        dokumen="instansi: Badan Contoh\ntahun: 2025\n",
        sasaran={"01.yaml": sasaran_with(new)},
        year="2025",
    )
    monkeypatch.chdir(tmp_path)

    start = time.perf_counter()
    result = run_lampiran("diff", *output)

    assert result.code == 0, result.err
    assert time.perf_counter() - start < GENEROUS_SECONDS


words = st.lists(st.sampled_from(["a", "b", "kata", " ", "  ", ".", ","]), max_size=3000)


@settings(max_examples=60, deadline=None)
@given(old=words, new=words)
def test_the_word_diff_always_adds_up_to_both_texts(old: list[str], new: list[str]) -> None:
    a, b = "".join(old), "".join(new)

    ops = word_diff(a, b)

    assert "".join(op.text for op in ops if op.kind != "added") == a
    assert "".join(op.text for op in ops if op.kind != "removed") == b
