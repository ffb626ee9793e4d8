"""Comparing the programs of two years (or of a PK and its Perubahan) and their budget.

A PK Perubahan usually moves money between programs, so the reviewer needs each
program's anggaran old -> new with the direction and the amount it moved, and the
total. Programs are matched by name (ignoring case and spacing), then the remaining
ones by name similarity, as renames: program names follow the national nomenclature
and are only ever reworded slightly.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from lampiran.content.loading import Year
from lampiran.content.models import Program
from lampiran.history.diffing import RENAME_SIMILARITY, Status, ValueChange, value_change

Direction = Literal["naik", "turun"]

MAX_RENAME_PAIRS = 10_000
"""Unmatched (old, new) pairs beyond which renames are not looked for (see below)."""


@dataclass(frozen=True)
class AmountChange:
    """An amount of rupiah old -> new."""

    old: int
    new: int

    @property
    def direction(self) -> Direction | None:
        if self.new > self.old:
            return "naik"
        return "turun" if self.new < self.old else None

    @property
    def difference(self) -> int:
        return abs(self.new - self.old)


@dataclass(frozen=True)
class ProgramDiff:
    """One program in the old and/or the new year."""

    status: Status
    old: Program | None
    new: Program | None
    old_position: int | None
    new_position: int | None
    rename: ValueChange | None = None
    anggaran: AmountChange | None = None
    keterangan: ValueChange | None = None

    @property
    def nama(self) -> str:
        shown = self.new if self.new is not None else self.old
        assert shown is not None
        return shown.nama


@dataclass(frozen=True)
class ProgramsDiff:
    """Every program that differs, and the total when it changed."""

    program: tuple[ProgramDiff, ...] = ()
    jumlah: AmountChange | None = None

    @property
    def has_changes(self) -> bool:
        return self.jumlah is not None or any(p.status != "same" for p in self.program)


def diff_programs(old: Year, new: Year) -> ProgramsDiff:
    """Compare the programs of two valid years."""
    pairs = match_programs(old.program, new.program)
    programs = tuple(_diff_program(old.program, new.program, i, j) for i, j in pairs)
    before, after = old.jumlah_anggaran, new.jumlah_anggaran
    jumlah = AmountChange(before, after) if before != after else None
    return ProgramsDiff(programs, jumlah)


def match_programs(
    old: Sequence[Program], new: Sequence[Program]
) -> list[tuple[int | None, int | None]]:
    """Pairs of (old index, new index) in the new order; removed ones where they were."""
    pairs: dict[int, int] = {}
    by_name: dict[str, list[int]] = {}
    for j, program in enumerate(new):
        by_name.setdefault(_key(program.nama), []).append(j)
    for i, program in enumerate(old):
        found = by_name.get(_key(program.nama))
        if found:
            pairs[i] = found.pop(0)
    free_old = [i for i in range(len(old)) if i not in pairs]
    free_new = [j for j in range(len(new)) if j not in pairs.values()]
    if len(free_old) * len(free_new) > MAX_RENAME_PAIRS:
        # Hundreds of programs renamed at once is a new list, not a revision: comparing
        # every pair would take minutes, so they are shown as removed and added.
        free_old, free_new = [], []
    scored = sorted(
        (
            (_similarity(_key(old[i].nama), _key(new[j].nama)), i, j)
            for i in free_old
            for j in free_new
        ),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    for score, i, j in scored:
        if score < RENAME_SIMILARITY:
            break
        if i not in pairs and j not in pairs.values():
            pairs[i] = j
    by_new = {j: i for i, j in pairs.items()}
    result: list[tuple[int | None, int | None]] = [(by_new.get(j), j) for j in range(len(new))]
    for i in (i for i in range(len(old)) if i not in pairs):
        at = max(
            (index + 1 for index, (a, _) in enumerate(result) if a is not None and a < i),
            default=0,
        )
        result.insert(at, (i, None))
    return result


def _diff_program(
    old_all: Sequence[Program], new_all: Sequence[Program], i: int | None, j: int | None
) -> ProgramDiff:
    if i is None:
        assert j is not None
        return ProgramDiff("added", None, new_all[j], None, j + 1)
    if j is None:
        return ProgramDiff("removed", old_all[i], None, i + 1, None)
    old, new = old_all[i], new_all[j]
    rename = value_change("nama", old.nama, new.nama) if old.nama != new.nama else None
    anggaran = AmountChange(old.anggaran, new.anggaran) if old.anggaran != new.anggaran else None
    keterangan = (
        value_change("keterangan", old.keterangan, new.keterangan)
        if old.keterangan != new.keterangan
        else None
    )
    same = rename is None and anggaran is None and keterangan is None
    return ProgramDiff(
        "same" if same else "changed", old, new, i + 1, j + 1, rename, anggaran, keterangan
    )


def _similarity(a: str, b: str) -> float:
    """difflib's ratio, skipped when its cheap upper bounds already say "too different"."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < RENAME_SIMILARITY or matcher.quick_ratio() < RENAME_SIMILARITY:
        return 0.0
    return matcher.ratio()


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()
