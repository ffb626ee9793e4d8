"""The tracked-changes .docx: the new year's document with every change from the old year
as a Word revision, for reviewers who read, accept, reject and comment in Word.

The document is the new year's, built with the same template as ``lampiran build``. The
template is rendered twice, for the old and for the new year, with every value of its
context wrapped in a marker naming what it is (:mod:`.redline_merge`); the names come
from pairing the two years as ``lampiran diff`` pairs them (sasaran by file and title,
indicators by name and renames: :func:`~lampiran.history.diffing.match_sasaran`,
:func:`~lampiran.history.diffing.match_indikator`). The two renders are then merged
into one, where whatever differs is a revision with the author and the date of the new
year (its signing date, or ``SOURCE_DATE_EPOCH``), and "Track Changes" is switched on.

Every document ``lampiran build --dokumen`` makes (the whole PK, the pernyataan, Lampiran
1, Lampiran 2) has an entry in :data:`DOCUMENTS`: how to build it from a year, its
template and context, and how its lists pair between two years.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from lampiran.blocks import Properties, Prose
from lampiran.content.loading import Year
from lampiran.documents.pk import DOCUMENT_KINDS, DocumentKind
from lampiran.errors import ContentError, Problem, Report, UsageProblem, visible
from lampiran.writers.docx import package
from lampiran.writers.docx.layout import PAPER_SIZES, drop_trailing_empty_paragraphs
from lampiran.writers.docx.oxml import Element, parse_xml, qn, serialise
from lampiran.writers.docx.prose import ProseStyles
from lampiran.writers.docx.redline_merge import (
    Leaf,
    Merger,
    ValuePath,
    marked,
    resolve_values,
    settle_container_ends,
)
from lampiran.writers.docx.revisions import Revisions, complete_row_properties, track_revisions
from lampiran.writers.docx.sections import drop_empty_last_section
from lampiran.writers.docx.template import Template

DEFAULT_AUTHOR = "lampiran"
"""The author of every change unless ``--penulis`` names one."""
MAX_AUTHOR = 100
"""The longest author name (Word shows it in a balloon beside each change)."""

DOCUMENT_PART = "word/document.xml"
PLACEHOLDER_STYLE = "lampiran-redline-"
"""Style id prefix of the paragraph that stands for a prose value until it is merged."""

Pairs = Mapping[ValuePath, Sequence[tuple[int | None, int | None]]]
"""For each list of a context (by its path, list indexes as merged numbers), which old
item is which new item, in the merged order."""


@dataclass(frozen=True)
class RedlineDocument:
    """A document the redline can compare: how to make it and what its template sees."""

    build: Callable[[Year], Any]
    context: Callable[[Any, Any], dict[str, Any]]
    """The template context of a built document, prose given to the second argument."""
    properties: Callable[[Any], Properties]
    pairs: Callable[[Year, Year], Pairs]
    template: Callable[[Any, Path | None], Template]
    """The template a built document goes through: the user's (a path) or its own."""
    signature_names: Callable[[Any], tuple[str, ...]]
    """The lines only its signature block prints, by which the layout finds the block."""
    problems: Callable[[Year], list[Problem]] = lambda year: []
    """What makes a year unable to give this document (a signed part without signature)."""


@dataclass(frozen=True)
class Redline:
    """The tracked-changes document and how many revisions it holds."""

    data: bytes
    changes: int


def _perjanjian(kind: DocumentKind) -> RedlineDocument:
    """A document of the Perjanjian Kinerja (the whole PK or one part), as built."""
    from lampiran.documents.pk import perjanjian_kinerja, signature_problems
    from lampiran.writers.docx.render import (
        perjanjian_context,
        perjanjian_template,
        signature_names,
    )

    return RedlineDocument(
        build=lambda year: perjanjian_kinerja(year, kind),
        context=perjanjian_context,
        properties=lambda document: document.properties,
        pairs=year_pairs,
        template=perjanjian_template,
        signature_names=signature_names,
        problems=lambda year: signature_problems(year, [kind]),
    )


DOCUMENTS: Mapping[str, Callable[[], RedlineDocument]] = {
    kind: functools.partial(_perjanjian, kind) for kind in DOCUMENT_KINDS
}
"""The documents ``lampiran diff --format docx --dokumen`` can compare, by name."""


