"""Merging the template rendered for the old and for the new year into one tracked document.

Both renders use the same template; every value in their contexts is wrapped in a marker
that names the value by its place in the content (``sasaran 2, indikator 1, target``),
the same name on both sides for the same sasaran or indicator as the text diff pairs
them (:mod:`lampiran.history.diffing`). So the two renders are compared by *what* each
paragraph and row shows, never by its text:

* the body is cut into groups, one per sasaran (everything the template prints for it:
  headings, sentences, both tables) and one for the rest; groups of a sasaran only in
  one year are deleted or inserted whole; a sasaran whose place in the order changed is
  a move (``w:moveFrom`` at the old place, ``w:moveTo`` at the new), its own changes
  shown inside it;
* inside a group (and inside a table cell) paragraphs and tables are aligned by their
  template skeleton: the XML with every value replaced by its name; a paragraph the
  template printed for a value only one year has (a pangkat, a NIP) is inserted or
  deleted; a paragraph in both shows its changed values word by word;
* table rows are aligned by the indicator they show, so an added indicator is an inserted
  row; the cells of a row in both years are merged as containers;
* prose (uraian, relevansi...) is merged on the document model (:mod:`.redline_prose`).

Whatever a template does with loops, conditions or filters, accepting every change gives
the new render and rejecting every change the old one, because every merged element is
taken from one render or the other and only the values inside it are diffed.
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from lampiran.blocks import Prose
from lampiran.history.diffing import moved_items, word_diff
from lampiran.writers.docx.oxml import Element, qn, val
from lampiran.writers.docx.prose import ListInstance, ProseStyles, ProseWriter
from lampiran.writers.docx.redline_prose import merge_prose
from lampiran.writers.docx.revisions import (
    REMOVING,
    Kind,
    Revisions,
    paragraph_mark,
    revision_kind,
    row_mark,
)

MARK_START = "\ufde0"
MARK_MID = "\ufde1"
MARK_END = "\ufde2"
"""Noncharacters around a value and its name: content can never hold them (the model
refuses U+FDD0..U+FDEF), so a marker is never confused with text."""

Side = Literal["old", "new"]
ValuePath = tuple[str, ...]


def marked(leaf: int, text: str) -> str:
    """A value as it goes into a template context: its name, then its text."""
    return f"{MARK_START}{leaf}{MARK_MID}{text}{MARK_END}"


Segment = str | tuple[int, str]
"""A stretch of rendered text: fixed text of the template, or (value name, value text)."""


def segments(text: str) -> list[Segment]:
    """Rendered text cut into fixed text and marked values (a broken marker is text)."""
    pieces: list[Segment] = []
    at = 0
    while True:
        start = text.find(MARK_START, at)
        if start < 0:
            break
        mid = text.find(MARK_MID, start)
        end = text.find(MARK_END, mid)
        name = text[start + 1 : mid]
        if mid < 0 or end < 0 or not name.isdigit():
            break
        if start > at:
            pieces.append(text[at:start])
        pieces.append((int(name), text[mid + 1 : end]))
        at = end + 1
    rest = text[at:]
    if rest:
        pieces.append(_without_markers(rest))
    return pieces


def plain(text: str) -> str:
    """Rendered text as printed: every marker replaced by its value's text."""
    if MARK_START not in text and MARK_MID not in text and MARK_END not in text:
        return text
    return "".join(piece if isinstance(piece, str) else piece[1] for piece in segments(text))


def skeleton(text: str) -> str:
    """Rendered text with every value replaced by its name (what the template made)."""
    if MARK_START not in text:
        return text
    return "".join(
        piece if isinstance(piece, str) else f"{MARK_START}{piece[0]}{MARK_END}"
        for piece in segments(text)
    )


def _without_markers(text: str) -> str:
    return text.replace(MARK_START, "").replace(MARK_MID, "").replace(MARK_END, "")


def resolve_values(root: Element) -> None:
    """Every marker left in a part (values in fixed text, attributes, field codes) replaced
    by its text, and no marker character left anywhere."""
    for node in root.iter():
        if node.text and _has_marker(node.text):
            node.text = plain(node.text)
        if node.tail and _has_marker(node.tail):
            node.tail = plain(node.tail)
        for name, value in node.attrib.items():
            if _has_marker(value):
                node.set(name, plain(value))


def _has_marker(text: str) -> bool:
    return MARK_START in text or MARK_MID in text or MARK_END in text


