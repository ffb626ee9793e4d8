"""Properties of loading: text survives as written; broken years give located problems.

Hypothesis writes prose through ``yaml.safe_dump`` (any quoting style it picks, with
Windows line endings or a byte-order mark now and then) and damages valid years in
random ways. Example counts stay moderate so that the suite stays fast.
"""

from __future__ import annotations

import copy
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import write_year
from lampiran.content.loading import load_year
from lampiran.content.models import Indikator, Sasaran

PROSE_FIELDS = ["uraian", "relevansi", "formulasi", "sumber_data", "penjelasan_target"]
ONE_LINE_FIELDS = ["sasaran", "nama"]

# Text an author can put in a document: anything but control characters (tab and line
# break aside), which are refused with their own message (see test_content_problems).
text_characters = st.characters(
    blacklist_categories=("Cc", "Cs", "Zl", "Zp"),
    blacklist_characters="\ufffe\uffff",
    whitelist_characters="\n\t",
)
prose_text = st.text(text_characters, min_size=1, max_size=300).filter(lambda t: t.strip())
one_line_text = st.text(
    st.characters(
        blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\ufffe\uffff"
    ),
    min_size=1,
    max_size=80,
).filter(lambda t: t.strip())

DOKUMEN: dict[str, Any] = {
    "instansi": "Badan Contoh",
    "tahun": 2024,
    "penandatangan": {
        "tempat": "Contoh",
        "tanggal": "2024-01-31",
        "pihak_pertama": {"nama": "A", "jabatan": "B", "nip": "19700101 199003 1 001"},
        "pihak_kedua": {"nama": "C", "jabatan": "D"},
    },
}


def sasaran_data(title: str, name: str) -> dict[str, Any]:
    return {
        "sasaran": title,
        "uraian": "Kalimat pertama.\nKalimat kedua.\n",
        "indikator": [
            {
                "nama": name,
                "relevansi": "Relevansi.",
                "formulasi": "A / B X 100%",
                "sumber_data": "Laporan",
                "target": "99,99%",
                "penjelasan_target": "Penjelasan.",
            }
        ],
    }


def dump(data: Any, style: str | None = None, width: int = 80) -> str:
    return yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, default_style=style, width=width
    )


@st.composite
def encoded(draw: st.DrawFn, text: str) -> bytes:
    """The text as a file: UTF-8, sometimes with Windows line endings or a byte-order mark."""
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    raw = text.encode("utf-8")
    return b"\xef\xbb\xbf" + raw if draw(st.booleans()) else raw


@settings(max_examples=80, deadline=None)
@given(
    field=st.sampled_from(PROSE_FIELDS),
    text=prose_text,
    style=st.sampled_from([None, '"', "'", "|", ">"]),
    width=st.integers(20, 120),
    data=st.data(),
)
def test_any_prose_loads_unchanged(
    field: str, text: str, style: str | None, width: int, data: st.DataObject
) -> None:
    content = sasaran_data("Judul", "Nama")
    if field == "uraian":
        content["uraian"] = text
    else:
        content["indikator"][0][field] = text
    raw = data.draw(encoded(dump(content, style, width)))

    with tempfile.TemporaryDirectory() as tmp:
        year, report = load_year(write_year(Path(tmp), sasaran={"01.yaml": raw}))

        assert year is not None, [p.format() for p in report]
    model: Sasaran = year.sasaran[0].model
    holder: Sasaran | Indikator = model if field == "uraian" else model.indikator[0]
    assert getattr(holder, field) == text.strip()


@settings(max_examples=60, deadline=None)
@given(
    field=st.sampled_from(ONE_LINE_FIELDS),
    text=one_line_text,
    style=st.sampled_from([None, '"', "'"]),
)
def test_any_one_line_text_loads_unchanged(field: str, text: str, style: str | None) -> None:
    content = sasaran_data("Judul", "Nama")
    if field == "sasaran":
        content["sasaran"] = text
    else:
        content["indikator"][0]["nama"] = text

    with tempfile.TemporaryDirectory() as tmp:
        folder = write_year(Path(tmp), sasaran={"01.yaml": dump(content, style, width=10_000)})
        year, report = load_year(folder)

        assert year is not None, [p.format() for p in report]
    model = year.sasaran[0].model
    value = model.sasaran if field == "sasaran" else model.indikator[0].nama
    assert value == text.strip()


