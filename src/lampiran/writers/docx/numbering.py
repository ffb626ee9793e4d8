"""The numbering part: the two list definitions and one ``w:num`` per list written.

A template restyled in Word keeps its own numbering definitions; ours are found by
name (``lampiran-butir``, ``lampiran-nomor``) or added. All ``w:abstractNum`` elements
must come before the ``w:num`` elements, or Word drops them (pitfalls.md), so new
definitions go before the first ``w:num`` and new instances after the last one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from lampiran.writers.docx.oxml import W_NS, Element, parse_xml, qn, serialise, sub, val
from lampiran.writers.docx.prose import LIST_INDENT_TWIPS, ListInstance

PART = "word/numbering.xml"

NUMBERING_NAMES = {"bullet": "lampiran-butir", "decimal": "lampiran-nomor"}
"""The names of our list definitions, by which a restyled template's copies are found."""
_LEVELS = {
    "bullet": (("bullet", "\u2022"), ("bullet", "\u2013")),
    "decimal": (("decimal", "%1."), ("decimal", "%2.")),
}


@dataclass(frozen=True)
class NumberingBase:
    """The template's numbering part with our definitions in it, read once per template."""

    xml: bytes
    next_num_id: int
    abstract_ids: Mapping[str, int]

    def with_lists(self, lists: Iterable[ListInstance]) -> bytes:
        """The numbering part with one ``w:num`` per list, each starting on its own."""
        root = parse_xml(self.xml)
        cleanup = root.find(qn("w:numIdMacAtCleanup"))
        for item in lists:
            num = _element("w:num", numId=str(item.num_id))
            sub(num, "w:abstractNumId", val=str(self.abstract_ids[item.kind]))
            override = sub(num, "w:lvlOverride", ilvl=str(item.level))
            sub(override, "w:startOverride", val=str(item.start))
            if cleanup is not None:
                cleanup.addprevious(num)
            else:
                root.append(num)
        return serialise(root)


@cache
def numbering_base(data: bytes | None) -> NumberingBase:
    """Find (or add) the two list definitions in the template's numbering part."""
    root = parse_xml(data) if data is not None else _element("w:numbering", nsmap=True)
    abstract_ids: dict[str, int] = {}
    used = [int(a.get(qn("w:abstractNumId"), "0")) for a in root.iter(qn("w:abstractNum"))]
    first_num = root.find(qn("w:num"))
    if first_num is None:
        first_num = root.find(qn("w:numIdMacAtCleanup"))
    for kind, name in NUMBERING_NAMES.items():
        found = next(
            (a for a in root.iter(qn("w:abstractNum")) if val(a.find(qn("w:name"))) == name),
            None,
        )
        if found is not None:
            abstract_ids[kind] = int(found.get(qn("w:abstractNumId"), "0"))
            continue
        new_id = max([*used, 0]) + 1
        used.append(new_id)
        abstract_ids[kind] = new_id
        definition = _abstract_num(new_id, kind, name)
        if first_num is not None:
            first_num.addprevious(definition)
        else:
            root.append(definition)
    num_ids = [int(n.get(qn("w:numId"), "0")) for n in root.iter(qn("w:num"))]
    return NumberingBase(serialise(root), max([*num_ids, 0]) + 1, abstract_ids)


def _abstract_num(abstract_id: int, kind: str, name: str) -> Element:
    definition = _element("w:abstractNum", abstractNumId=str(abstract_id))
    sub(definition, "w:multiLevelType", val="hybridMultilevel")
    sub(definition, "w:name", val=name)
    for level, (number_format, text) in enumerate(_LEVELS[kind]):
        lvl = sub(definition, "w:lvl", ilvl=str(level))
        sub(lvl, "w:start", val="1")
        sub(lvl, "w:numFmt", val=number_format)
        sub(lvl, "w:lvlText", val=text)
        sub(lvl, "w:lvlJc", val="left")
        indent = str(LIST_INDENT_TWIPS * (level + 1))
        sub(sub(lvl, "w:pPr"), "w:ind", left=indent, hanging=str(LIST_INDENT_TWIPS))
    return definition


def _element(name: str, *, nsmap: bool = False, **attributes: str) -> Element:
    from lxml import etree

    element = etree.Element(qn(name), nsmap={"w": W_NS} if nsmap else None)
    for key, value in attributes.items():
        element.set(qn(f"w:{key}"), value)
    return element