@dataclass
class Leaf:
    """One value of the contexts: where it is, and for prose both versions of it."""

    path: ValuePath
    old: Prose | None = None
    new: Prose | None = None
    styles: ProseStyles | None = None


@dataclass
class _Group:
    """Consecutive top-level blocks that show one sasaran (or the rest of the document)."""

    key: tuple[ValuePath, int]
    blocks: list[Element] = field(default_factory=list)


@dataclass
class Merger:
    """Merges the old and new renders of one part into tracked changes."""

    leaves: Sequence[Leaf]
    writer: ProseWriter
    revisions: Revisions
    placeholder_style: str
    """The style id prefix of a prose placeholder paragraph, followed by its value name."""
    formatting: Mapping[str, Element] = field(default_factory=dict)
    """Run properties the template gives a prose field (by field name), as a build does."""

    # -- the top level: groups per sasaran --------------------------------------------

    def top(self, old: Sequence[Element], new: Sequence[Element]) -> list[Element]:
        """The merged top-level blocks of a body (or header, footer)."""
        old_groups, new_groups = self._groups(old), self._groups(new)
        in_new = {group.key: j for j, group in enumerate(new_groups)}
        pairs: list[tuple[int, int]] = [
            (i, in_new[group.key]) for i, group in enumerate(old_groups) if group.key in in_new
        ]
        moved = moved_items(pairs)
        partner_of_old = dict(pairs)
        partner_of_new = {j: i for i, j in pairs}
        anchors = sorted(((i, j) for i, j in pairs if i not in moved), key=lambda pair: pair[1])
        merged_moves: dict[int, list[Element]] = {}
        names: dict[int, str] = {}

        def move(i: int, j: int, kind: Literal["moveFrom", "moveTo"]) -> list[Element]:
            # Merged once; each side of the move is projected from its own copy.
            if i not in merged_moves:
                merged_moves[i] = self.blocks(old_groups[i].blocks, new_groups[j].blocks)
                names[i] = self.revisions.move_name()
            blocks = [copy.deepcopy(block) for block in merged_moves[i]]
            start, end = self.revisions.move_range(kind, names[i])
            return _enclose(self._project(blocks, kind), start, end)

        out: list[Element] = []
        old_at = new_at = 0
        for i, j in [*anchors, (len(old_groups), len(new_groups))]:
            for k in range(old_at, i):
                if k in partner_of_old:
                    out.extend(move(k, partner_of_old[k], "moveFrom"))
                else:
                    out.extend(self._only_all(old_groups[k].blocks, "old"))
            for k in range(new_at, j):
                if k in partner_of_new:
                    out.extend(move(partner_of_new[k], k, "moveTo"))
                else:
                    out.extend(self._only_all(new_groups[k].blocks, "new"))
            if i < len(old_groups):
                out.extend(self.blocks(old_groups[i].blocks, new_groups[j].blocks))
            old_at, new_at = i + 1, j + 1
        return out

    def _groups(self, blocks: Sequence[Element]) -> list[_Group]:
        heads: list[ValuePath | None] = [self._head(block) for block in blocks]
        # A block without values (a fixed heading) belongs to what it introduces.
        following: ValuePath | None = None
        for index in range(len(heads) - 1, -1, -1):
            if heads[index] is None:
                heads[index] = following
            following = heads[index]
        previous: ValuePath = ()
        groups: list[_Group] = []
        seen: dict[ValuePath, int] = {}
        for block, head in zip(blocks, heads, strict=True):
            head = previous if head is None else head
            if not groups or groups[-1].key[0] != head:
                count = seen.get(head, 0)
                seen[head] = count + 1
                groups.append(_Group((head, count)))
            groups[-1].blocks.append(block)
            previous = head
        return groups

    def _head(self, block: Element) -> ValuePath | None:
        heads = {_list_item(self.leaves[leaf].path) for leaf in self._names(block)}
        if not heads:
            return None
        return _common_prefix(heads)

    def _project(self, blocks: list[Element], kind: Literal["moveFrom", "moveTo"]) -> list[Element]:
        """One side of a moved group: where it was (old text) or where it is (new text)."""
        dropped = frozenset({"ins", "moveTo"}) if kind == "moveFrom" else REMOVING
        kept = [block for block in blocks if _drop(block, dropped, kind == "moveFrom")]
        for block in kept:
            self.revisions.mark(block, kind)
        if kind == "moveFrom":
            self._renumber(kept)
        return kept

    def _renumber(self, blocks: list[Element]) -> None:
        """Lists of a move's source numbered on their own, not on with its destination."""
        instances = {str(item.num_id): item for item in self.writer.lists}
        copies: dict[str, str] = {}
        for block in blocks:
            for number in block.iter(qn("w:numId")):
                value = val(number) or ""
                if value not in instances:
                    continue
                if value not in copies:
                    original = instances[value]
                    fresh = self.writer.first_num_id + len(self.writer.lists)
                    self.writer.lists.append(
                        ListInstance(fresh, original.kind, original.level, original.start)
                    )
                    copies[value] = str(fresh)
                number.set(qn("w:val"), copies[value])

    # -- containers ---------------------------------------------------------------------

    def blocks(self, old: Sequence[Element], new: Sequence[Element]) -> list[Element]:
        """Merged blocks of one container (a group, a table cell), aligned by skeleton."""
        return self._aligned(old, new, self._pair)

    def _aligned(
        self,
        old: Sequence[Element],
        new: Sequence[Element],
        merge: Callable[[Element, Element], list[Element]],
    ) -> list[Element]:
        """``old`` and ``new`` aligned by their keys: pairs merged, the rest old or new."""
        matcher = difflib.SequenceMatcher(
            None, [self._key(item) for item in old], [self._key(item) for item in new],
            autojunk=False,
        )  # fmt: skip
        out: list[Element] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for a, b in zip(old[i1:i2], new[j1:j2], strict=True):
                    out.extend(merge(a, b))
                continue
            out.extend(self._only_all(old[i1:i2], "old"))
            out.extend(self._only_all(new[j1:j2], "new"))
        return out

    def _key(self, block: Element) -> object:
        if block.tag == qn("w:tbl"):
            parts = [block.find(qn("w:tblPr")), block.find(qn("w:tblGrid"))]
            return ("tbl", *(skeleton(_xml(part)) for part in parts if part is not None))
        if block.tag == qn("w:tr"):
            names = self._names(block)
            properties = block.find(qn("w:trPr"))
            cells = len(block.findall(qn("w:tc")))
            shell = skeleton(_xml(properties)) if properties is not None else ""
            if not names:
                return ("tr", shell, cells, skeleton(_xml(block)))
            return ("tr", shell, cells, _row_scope([self.leaves[leaf].path for leaf in names]))
        return skeleton(_xml(block))

    def _names(self, element: Element) -> list[int]:
        """The values an element shows (marked text and prose placeholders), in order."""
        names: list[int] = []
        for node in element.iter(qn("w:t"), qn("w:pStyle")):
            if node.tag == qn("w:t"):
                if node.text and MARK_START in node.text:
                    names.extend(
                        piece[0] for piece in segments(node.text) if not isinstance(piece, str)
                    )
            else:
                leaf = self._placeholder_leaf_of_style(node)
                if leaf is not None:
                    names.append(leaf)
        return [name for name in names if name < len(self.leaves)]

    def _placeholder_leaf_of_style(self, style: Element) -> int | None:
        name = val(style) or ""
        suffix = name[len(self.placeholder_style) :]
        if name.startswith(self.placeholder_style) and suffix.isdigit():
            return int(suffix)
        return None

    def _placeholder(self, paragraph: Element) -> Leaf | None:
        if paragraph.tag != qn("w:p"):
            return None
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        leaf = self._placeholder_leaf_of_style(style) if style is not None else None
        if leaf is None or leaf >= len(self.leaves) or self.leaves[leaf].styles is None:
            return None
        return self.leaves[leaf]

    # -- in both versions -------------------------------------------------------------------

    def _pair(self, old: Element, new: Element) -> list[Element]:
        leaf = self._placeholder(new)
        if leaf is not None:
            assert leaf.styles is not None
            merged = merge_prose(
                leaf.old or (), leaf.new or (), leaf.styles, self.writer, self.revisions
            )
            return self._formatted(merged, leaf)
        if new.tag == qn("w:p"):
            self._merge_values(old, new)
            return [new]
        if new.tag == qn("w:tbl"):
            rows_old = [row for row in old if row.tag == qn("w:tr")]
            rows_new = [row for row in new if row.tag == qn("w:tr")]
            for row in rows_new:
                new.remove(row)
            for row in self._rows(rows_old, rows_new):
                new.append(row)
            return [new]
        if _xml(old) == _xml(new):
            return [new]
        return [*self._only(old, "old"), *self._only(new, "new")]

    def _rows(self, old: Sequence[Element], new: Sequence[Element]) -> list[Element]:
        return self._aligned(old, new, lambda a, b: [self._merge_row(a, b)])

    def _merge_row(self, old: Element, new: Element) -> Element:
        for a, b in zip(old.findall(qn("w:tc")), new.findall(qn("w:tc")), strict=True):
            self.revisions.cell_change(b, a.find(qn("w:tcPr")))
            blocks_a = [item for item in a if item.tag != qn("w:tcPr")]
            blocks_b = [item for item in b if item.tag != qn("w:tcPr")]
            for item in blocks_b:
                b.remove(item)
            for item in self.blocks(blocks_a, blocks_b):
                b.append(item)
        return new

    def _merge_values(self, old: Element | None, new: Element | None) -> None:
        """Changed values inside an element in both versions, word by word."""
        if old is None or new is None:
            return
        for a, b in zip(list(old.iter(qn("w:t"))), list(new.iter(qn("w:t"))), strict=False):
            if not b.text or MARK_START not in b.text:
                continue
            before, after = segments(a.text or ""), segments(b.text)
            if before == after:
                continue
            self._split_run(b, before, after)

    def _split_run(self, text: Element, old: list[Segment], new: list[Segment]) -> None:
        """Cut the run holding ``text`` so that each changed value is its own revisions."""
        run = text.getparent()
        if run is None or run.tag != qn("w:r") or len(old) != len(new):
            return
        properties = run.find(qn("w:rPr"))
        content = [item for item in run if item.tag != qn("w:rPr")]
        at = content.index(text)
        items: list[Element] = []
        if at:
            items.append(_run(properties, content[:at]))
        for a, b in zip(old, new, strict=True):
            if isinstance(b, str) or isinstance(a, str):
                items.append(_text_run(properties, plain(b) if isinstance(b, str) else b[1]))
                continue
            for op in word_diff(a[1], b[1]):
                if op.kind == "same":
                    items.append(_text_run(properties, op.text))
                    continue
                kind: Kind = "del" if op.kind == "removed" else "ins"
                wrapper = self.revisions.element(kind)
                wrapper.append(_text_run(properties, op.text, deleted=kind == "del"))
                items.append(wrapper)
        if at + 1 < len(content):
            items.append(_run(properties, content[at + 1 :]))
        for item in items:
            run.addprevious(item)
        run.getparent().remove(run)

    # -- in one version ---------------------------------------------------------------

    def _only_all(self, blocks: Sequence[Element], side: Side) -> Iterator[Element]:
        for block in blocks:
            yield from self._only(block, side)

    def _only(self, block: Element, side: Side) -> list[Element]:
        """A block (or row) of one version only: its prose written out, all of it marked."""
        kind: Kind = "del" if side == "old" else "ins"
        expanded = self._expand(block, side)
        for element in expanded:
            self.revisions.mark(element, kind)
        return expanded

    def _expand(self, block: Element, side: Side) -> list[Element]:
        """Prose placeholders replaced by the prose of one version, as plain paragraphs."""
        own = self._placeholder(block)
        if own is not None:
            return self._side_prose(own, side)
        for style in list(block.iter(qn("w:pStyle"))):
            paragraph = style.getparent().getparent()
            leaf = self._placeholder(paragraph)
            if leaf is None:
                continue
            for written in self._side_prose(leaf, side):
                paragraph.addprevious(written)
            paragraph.getparent().remove(paragraph)
        return [block]

    def _side_prose(self, leaf: Leaf, side: Side) -> list[Element]:
        assert leaf.styles is not None
        prose = leaf.old if side == "old" else leaf.new
        return self._formatted(self.writer.paragraphs(prose or (), leaf.styles), leaf)

    def _formatted(self, paragraphs: list[Element], leaf: Leaf) -> list[Element]:
        """The template's formatting of the field on every run (and every run's old
        formatting), as a build gives it."""
        formatting = self.formatting.get(leaf.path[-1])
        if formatting is None:
            return paragraphs
        from lampiran.writers.docx.render import add_formatting

        for paragraph in paragraphs:
            for run in paragraph.iter(qn("w:r")):
                add_formatting(run, formatting)
                change = run.find(f"{qn('w:rPr')}/{qn('w:rPrChange')}")
                if change is not None:
                    holder = etree_element("w:r")
                    holder.append(change.find(qn("w:rPr")))
                    add_formatting(holder, formatting)
                    change.append(holder.find(qn("w:rPr")))
        return paragraphs