# Damage -------------------------------------------------------------------------------

Path_ = tuple[str | int, ...]


def paths_in(data: Any, prefix: Path_ = ()) -> Iterator[Path_]:
    """Every key and list item of ``data``, as paths."""
    items: Any = (
        data.items()
        if isinstance(data, dict)
        else (enumerate(data) if isinstance(data, list) else ())
    )
    for key, value in items:
        yield (*prefix, key)
        yield from paths_in(value, (*prefix, key))


def holder_of(data: Any, path: Path_) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


wrong_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(min_size=1, max_size=8), st.text(max_size=8), max_size=2),
)


@st.composite
def damaged_data(draw: st.DrawFn, data: Any) -> Any:
    """``data`` with a few keys deleted or values replaced by wrong types."""
    data = copy.deepcopy(data)
    for _ in range(draw(st.integers(1, 3))):
        paths = list(paths_in(data))
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        holder = holder_of(data, path)
        if draw(st.booleans()):
            del holder[path[-1]]
        else:
            holder[path[-1]] = draw(wrong_values)
    return data


@st.composite
def damaged_text(draw: st.DrawFn, text: str) -> str:
    """``text`` with lines deleted, repeated, swapped, re-indented or typed into."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "repeat", "swap", "indent", "type"]))
        if kind == "delete" and len(lines) > 1:
            del lines[index]
        elif kind == "repeat":
            lines.insert(index, lines[index])
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif kind == "indent":
            indent = draw(st.sampled_from(["", " ", "  ", "\t", "- "]))
            lines[index] = indent + lines[index].lstrip()
        else:
            column = draw(st.integers(0, len(lines[index])))
            typed = draw(
                st.text(
                    st.sampled_from(list(":-#'\"[]{}|>&*!%@`\t\\ ab1.,\x07")),
                    min_size=1,
                    max_size=4,
                )
            )
            lines[index] = lines[index][:column] + typed + lines[index][column:]
    return "\n".join(lines)


@st.composite
def damaged_bytes(draw: st.DrawFn, raw: bytes) -> bytes:
    """``raw`` cut short or with a few bytes replaced (often not UTF-8 any more)."""
    if draw(st.booleans()):
        return raw[: draw(st.integers(0, len(raw)))]
    data = bytearray(raw)
    for _ in range(draw(st.integers(1, 3))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


@st.composite
def damaged_file(draw: st.DrawFn, data: Any) -> bytes:
    kind = draw(st.sampled_from(["data", "text", "bytes", "none"]))
    if kind == "data":
        return dump(draw(damaged_data(data))).encode("utf-8")
    text = dump(data)
    if kind == "text":
        return draw(encoded(draw(damaged_text(text))))
    if kind == "bytes":
        return draw(damaged_bytes(text.encode("utf-8")))
    return draw(encoded(text))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_damaged_year_only_ever_gives_located_problems(data: st.DataObject) -> None:
    files = {
        "dokumen": data.draw(damaged_file(DOKUMEN), label="dokumen"),
        "01-disiplin.yaml": data.draw(damaged_file(sasaran_data("Satu", "A")), label="01"),
        "02-sdm.yaml": data.draw(damaged_file(sasaran_data("Dua", "B")), label="02"),
    }

    with tempfile.TemporaryDirectory() as tmp:
        dokumen = files.pop("dokumen")
        folder = write_year(Path(tmp), dokumen=dokumen, sasaran=files)
        year, report = load_year(folder)

        for problem in report.sorted():
            assert problem.path.is_relative_to(folder)
            assert problem.message
            assert problem.line >= 1 and problem.column >= 1
            if problem.path.is_file():
                lines = problem.path.read_bytes().count(b"\n") + 1
                assert problem.line <= lines, problem.format()
    assert (year is None) == report.has_errors