def check_author(author: str) -> str:
    """The author as written on every change; an empty, long or unprintable one is refused."""
    name = " ".join(author.split())
    if not name:
        raise UsageProblem("--penulis tidak boleh kosong; tulis nama peninjau, misalnya: Bappeda")
    if len(name) > MAX_AUTHOR:
        raise UsageProblem(
            f"--penulis terlalu panjang ({len(name)} huruf); paling banyak {MAX_AUTHOR} huruf"
        )
    if not all(character.isprintable() for character in name):
        raise UsageProblem(f"--penulis memuat karakter yang tidak dapat dicetak: '{visible(name)}'")
    return name


def year_pairs(old: Year, new: Year) -> Pairs:
    """Sasaran (``sasaran``), their indicators (``sasaran/N/indikator``) and programs
    (``program``), paired as ``lampiran diff`` pairs them."""
    from lampiran.history.diffing import match_indikator, match_sasaran
    from lampiran.history.programdiff import match_programs

    pairs: dict[ValuePath, Sequence[tuple[int | None, int | None]]] = {}
    sasaran = match_sasaran(old.sasaran, new.sasaran)
    pairs[("sasaran",)] = sasaran
    for merged, (i, j) in enumerate(sasaran):
        if i is not None and j is not None:
            pairs[("sasaran", str(merged), "indikator")] = match_indikator(
                old.sasaran[i].model.indikator, new.sasaran[j].model.indikator
            )
    pairs[("program",)] = match_programs(old.program, new.program)
    return pairs


def redline_years(
    old: Year,
    new: Year,
    dokumen: str = "lampiran-2",
    template_path: Path | None = None,
    paper: str = "F4",
    author: str = DEFAULT_AUTHOR,
) -> Redline:
    """The tracked-changes document of ``dokumen`` from the old to the new year."""
    if paper not in PAPER_SIZES:
        raise UsageProblem(f"ukuran kertas '{paper}' tidak dikenal; pilih F4 atau A4")
    if dokumen not in DOCUMENTS:
        raise UsageProblem(
            f"dokumen '{dokumen}' tidak dikenal; pilih salah satu: {', '.join(DOCUMENTS)}"
        )
    spec = DOCUMENTS[dokumen]()
    problems = [*spec.problems(old), *spec.problems(new)]
    if problems:
        report = Report()
        report.extend(problems)
        raise ContentError(report)
    old_document, new_document = spec.build(old), spec.build(new)
    properties = spec.properties(new_document)
    names = (*spec.signature_names(new_document), *spec.signature_names(old_document))
    return write_redline(
        spec.context(old_document, _RecordedProse),
        spec.context(new_document, _RecordedProse),
        spec.pairs(old, new),
        properties,
        spec.template(new_document, template_path),
        paper,
        Revisions(author, properties.date),
        tuple(dict.fromkeys(names)),
    )


def write_redline(
    old_context: dict[str, Any],
    new_context: dict[str, Any],
    pairs: Pairs,
    properties: Properties,
    template: Template,
    paper: str,
    revisions: Revisions,
    signature_names: tuple[str, ...] = (),
) -> Redline:
    """Render both contexts through the template and merge them (see the module doc)."""
    from lampiran.writers.docx.render import finish_body, prose_formatting, start_prose

    numbering, writer = start_prose(template)
    names = _Names(pairs)
    old_marked, new_marked = names.walk(old_context, new_context, ())
    merger = Merger(names.leaves, writer, revisions, PLACEHOLDER_STYLE, prose_formatting(template))
    roots: dict[str, Element] = {}
    for name, part in template.parts.items():
        old_root = parse_xml(part.render(old_marked, template.label).encode("utf-8"))
        new_root = parse_xml(part.render(new_marked, template.label).encode("utf-8"))
        if name == DOCUMENT_PART:
            # As a build does, for each year: no blank page after the last part, no
            # empty paragraph at the end.
            for root in (old_root, new_root):
                drop_empty_last_section(root)
                drop_trailing_empty_paragraphs(root)
        _merge_part(merger, old_root, new_root)
        settle_container_ends(new_root, revisions)
        resolve_values(new_root)
        if name == DOCUMENT_PART:
            finish_body(new_root, template, paper, signature_names)
        complete_row_properties(new_root)
        roots[name] = new_root
    changes = revisions.number(roots.values())
    replaced = {name: serialise(root) for name, root in roots.items()}
    replaced[package.NUMBERING_PART] = numbering.with_lists(writer.lists)
    replaced[package.CORE_PART] = package.core_properties(properties)
    replaced[package.SETTINGS_PART] = track_revisions(template.entry(package.SETTINGS_PART))
    return Redline(package.write_package(template.entries, replaced), changes)


