"""libyaml and the pure-Python parser read every file alike (source/yamlreader.py).

Content is parsed with libyaml first (about thirty times faster); a file libyaml cannot
read in full is read again with the pure-Python parser, whose messages lampiran
translates. Both must give the same values, the same positions and the same problems,
on good files and broken ones, and the rule "unquoted numbers keep their decimals" must
hold with either (the two report a plain scalar's style differently).
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import CONTENT_2024, REPO_ROOT, write_year
from lampiran.content.loading import load_year
from lampiran.source import yamlreader
from lampiran.source.yamlreader import PlainNumber, SourceFile, decode_utf8, parse_yaml_text
from test_content_problems import CASES

needs_libyaml = pytest.mark.skipif(
    not getattr(yaml, "__with_libyaml__", False), reason="PyYAML without libyaml"
)

TRICKY = {
    "plain_numbers": "a: 83.50\nb: 77\nc: 1_000\nd: .5\ne: 1:30\nf: 0x10\ng: 1e3\n",
    "nulls_and_words": "a:\nb: ~\nc: null\nd: yes\ne: 2024-01-31\nf: 'quoted'\n",
    "block_scalars": "a: |\n  satu\n\n  dua\nb: >-\n  lipat\n  baris\nc: |2\n   indent\n",
    "flow": "a: [1, 'dua', {b: 3}]\nc: {d: [e, f]}\n",
    "unicode": "a: 'é ü 😀'\nb: \"x\\u00a0y\"\nc: teks\u200bnol\n",
    "duplicate_keys": "a: 1\nb: 2\na: 3\n",
    "lost_dash": "indikator:\n  - nama: x\n    target: 1\n    nama: y\n    target: 2\n",
    "nbsp_indent": "a:\n\u00a0 b: 1\n",
    "word_bullet": "daftar:\n  \u2022 satu\n",
    "dash_without_space": "daftar:\n  -satu: 1\n",
    "alias": "a: &x 1\nb: *x\n",
    "tag": "a: !!str 1\n",
    "two_documents": "a: 1\n---\nb: 2\n",
    "document_end": "a: 1\n...\nb: 2\n",
    "unclosed_quote": "a: 'satu\nb: 2\n",
    "unclosed_bracket": "a: [1, 2\nb: 3\n",
    "percent_first": "target: %99\n",
    "directive": "%YAML 1.1\n---\na: 1\n",
    "backtick": "a: `x`\n",
    "at_sign": "a: @x\n",
    "colon_in_value": "a: b: c\n",
    "glued_colon": "sasaran:Judul\nuraian: x\n",
    "missing_colon": "sasaran Judul\n",
    "deep": "a:" + "".join(f"\n{'  ' * i}- " for i in range(1, 12)) + "x\n",
    "key_as_list": "? [a, b]\n: c\n",
    "tab_in_block": "a: |\n  satu\tdua\n",
    "tab_after_colon": "a:\t1\n",
    "tab_indent": "a:\n\tb: 1\n",
    "long_key": "k" * 1100 + ": x\n",
    "empty": "",
    "only_comment": "# komentar\n",
    "scalar_document": "teks saja\n",
    "escaped_invisible": 'a: "x\\u202ey"\n',
    "control_escape": 'a: "x\\x07y"\n',
    "backslash_escape": 'a: "C:\\path"\n',
    "sequence_value_dash": "formulasi: -\n",
}


def both(text: str, keep_partial: bool = True) -> tuple[Any, Any]:
    path = Path("berkas.yaml")
    fast = parse_yaml_text(path, text, keep_partial=keep_partial, fast=True)
    pure = parse_yaml_text(path, text, keep_partial=keep_partial, fast=False)
    return _comparable(fast), _comparable(pure)


def _comparable(read: tuple[SourceFile | None, list[Any]]) -> Any:
    source, problems = read
    shown = [problem.format() for problem in problems]
    if source is None:
        return None, shown
    return (
        _typed(source.data),
        source.values,
        source.keys,
        source.stopped_at,
        shown,
    )


def _typed(value: Any) -> Any:
    """The value with the type of every scalar kept (PlainNumber vs str matters)."""
    if isinstance(value, dict):
        return {key: _typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_typed(item) for item in value]
    return (type(value).__name__, value)


def texts_of(files: dict[str, Any]) -> list[str]:
    raw: list[str | bytes] = []
    if isinstance(files.get("dokumen"), str | bytes):
        raw.append(files["dokumen"])
    raw += list((files.get("sasaran") or {}).values())
    decoded = []
    for item in raw:
        data = item if isinstance(item, bytes) else textwrap.dedent(item).encode("utf-8")
        text, problem = decode_utf8(Path("berkas.yaml"), data)
        if problem is None:
            decoded.append(text)
    return decoded


def real_files() -> list[Path]:
    lengkap = REPO_ROOT / "tests" / "data" / "lengkap"
    return sorted([*CONTENT_2024.rglob("*.yaml"), *lengkap.rglob("*.yaml")])


@needs_libyaml
@pytest.mark.parametrize("path", real_files(), ids=lambda p: p.relative_to(REPO_ROOT).as_posix())
def test_real_content_reads_the_same_with_both_parsers(path: Path) -> None:
    text, problem = decode_utf8(path, path.read_bytes())
    assert problem is None

    fast, pure = both(text)

    assert fast == pure
    assert fast[0]  # something was read


@needs_libyaml
@pytest.mark.parametrize("files", [files for files, _ in CASES.values()], ids=CASES.keys())
def test_every_broken_case_reads_the_same_with_both_parsers(files: dict[str, Any]) -> None:
    for text in texts_of(files):
        fast, pure = both(text)
        assert fast == pure, text


@needs_libyaml
@pytest.mark.parametrize("text", TRICKY.values(), ids=TRICKY.keys())
def test_tricky_yaml_reads_the_same_with_both_parsers(text: str) -> None:
    for keep_partial in (True, False):
        fast, pure = both(text, keep_partial)
        assert fast == pure


@pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "pure"])
def test_unquoted_numbers_keep_their_decimals_with_either_parser(fast: bool) -> None:
    source, problems = parse_yaml_text(
        Path("x.yaml"), "a: 83.50\nb: '83.50'\nc: 77\nd: 1.250\n", fast=fast
    )

    assert problems == []
    assert source is not None
    assert source.data == {"a": "83.50", "b": "83.50", "c": "77", "d": "1.250"}
    assert [type(source.data[key]) for key in "abcd"] == [
        PlainNumber,
        str,
        PlainNumber,
        PlainNumber,
    ]


@pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "pure"])
def test_an_unquoted_decimal_target_is_printed_with_its_decimals_by_either_parser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fast: bool
) -> None:
    original = yamlreader.parse_yaml_text

    def chosen(path: Path, text: str, *, keep_partial: bool = False, fast: bool = fast) -> Any:
        return original(path, text, keep_partial=keep_partial, fast=fast)

    monkeypatch.setattr(yamlreader, "parse_yaml_text", chosen)
    sasaran = (CONTENT_2024 / "sasaran" / "01-disiplin-aparatur.yaml").read_text("utf-8")
    assert "target: 99,99%" in sasaran
    folder = write_year(
        tmp_path, sasaran={"01-a.yaml": sasaran.replace("target: 99,99%", "target: 83.50", 1)}
    )

    year, report = load_year(folder)

    assert report.problems == []
    assert year is not None
    assert year.sasaran[0].model.indikator[0].target == "83,50"


@needs_libyaml
def test_good_files_are_parsed_by_libyaml_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    loaders: list[str] = []
    original = yaml.parse

    def recording(stream: Any, Loader: Any) -> Any:
        loaders.append(Loader.__name__)
        return original(stream, Loader=Loader)

    monkeypatch.setattr(yaml, "parse", recording)

    year, _ = load_year(CONTENT_2024)
    assert year is not None
    assert set(loaders) == {"CSafeLoader"}

    loaders.clear()
    parse_yaml_text(Path("x.yaml"), "a: 'tidak ditutup\n")
    assert loaders == ["CSafeLoader", "SafeLoader"]


def test_without_libyaml_the_pure_parser_reads_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlreader, "_FAST_LOADER", None)

    year, report = load_year(CONTENT_2024)

    assert year is not None
    assert report.problems == []
