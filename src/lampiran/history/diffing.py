"""Comparing two loaded years into a structured result: what ``lampiran diff`` reports.

Reviewers (Bappeda, Inspektorat, the agency head) need to see what changed in the
*content*, not in the files: a sasaran whose file was renamed to move it up the list is
the same sasaran, an indicator whose name was reworded is a rename and not a removal
plus an addition, and a target change is a promise that moved up or down. This module
only computes; ``diffformat`` turns the result into text, Markdown or JSON.

Matching, in order:

* sasaran: same file name and title, then same title (a reordered or renamed file),
  then same file name (a retitled sasaran), then same file name without its order
  prefix (``01-disiplin`` and ``02-disiplin``);
* indicators inside a matched sasaran: same name (ignoring case and spacing), then the
  most similar remaining pairs as renames: names alike by characters or by words
  (``difflib`` ratio of at least :data:`RENAME_SIMILARITY`), or an indicator whose other
  fields are nearly the same (:data:`SAME_CONTENT_SIMILARITY`) under a reworded name.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeVar

from lampiran.content.loading import SasaranFile, Year
from lampiran.content.models import Indikator
from lampiran.content.targets import read_target
from lampiran.text.names import name_key
from lampiran.text.sentences import split_sentences

if TYPE_CHECKING:
    from lampiran.history.programdiff import ProgramsDiff

RENAME_SIMILARITY = 0.6
"""How alike two indicator names must be (0-1) to count as one indicator renamed."""

SAME_CONTENT_SIMILARITY = 0.9
"""How alike the other fields must be (0-1) for an indicator with a new name to be a rename."""

PROSE_FIELDS = ("relevansi", "formulasi", "sumber_data", "penjelasan_target")
"""The Markdown fields of an indicator, in the order of the printed tables."""

MAX_WRAPPED_WORDS = 120
"""Most words of lines joined as one wrapped sentence; longer runs are split at lines.

Without it, prose with no sentence punctuation would be one unit as long as the whole
field, and a change anywhere in it a change of that one unit (slow to compare and
useless to read). No real sentence is this long, so rewrapping one stays no change."""

SENTENCE_SIMILARITY = 0.5
"""How alike (0-1, by words) an old and a new sentence must be to show one as changed."""

PAIR_WINDOW = 20
"""How many new sentences ahead an old sentence looks for its changed version."""

MAX_EXACT_TOKENS = 1000
"""Tokens (both sides) up to which words are compared exactly, all with all.