def _enclose(blocks: list[Element], start: Element, end: Element) -> list[Element]:
    """A move range around blocks, its markers inside the first and the last paragraph
    (as Word writes them), so that nothing but blocks stands between blocks."""
    if not blocks:
        return []
    first = next(iter(blocks[0].iter(qn("w:p"))), None)
    if first is None:
        blocks.insert(0, start)
    else:
        properties = first.find(qn("w:pPr"))
        first.insert(0 if properties is None else 1, start)
    paragraphs = list(blocks[-1].iter(qn("w:p")))
    last = paragraphs[-1] if paragraphs else None
    if last is None:
        blocks.append(end)
    else:
        last.append(end)
    return blocks


# -- paragraph marks at the end of a container ------------------------------------------


def settle_container_ends(root: Element, revisions: Revisions) -> None:
    """Keep the last paragraph mark of every container in both versions.

    Word cannot delete the last paragraph mark of a cell or of the body, so a container
    may not end with a paragraph inserted or deleted whole. Where a merge ends that way,
    the last deleted and the last inserted paragraph share one paragraph (its properties
    the new ones, the old ones recorded in ``w:pPrChange``); a container that only lost
    (or only gained) paragraphs at its end marks the mark of the paragraph before them
    instead, as Word does when paragraphs at the end of a cell are deleted.
    """
    containers = [root.find(qn("w:body"))] if root.find(qn("w:body")) is not None else [root]
    containers.extend(root.iter(qn("w:tc")))
    for container in containers:
        if container.tag == qn("w:tc") and row_mark(container.getparent()) is not None:
            continue
        _settle_end(container, revisions)


