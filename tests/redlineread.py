"""Reading a tracked-changes .docx as a reviewer's Word would: accept all, reject all.

Both resolvers follow the rules of ECMA-376 Part 1, 17.13 ("Annotations"), written here
independently of the writer:

* accepting: inserted runs (``w:ins``) and moved-to runs (``w:moveTo``) stay, unwrapped;
  deleted (``w:del``) and moved-from (``w:moveFrom``) runs go with their content; a row
  whose ``w:trPr`` holds ``w:del`` goes; a formatting change (``w:rPrChange``,
  ``w:pPrChange``) keeps the current formatting; a deleted paragraph mark
  (``w:pPr/w:rPr/w:del``) joins what is left of its paragraph to the next paragraph,
  which keeps its own properties;
* rejecting: the reverse (deleted text comes back as ``w:t``, the old formatting comes
  back, an inserted paragraph mark joins its paragraph to the next).

The result is read as structure: each paragraph (style, properties, runs with their
formatting) and each table, row by row and cell by cell, so that it can be compared
with a plain ``lampiran build`` of either year.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Iterator
from typing import Any, Literal

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"

Decision = Literal["accept", "reject"]

_KEPT = {"accept": ("ins", "moveTo"), "reject": ("del", "moveFrom")}
_GONE = {"accept": ("del", "moveFrom"), "reject": ("ins", "moveTo")}
_RANGES = ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")
_RESOLVED_PARTS = ("word/document.xml", "word/header", "word/footer")


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def resolve(data: bytes, decision: Decision) -> bytes:
    """The package with every change accepted (or rejected) in the body, headers, footers."""
    contents = parts(data)
    for name, content in contents.items():
        if name.startswith(_RESOLVED_PARTS) and name.endswith(".xml"):
            root = etree.fromstring(content)
            resolve_tree(root, decision)
            contents[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as package:
        for name, content in contents.items():
            package.writestr(name, content)
    return output.getvalue()


def resolve_tree(root: Any, decision: Decision) -> None:
    kept, gone = _KEPT[decision], _GONE[decision]
    # Rows first: a row deleted (or inserted) goes whole, whatever its runs say.
    row_gone = "del" if decision == "accept" else "ins"
    for row in list(root.iter(f"{W}tr")):
        properties = row.find(f"{W}trPr")
        if properties is None:
            continue
        if properties.find(f"{W}{row_gone}") is not None:
            row.getparent().remove(row)
            continue
        for mark in properties.findall(f"{W}ins") + properties.findall(f"{W}del"):
            properties.remove(mark)
    for name in _RANGES:
        for marker in list(root.iter(f"{W}{name}")):
            marker.getparent().remove(marker)
    # Run-level revisions (not the marks inside w:rPr of a paragraph mark).
    for element in list(root.iter(*(f"{W}{kind}" for kind in (*kept, *gone)))):
        parent = element.getparent()
        if parent is None or parent.tag == f"{W}rPr":
            continue
        local = etree.QName(element).localname
        if local in gone:
            parent.remove(element)
            continue
        for text in element.iter(f"{W}delText", f"{W}delInstrText"):
            text.tag = f"{W}t" if text.tag == f"{W}delText" else f"{W}instrText"
        _unwrap(element)
    _resolve_formatting(root, decision)
    _resolve_paragraph_marks(root, kept, gone)
    for table in list(root.iter(f"{W}tbl")):
        if table.find(f"{W}tr") is None:
            table.getparent().remove(table)
    leftover = [
        etree.QName(e).localname
        for e in root.iter(
            *(
                f"{W}{name}"
                for name in ("ins", "del", "moveFrom", "moveTo", "delText", "tcPrChange")
            )
        )
    ]
    assert not leftover, f"revisions left after {decision}: {leftover}"


def _unwrap(element: Any) -> None:
    parent = element.getparent()
    for item in list(element):
        element.addprevious(item)
    parent.remove(element)


def _resolve_formatting(root: Any, decision: Decision) -> None:
    for change in list(root.iter(f"{W}rPrChange")):
        properties = change.getparent()
        if decision == "accept":
            properties.remove(change)
            continue
        old = change.find(f"{W}rPr")
        owner = properties.getparent()
        index = owner.index(properties)
        owner.remove(properties)
        if old is not None:
            owner.insert(index, old)
    for change in list(root.iter(f"{W}tcPrChange")):
        properties = change.getparent()
        properties.remove(change)
        if decision == "accept":
            continue
        old = change.find(f"{W}tcPr")
        for item in list(properties):
            properties.remove(item)
        for item in list(old) if old is not None else []:
            properties.append(item)
    for change in list(root.iter(f"{W}pPrChange")):
        properties = change.getparent()
        properties.remove(change)
        if decision == "accept":
            continue
        old = change.find(f"{W}pPr")
        marks = properties.find(f"{W}rPr")
        section = properties.find(f"{W}sectPr")
        for item in list(properties):
            properties.remove(item)
        for item in list(old) if old is not None else []:
            properties.append(item)
        for item in (marks, section):
            if item is not None:
                properties.append(item)


def _resolve_paragraph_marks(root: Any, kept: tuple[str, ...], gone: tuple[str, ...]) -> None:
    for paragraph in list(root.iter(f"{W}p")):
        marks = paragraph.find(f"{W}pPr/{W}rPr")
        if marks is None:
            continue
        for kind in kept:
            for mark in marks.findall(f"{W}{kind}"):
                marks.remove(mark)
        removed = [mark for kind in gone for mark in marks.findall(f"{W}{kind}")]
        if not removed:
            continue
        for mark in removed:
            marks.remove(mark)
        content = [item for item in paragraph if item.tag != f"{W}pPr"]
        following = paragraph.getnext()
        while following is not None and following.tag in {f"{W}{n}" for n in _RANGES}:
            following = following.getnext()
        if following is not None and following.tag == f"{W}p":
            first = next((item for item in following if item.tag != f"{W}pPr"), None)
            for item in content:
                if first is not None:
                    first.addprevious(item)
                else:
                    following.append(item)
        else:
            text = "".join(t.text or "" for item in content for t in item.iter(f"{W}t"))
            assert not text, f"a removed paragraph mark before no paragraph keeps {text!r}"
        paragraph.getparent().remove(paragraph)


# -- reading --------------------------------------------------------------------------


def body(data: bytes, part: str = "word/document.xml") -> list[object]:
    """The body as structure: paragraphs and tables (rows of cells of paragraphs)."""
    contents = parts(data)
    root = etree.fromstring(contents[part])
    numbering = _numbering(contents.get("word/numbering.xml"))
    lists: dict[str, int] = {}
    container = root.find(f"{W}body")
    return list(_blocks(container if container is not None else root, numbering, lists))


def _blocks(container: Any, numbering: dict[str, str], lists: dict[str, int]) -> Iterator[object]:
    for item in container:
        if item.tag == f"{W}p":
            yield _paragraph(item, numbering, lists)
        elif item.tag == f"{W}tbl":
            # Each cell with its properties: merged cells (vMerge, gridSpan) must read alike.
            yield [
                [
                    (_cell_properties(cell), *_blocks(cell, numbering, lists))
                    for cell in row.findall(f"{W}tc")
                ]
                for row in item.findall(f"{W}tr")
            ]


def _cell_properties(cell: Any) -> str:
    properties = cell.find(f"{W}tcPr")
    return _canonical(properties) if properties is not None else ""


def _paragraph(paragraph: Any, numbering: dict[str, str], lists: dict[str, int]) -> object:
    properties = copy.deepcopy(paragraph.find(f"{W}pPr"))
    number = None
    if properties is not None:
        # The paragraph mark's formatting does not print; "keep with next" is pagination,
        # set for the signature block by what precedes it in each reading of the redline.
        for tag in ("rPr", "keepNext"):
            found = properties.find(f"{W}{tag}")
            if found is not None:
                properties.remove(found)
        num_id = properties.find(f"{W}numPr/{W}numId")
        if num_id is not None:
            value = num_id.get(f"{W}val", "")
            # Lists compared by their order of appearance and kind, not their ids.
            number = (lists.setdefault(value, len(lists)), numbering.get(value))
            num_id.set(f"{W}val", "")
    shape = _canonical(properties) if properties is not None else ""
    runs: list[tuple[str, str]] = []
    for run in paragraph.iter(f"{W}r"):
        run_properties = run.find(f"{W}rPr")
        look = (
            _canonical(run_properties) if run_properties is not None and len(run_properties) else ""
        )
        text = "".join(
            (node.text or "")
            if node.tag == f"{W}t"
            else "\n"
            if node.tag == f"{W}br"
            else "\t"
            if node.tag == f"{W}tab"
            else ""
            for node in run
        )
        if not text:
            continue
        if runs and runs[-1][0] == look:
            runs[-1] = (look, runs[-1][1] + text)
        else:
            runs.append((look, text))
    return (shape, number, tuple(runs))


def _canonical(element: Any) -> str:
    data: bytes = etree.tostring(element, method="c14n", exclusive=True)
    return data.decode("utf-8")


def _numbering(data: bytes | None) -> dict[str, str]:
    """numId -> "abstract definition name, start" for comparing lists across files."""
    if data is None:
        return {}
    root = etree.fromstring(data)
    names = {
        a.get(f"{W}abstractNumId"): (
            a.find(f"{W}name").get(f"{W}val") if a.find(f"{W}name") is not None else ""
        )
        for a in root.iter(f"{W}abstractNum")
    }
    result = {}
    for num in root.iter(f"{W}num"):
        abstract = num.find(f"{W}abstractNumId")
        start = num.find(f"{W}lvlOverride/{W}startOverride")
        result[num.get(f"{W}numId", "")] = (
            f"{names.get(abstract.get(f'{W}val') if abstract is not None else '')}"
            f",{start.get(f'{W}val') if start is not None else ''}"
        )
    return result


def texts(structure: list[object]) -> list[str]:
    """Only the text of each paragraph and cell, for readable assertion messages."""
    out: list[str] = []
    for block in structure:
        if isinstance(block, tuple):
            out.append("".join(text for _, text in block[2]))
        else:
            for row in block:  # type: ignore[attr-defined]
                out.append(" | ".join("/".join(texts(list(cell[1:]))) for cell in row))
    return out


def revisions(data: bytes) -> list[Any]:
    """Every revision element of the body, in document order."""
    root = etree.fromstring(parts(data)["word/document.xml"])
    tags = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")
    return list(root.iter(*(f"{W}{tag}" for tag in tags)))