difflib's comparison takes time that grows with the product of the lengths; beyond
this, a similarity is estimated from the beginnings of the texts, and a changed run of
words is shown as replaced whole."""

Status = Literal["same", "changed", "added", "removed"]
WordKind = Literal["same", "removed", "added"]
SentenceKind = Literal["changed", "added", "removed"]

T = TypeVar("T")


@dataclass(frozen=True)
class WordOp:
    """A run of words that stayed, was removed or was added (spacing included)."""

    kind: WordKind
    text: str


@dataclass(frozen=True)
class SentenceChange:
    """One sentence added, removed or changed; ``words`` is set for a changed one."""

    kind: SentenceKind
    old: str | None
    new: str | None
    words: tuple[WordOp, ...] = ()


@dataclass(frozen=True)
class ProseChange:
    """The changed sentences of one prose field (the unchanged ones are left out)."""

    field: str
    sentences: tuple[SentenceChange, ...]


@dataclass(frozen=True)
class ValueChange:
    """A one-line value that changed (a title, a name, a ``dokumen.yaml`` value)."""

    field: str
    old: str | None
    new: str | None
    words: tuple[WordOp, ...] = ()


@dataclass(frozen=True)
class TargetChange:
    """A target old -> new; ``direction`` only when both are numbers in the same unit."""

    old: str
    new: str
    direction: Literal["naik", "turun"] | None


@dataclass(frozen=True)
class IndikatorDiff:
    """One indicator of a matched sasaran, in the old and/or the new year."""

    status: Status
    old: Indikator | None
    new: Indikator | None
    old_position: int | None
    new_position: int | None
    rename: ValueChange | None = None
    target: TargetChange | None = None
    prose: tuple[ProseChange, ...] = ()
    moved: bool = False

    @property
    def nama(self) -> str:
        shown = self.new if self.new is not None else self.old
        assert shown is not None
        return shown.nama


@dataclass(frozen=True)
class SasaranSide:
    """Where a sasaran sits in one year: file name, place in the document, title."""

    file: str
    position: int
    title: str


@dataclass(frozen=True)
class SasaranDiff:
    """One sasaran in the old and/or new year, with the changes of its indicators."""

    status: Status
    old: SasaranSide | None
    new: SasaranSide | None
    title: ValueChange | None = None
    uraian: ProseChange | None = None
    indikator: tuple[IndikatorDiff, ...] = ()
    moved: bool = False


@dataclass(frozen=True)
class Unchanged:
    """The closing count: what stayed exactly the same."""

    sasaran: int
    indikator: int
    target: int


@dataclass(frozen=True)
class YearDiff:
    """Everything that differs between two years, plus what stayed the same."""

    old_label: str
    new_label: str
    dokumen: tuple[ValueChange, ...]
    sasaran: tuple[SasaranDiff, ...]
    unchanged: Unchanged
    programs: ProgramsDiff | None = None
    """The programs of ``program.yaml`` and their anggaran (:mod:`.programdiff`)."""

    @property
    def has_changes(self) -> bool:
        return (
            bool(self.dokumen)
            or any(s.status != "same" for s in self.sasaran)
            or (self.programs is not None and self.programs.has_changes)
        )


def diff_years(old: Year, new: Year, old_label: str, new_label: str) -> YearDiff:
    """Compare two valid years; labels name them in the output (``content/2024``)."""
    dokumen = _diff_dokumen(old, new)
    pairs = match_sasaran(old.sasaran, new.sasaran)
    moved = moved_items(pairs)
    sasaran = [_diff_sasaran(old.sasaran, new.sasaran, i, j, i in moved) for i, j in pairs]
    unchanged = Unchanged(
        sasaran=sum(1 for s in sasaran if s.status == "same"),
        indikator=sum(1 for s in sasaran for i in s.indikator if i.status == "same"),
        target=sum(
            1
            for s in sasaran
            for i in s.indikator
            if i.old is not None and i.new is not None and i.target is None
        ),
    )
    from lampiran.history.programdiff import diff_programs

    programs = diff_programs(old, new)
    return YearDiff(old_label, new_label, tuple(dokumen), tuple(sasaran), unchanged, programs)


# --- matching -------------------------------------------------------------------------


def _without_order_prefix(name: str) -> str:
    return re.sub(r"^\d+[-_ .]*", "", name)


def _match(
    old: Sequence[T], new: Sequence[T], keys: Sequence[Callable[[T], str]]
) -> list[tuple[int | None, int | None]]:
    """Pair items by each key in turn (first equal key wins); leftovers stay unpaired."""
    pairs: dict[int, int] = {}
    for key in keys:
        free_new: dict[str, list[int]] = {}
        for j, item in enumerate(new):
            if j not in pairs.values():
                free_new.setdefault(key(item), []).append(j)
        for i, item in enumerate(old):
            if i in pairs:
                continue
            candidates = free_new.get(key(item))
            if candidates:
                pairs[i] = candidates.pop(0)
    return _ordered(pairs, len(old), len(new))


def _ordered(pairs: dict[int, int], n_old: int, n_new: int) -> list[tuple[int | None, int | None]]:
    """Pairs in the order of the new year, removed items after the item they followed."""
    result: list[tuple[int | None, int | None]] = []
    by_new = {j: i for i, j in pairs.items()}
    removed = [i for i in range(n_old) if i not in pairs]
    for j in range(n_new):
        result.append((by_new.get(j), j))
    for i in removed:
        # Place a removed item right after the pair holding its old predecessor.
        at = 0
        for index, (a, _) in enumerate(result):
            if a is not None and a < i:
                at = index + 1
        result.insert(at, (i, None))
    return result


def match_sasaran(
    old: Sequence[SasaranFile], new: Sequence[SasaranFile]
) -> list[tuple[int | None, int | None]]:
    """Pair the sasaran of two years (see the module docstring for the order of rules)."""
    keys: list[Callable[[SasaranFile], str]] = [
        lambda s: f"{s.path.name}\x00{name_key(s.model.sasaran)}",
        lambda s: name_key(s.model.sasaran),
        lambda s: s.path.name,
        lambda s: _without_order_prefix(s.path.stem),
    ]
    return _match(old, new, keys)


def match_indikator(
    old: Sequence[Indikator], new: Sequence[Indikator]
) -> list[tuple[int | None, int | None]]:
    """Pair indicators by name, then remaining ones by name similarity (renames)."""
    exact = _match(old, new, [lambda x: name_key(x.nama)])
    pairs = {i: j for i, j in exact if i is not None and j is not None}
    free_old = [i for i in range(len(old)) if i not in pairs]
    free_new = [j for j in range(len(new)) if j not in pairs.values()]
    scored = sorted(
        ((rename_score(old[i], new[j]), i, j) for i in free_old for j in free_new),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    for score, i, j in scored:
        if score < 1:
            break
        if i not in pairs and j not in pairs.values():
            pairs[i] = j
    return _ordered(pairs, len(old), len(new))


def rename_score(old: Indikator, new: Indikator) -> float:
    """How likely ``new`` is ``old`` renamed; 1 or more means a rename.

    The score is the best of the name similarity (by characters and by words, so that
    ``Nilai SAKIP`` -> ``Nilai SAKIP Perangkat Daerah`` counts) and the similarity of the
    indicator's other fields, each divided by its threshold.
    """
    a, b = name_key(old.nama), name_key(new.nama)
    by_chars = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    by_words = difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()
    rest_old = [str(getattr(old, name) or "") for name in PROSE_FIELDS]
    rest_new = [str(getattr(new, name) or "") for name in PROSE_FIELDS]
    by_content = similarity(
        _words("\n".join(rest_old)), _words("\n".join(rest_new)), SAME_CONTENT_SIMILARITY
    )
    return max(max(by_chars, by_words) / RENAME_SIMILARITY, by_content / SAME_CONTENT_SIMILARITY)


def moved_items(pairs: Sequence[tuple[int | None, int | None]]) -> set[int]:
    """Old indexes of matched items whose order relative to the others changed.

    The longest run of matched items still in their old order did not move; the rest
    did. An item that only shifted because another was added or removed above it is
    therefore not reported as moved.
    """
    olds = [
        i
        for i, j in sorted(pairs, key=lambda p: -1 if p[1] is None else p[1])
        if i is not None and j is not None
    ]
    best: list[list[int]] = []  # best[n]: longest increasing run ending at olds[n]
    kept: list[int] = []
    for n, value in enumerate(olds):
        longest: list[int] = []
        for k in range(n):
            if olds[k] < value and len(best[k]) > len(longest):
                longest = best[k]
        best.append([*longest, value])
        if len(best[-1]) > len(kept):
            kept = best[-1]
    return set(olds) - set(kept)


# --- comparing ------------------------------------------------------------------------


def _diff_dokumen(old: Year, new: Year) -> list[ValueChange]:
    before = _flatten(old.dokumen.model_dump(mode="json"))
    after = _flatten(new.dokumen.model_dump(mode="json"))
    changes = []
    for key in [*before, *(k for k in after if k not in before)]:
        a, b = before.get(key), after.get(key)
        if a != b:
            changes.append(value_change(key, a, b))
    return changes


def _flatten(data: object, prefix: str = "") -> dict[str, str | None]:
    if isinstance(data, dict):
        flat: dict[str, str | None] = {}
        for key, value in data.items():
            flat.update(_flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return flat
    if isinstance(data, bool):
        return {prefix: "true" if data else "false"}  # as written in dokumen.yaml
    return {prefix: None if data is None else str(data)}


def _diff_sasaran(
    old_all: Sequence[SasaranFile],
    new_all: Sequence[SasaranFile],
    i: int | None,
    j: int | None,
    moved: bool,
) -> SasaranDiff:
    if i is None:
        assert j is not None
        new = new_all[j]
        items = tuple(
            IndikatorDiff("added", None, x, None, n + 1) for n, x in enumerate(new.model.indikator)
        )
        return SasaranDiff("added", None, _side(new, j), indikator=items)
    old = old_all[i]
    if j is None:
        items = tuple(
            IndikatorDiff("removed", x, None, n + 1, None)
            for n, x in enumerate(old.model.indikator)
        )
        return SasaranDiff("removed", _side(old, i), None, indikator=items)
    new = new_all[j]
    title = None
    if old.model.sasaran != new.model.sasaran:
        title = value_change("sasaran", old.model.sasaran, new.model.sasaran)
    uraian = prose_change("uraian", old.model.uraian, new.model.uraian)
    pairs = match_indikator(old.model.indikator, new.model.indikator)
    moved_inside = moved_items(pairs)
    indikator = tuple(
        _diff_indikator(old.model.indikator, new.model.indikator, a, b, a in moved_inside)
        for a, b in pairs
    )
    same = (
        title is None
        and uraian is None
        and not moved
        and all(x.status == "same" for x in indikator)
    )
    return SasaranDiff(
        "same" if same else "changed", _side(old, i), _side(new, j), title, uraian, indikator, moved
    )


def _side(item: SasaranFile, index: int) -> SasaranSide:
    return SasaranSide(item.path.name, index + 1, item.model.sasaran)


def _diff_indikator(
    old_all: Sequence[Indikator],
    new_all: Sequence[Indikator],
    i: int | None,
    j: int | None,
    moved: bool,
) -> IndikatorDiff:
    if i is None:
        assert j is not None
        return IndikatorDiff("added", None, new_all[j], None, j + 1)
    if j is None:
        return IndikatorDiff("removed", old_all[i], None, i + 1, None)
    old, new = old_all[i], new_all[j]
    rename = value_change("nama", old.nama, new.nama) if old.nama != new.nama else None
    target = target_change(old.target, new.target) if old.target != new.target else None
    prose = tuple(
        change
        for name in PROSE_FIELDS
        if (change := prose_change(name, getattr(old, name), getattr(new, name))) is not None
    )
    same = rename is None and target is None and not prose and not moved
    return IndikatorDiff(
        "same" if same else "changed", old, new, i + 1, j + 1, rename, target, prose, moved
    )


def target_change(old: str, new: str) -> TargetChange:
    """Old -> new, with naik/turun when both start with a number and share the unit."""
    a, b = read_target(old), read_target(new)
    direction: Literal["naik", "turun"] | None = None
    if a.number is not None and b.number is not None and a.unit == b.unit:
        if b.number > a.number:
            direction = "naik"
        elif b.number < a.number:
            direction = "turun"
    return TargetChange(old, new, direction)


def value_change(name: str, old: str | None, new: str | None) -> ValueChange:
    """A changed one-line value, with a word diff when it exists on both sides."""
    words = word_diff(old, new) if old is not None and new is not None else ()
    return ValueChange(name, old, new, words)


# --- prose ----------------------------------------------------------------------------


def prose_change(name: str, old: str | None, new: str | None) -> ProseChange | None:
    """The changed sentences of a prose field, or ``None`` when its sentences are equal."""
    before, after = split_sentences(old), split_sentences(new)
    if before == after:
        return None
    changes: list[SentenceChange] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        changes.extend(_pair_sentences(before[i1:i2], after[j1:j2]))
    return ProseChange(name, tuple(changes))


def _pair_sentences(old: list[str], new: list[str]) -> list[SentenceChange]:
    """Within a replaced block, pair each old sentence with its most similar new one.

    Pairs keep their order, and an old sentence looks only :data:`PAIR_WINDOW` new
    sentences ahead, so that a long block of rewritten prose takes linear time.
    """
    changes: list[SentenceChange] = []
    new_words = [_words(sentence) for sentence in new]
    j = 0
    for sentence in old:
        words = _words(sentence)
        best, best_ratio = None, 0.0
        for k in range(j, min(len(new), j + PAIR_WINDOW)):
            ratio = similarity(words, new_words[k], at_least=max(best_ratio, SENTENCE_SIMILARITY))
            if ratio > best_ratio:
                best, best_ratio = k, ratio
        if best is None or best_ratio < SENTENCE_SIMILARITY:
            changes.append(SentenceChange("removed", sentence, None))
            continue
        changes.extend(SentenceChange("added", None, s) for s in new[j:best])
        changes.append(
            SentenceChange("changed", sentence, new[best], word_diff(sentence, new[best]))
        )
        j = best + 1
    changes.extend(SentenceChange("added", None, s) for s in new[j:])
    return changes


_TOKEN = re.compile(r"\s+|\d+(?:[.,]\d+)+(?!\w)|\w+|[^\w\s]")
_WORD = re.compile(r"\w+|[^\w\s]")


def _words(text: str) -> list[str]:
    """Words and punctuation marks, the units in which texts are compared."""
    return _WORD.findall(text)


def similarity(old: Sequence[str], new: Sequence[str], at_least: float = 0.0) -> float:
    """How alike two token lists are, 0 to 1 (difflib's ratio), in bounded time.

    When difflib's cheap upper bounds show the ratio is below ``at_least``, that bound
    is returned instead. Of long lists (:data:`MAX_EXACT_TOKENS`) only the beginnings
    are compared: enough to tell whether two texts are versions of one another.
    """
    if len(old) + len(new) > MAX_EXACT_TOKENS:
        old, new = old[: MAX_EXACT_TOKENS // 2], new[: MAX_EXACT_TOKENS // 2]
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for bound in (matcher.real_quick_ratio, matcher.quick_ratio):
        estimate = bound()
        if estimate < at_least:
            return estimate
    return matcher.ratio()


def word_diff(old: str, new: str) -> tuple[WordOp, ...]:
    """Word-level differences between two sentences, as runs of same/removed/added text.

    Words, numbers and punctuation marks are the units, so ``90%`` -> ``95%`` marks only
    the number, and a number with separators is one unit (``1.500.000.000`` ->
    ``1.589.645.600`` is one number changed, not three groups of digits); whitespace
    between changed words is kept inside the changed run so that the result reads
    naturally. The words both share at the start and the end are set aside
    first; a changed middle longer than :data:`MAX_EXACT_TOKENS` is shown replaced whole.
    """
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    a_middle, b_middle = a[start : len(a) - end], b[start : len(b) - end]
    ops: list[WordOp] = []
    _append(ops, "same", "".join(a[:start]))
    if len(a_middle) + len(b_middle) > MAX_EXACT_TOKENS:
        _append(ops, "removed", "".join(a_middle))
        _append(ops, "added", "".join(b_middle))
    else:
        matcher = difflib.SequenceMatcher(None, a_middle, b_middle, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                _append(ops, "same", "".join(a_middle[i1:i2]))
                continue
            if tag in {"delete", "replace"}:
                _append(ops, "removed", "".join(a_middle[i1:i2]))
            if tag in {"insert", "replace"}:
                _append(ops, "added", "".join(b_middle[j1:j2]))
    _append(ops, "same", "".join(a[len(a) - end :]))
    return tuple(_fold_spaces(ops))


def _fold_spaces(ops: list[WordOp]) -> list[WordOp]:
    """Merge ``[-a-]{+x+} [-b-]{+y+}`` into ``[-a b-]{+x y+}``: one change reads better."""
    groups: list[WordOp | tuple[str, str]] = []  # same runs, or (removed, added) pairs
    for op in ops:
        if op.kind == "same":
            groups.append(op)
            continue
        if not groups or isinstance(groups[-1], WordOp):
            groups.append(("", ""))
        removed, added = groups[-1]  # type: ignore[misc]
        groups[-1] = (
            (removed + op.text, added) if op.kind == "removed" else (removed, added + op.text)
        )
    merged: list[WordOp | tuple[str, str]] = []
    for group in groups:
        if (
            isinstance(group, tuple)
            and len(merged) >= 2
            and isinstance(merged[-1], WordOp)
            and merged[-1].text.isspace()
            and isinstance(merged[-2], tuple)
            and all(group)
            and all(merged[-2])
        ):
            space = merged.pop()
            assert isinstance(space, WordOp)
            before = merged.pop()
            assert isinstance(before, tuple)
            group = (before[0] + space.text + group[0], before[1] + space.text + group[1])
        merged.append(group)
    result: list[WordOp] = []
    for group in merged:
        if isinstance(group, WordOp):
            _append(result, group.kind, group.text)
        else:
            _append(result, "removed", group[0])
            _append(result, "added", group[1])
    return result


def _append(ops: list[WordOp], kind: WordKind, text: str) -> None:
    if not text:
        return
    if ops and ops[-1].kind == kind:
        ops[-1] = WordOp(kind, ops[-1].text + text)
    else:
        ops.append(WordOp(kind, text))