_BLOCKS = frozenset({qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:customXml")})


def _settle_end(container: Element, revisions: Revisions) -> None:
    blocks = [item for item in container if item.tag in _BLOCKS]
    if not blocks or blocks[-1].tag != qn("w:p"):
        return
    tail: list[Element] = []
    for block in reversed(blocks):
        if block.tag != qn("w:p") or paragraph_mark(block) is None:
            break
        tail.insert(0, block)
    if not tail:
        return
    removed = [p for p in tail if paragraph_mark(p) in REMOVING]
    added = [p for p in tail if paragraph_mark(p) not in REMOVING]
    before = blocks[-len(tail) - 1] if len(blocks) > len(tail) else None
    if removed and added:
        gone, shared = removed[-1], added[-1]
        first = next((item for item in shared if item.tag != qn("w:pPr")), None)
        for item in [item for item in gone if item.tag != qn("w:pPr")]:
            if first is not None:
                first.addprevious(item)
            else:
                shared.append(item)
        revisions.paragraph_change(shared, gone.find(qn("w:pPr")))
        revisions.set_paragraph_mark(shared, None)
        container.remove(gone)
        last = [item for item in container if item.tag in _BLOCKS][-1]
        if last is not shared:
            last.addnext(shared)
        return
    if before is None or before.tag != qn("w:p") or _has_section(before):
        return
    last = tail[-1]
    if removed:
        old_properties = copy.deepcopy(last.find(qn("w:pPr")))
        _replace_properties(last, copy.deepcopy(before.find(qn("w:pPr"))))
        revisions.set_paragraph_mark(last, None)
        revisions.paragraph_change(last, old_properties)
        revisions.set_paragraph_mark(before, "del")
    else:
        revisions.set_paragraph_mark(last, None)
        revisions.paragraph_change(last, _rejected_properties(before))
        revisions.set_paragraph_mark(before, "ins")


def _rejected_properties(paragraph: Element) -> Element | None:
    """The properties a paragraph has when every change is rejected."""
    properties = paragraph.find(qn("w:pPr"))
    change = properties.find(qn("w:pPrChange")) if properties is not None else None
    if change is not None and change.find(qn("w:pPr")) is not None:
        return change.find(qn("w:pPr"))
    return properties


def _has_section(paragraph: Element) -> bool:
    return paragraph.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None


def _replace_properties(paragraph: Element, properties: Element | None) -> None:
    current = paragraph.find(qn("w:pPr"))
    if current is not None:
        paragraph.remove(current)
    if properties is not None:
        paragraph.insert(0, properties)


# -- helpers ---------------------------------------------------------------------------


def etree_element(name: str) -> Element:
    from lxml import etree

    return etree.Element(qn(name))


def _list_item(path: ValuePath) -> ValuePath:
    """The top-level thing a value belongs to: the first list item on its path
    (``sasaran/2``), else a mapping (``penandatangan``), else the document (``()``)."""
    for index, part in enumerate(path[:-1]):
        if part.isdigit() and index:
            return path[: index + 1]
    if len(path) >= 2:
        return path[:1]
    return ()


def _row_scope(paths: list[ValuePath]) -> ValuePath:
    """What a table row shows: the innermost list item of its values (the indicator of
    a row whose sasaran cell is merged over several rows), else what they share."""
    items = {_innermost_item(path) for path in paths}
    deepest = max(items, key=len)
    if deepest and all(deepest[: len(item)] == item for item in items):
        return deepest
    return _common_prefix({path[:-1] for path in paths})


def _innermost_item(path: ValuePath) -> ValuePath:
    for index in range(len(path) - 2, 0, -1):
        if path[index].isdigit():
            return path[: index + 1]
    return ()


def _common_prefix(paths: set[ValuePath]) -> ValuePath:
    ordered = sorted(paths)
    first, last = ordered[0], ordered[-1]
    size = 0
    while size < min(len(first), len(last)) and first[size] == last[size]:
        size += 1
    return first[:size]


def _xml(element: Element) -> str:
    """An element's XML whatever tree it sits in (exclusive canonical form: only the
    namespaces it uses), so that a detached row compares equal to one still in place."""
    from lxml import etree

    data: bytes = etree.tostring(element, method="c14n", exclusive=True)
    return data.decode("utf-8")


def _run(properties: Element | None, content: Sequence[Element]) -> Element:
    from lxml import etree

    run = etree.Element(qn("w:r"))
    if properties is not None:
        run.append(copy.deepcopy(properties))
    for item in content:
        run.append(item)
    return run


def _text_run(properties: Element | None, text: str, deleted: bool = False) -> Element:
    from lxml import etree

    from lampiran.writers.docx.oxml import XML_NS

    run = _run(properties, ())
    node = etree.SubElement(run, qn("w:delText" if deleted else "w:t"))
    node.set(f"{{{XML_NS}}}space", "preserve")
    node.text = text
    return run


def _drop(block: Element, dropped: frozenset[str], restore_old: bool) -> bool:
    """Remove from a merged block what one side of a move does not show; False when
    nothing of the block is left. On the old side, old formatting is restored."""
    if block.tag == qn("w:p"):
        if paragraph_mark(block) in dropped:
            return False
        _drop_inline(block, dropped, restore_old)
        return True
    if block.tag == qn("w:tbl"):
        for row in [item for item in block if item.tag == qn("w:tr")]:
            if row_mark(row) in dropped:
                block.remove(row)
                continue
            for cell in row.findall(qn("w:tc")):
                for item in [item for item in cell if item.tag != qn("w:tcPr")]:
                    if not _drop(item, dropped, restore_old):
                        cell.remove(item)
        return any(item.tag == qn("w:tr") for item in block)
    return True


def _drop_inline(paragraph: Element, dropped: frozenset[str], restore_old: bool) -> None:
    for element in list(paragraph.iter()):
        kind = revision_kind(element)
        parent = element.getparent()
        if kind in dropped and parent is not None and parent.tag != qn("w:rPr"):
            parent.remove(element)
    if not restore_old:
        return
    for change in list(paragraph.iter(qn("w:rPrChange"))):
        properties = change.getparent()
        old = change.find(qn("w:rPr"))
        run = properties.getparent()
        run.remove(properties)
        if old is not None and len(old):
            run.insert(0, old)
    for change in list(paragraph.iter(qn("w:pPrChange"))):
        from lxml import etree

        properties = change.getparent()
        restored = etree.Element(qn("w:pPr"))
        old = change.find(qn("w:pPr"))
        for item in list(old) if old is not None else []:
            restored.append(item)
        marks = properties.find(qn("w:rPr"))
        if marks is not None:
            restored.append(marks)
        properties.addprevious(restored)
        properties.getparent().remove(properties)