def _merge_part(merger: Merger, old_root: Element, new_root: Element) -> None:
    """Replace the blocks of the new render's body (or header, footer) by the merge."""
    old_container = old_root.find(qn("w:body"))
    new_container = new_root.find(qn("w:body"))
    if old_container is None or new_container is None:
        old_container, new_container = old_root, new_root
    old_blocks = _blocks(old_container)
    new_blocks = _blocks(new_container)
    merged = merger.top(old_blocks, new_blocks)
    section = new_container.find(qn("w:sectPr"))
    for block in new_blocks:
        if block.getparent() is new_container:
            new_container.remove(block)
    for block in merged:
        if section is not None and section.getparent() is new_container:
            section.addprevious(block)
        else:
            new_container.append(block)


def _blocks(container: Element) -> list[Element]:
    return [item for item in container if item.tag != qn("w:sectPr")]


class _RecordedProse:
    """A prose field of a context as recorded for the redline (not yet written)."""

    def __init__(self, blocks: Prose, styles: ProseStyles, name: str) -> None:
        self.blocks = blocks
        self.styles = styles
        self.name = name

    @classmethod
    def placeholder(cls, blocks: Prose, styles: ProseStyles, name: str) -> _RecordedProse:
        return cls(blocks, styles, name)


_MISSING: Any = object()
"""The side of a value that one version does not have (a removed sasaran's values)."""


class _Names:
    """Names every value of both contexts by its place, the same name on both sides for
    paired items, and marks the values with it (see :func:`.redline_merge.marked`)."""

    def __init__(self, pairs: Pairs) -> None:
        self.pairs = pairs
        self.leaves: list[Leaf] = []
        self._by_path: dict[ValuePath, int] = {}

    def walk(self, old: Any, new: Any, path: ValuePath) -> tuple[Any, Any]:
        if isinstance(old, dict) or isinstance(new, dict):
            return self._mapping(old, new, path)
        if isinstance(old, list) or isinstance(new, list):
            return self._sequence(old, new, path)
        name = self._name(path)
        return self._leaf(old, name, "old"), self._leaf(new, name, "new")

    def _mapping(self, old: Any, new: Any, path: ValuePath) -> tuple[Any, Any]:
        a = old if isinstance(old, dict) else None
        b = new if isinstance(new, dict) else None
        keys = [*(a or {}), *(key for key in (b or {}) if key not in (a or {}))]
        out_a: dict[str, Any] = {}
        out_b: dict[str, Any] = {}
        for key in keys:
            x, y = self.walk(
                a.get(key, _MISSING) if a is not None else _MISSING,
                b.get(key, _MISSING) if b is not None else _MISSING,
                (*path, key),
            )
            if a is not None and key in a:
                out_a[key] = x
            if b is not None and key in b:
                out_b[key] = y
        return (out_a if a is not None else old), (out_b if b is not None else new)

    def _sequence(self, old: Any, new: Any, path: ValuePath) -> tuple[Any, Any]:
        a = old if isinstance(old, list) else []
        b = new if isinstance(new, list) else []
        pairs = self.pairs.get(path)
        if pairs is None:
            common = min(len(a), len(b))
            pairs = [
                *((k, k) for k in range(common)),
                *((k, None) for k in range(common, len(a))),
                *((None, k) for k in range(common, len(b))),
            ]
        out_a: list[Any] = [None] * len(a)
        out_b: list[Any] = [None] * len(b)
        for merged, (i, j) in enumerate(pairs):
            x, y = self.walk(
                a[i] if i is not None else _MISSING,
                b[j] if j is not None else _MISSING,
                (*path, str(merged)),
            )
            if i is not None:
                out_a[i] = x
            if j is not None:
                out_b[j] = y
        return (out_a if isinstance(old, list) else old), (out_b if isinstance(new, list) else new)

    def _name(self, path: ValuePath) -> int:
        if path not in self._by_path:
            self._by_path[path] = len(self.leaves)
            self.leaves.append(Leaf(path))
        return self._by_path[path]

    def _leaf(self, value: Any, name: int, side: str) -> Any:
        if value is _MISSING or value is None or isinstance(value, bool):
            return value
        if isinstance(value, _RecordedProse):
            leaf = self.leaves[name]
            leaf.styles = value.styles
            if side == "old":
                leaf.old = value.blocks
            else:
                leaf.new = value.blocks
            return Markup(
                f'<w:p><w:pPr><w:pStyle w:val="{PLACEHOLDER_STYLE}{name}"/></w:pPr></w:p>'
            )
        text = str(value)
        return marked(name, text) if text else text
