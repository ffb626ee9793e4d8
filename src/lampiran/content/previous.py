"""Checks of a year against the year before it: what a reviewer would flag.

A new year usually starts as a copy of the last one (``lampiran new``), so the year
before is the best reference for slips that no rule of a single year can catch: a
budget total that jumped or fell by more than half (a zero typed too many or too few),
and a target that lost its unit (``70 Indeks`` became ``70``). They are warnings: the
content may be right, and only a person can tell.

The year before is the folder beside this one named one year earlier; when it is
missing or has errors of its own, nothing is compared.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from lampiran.content.anggaran import format_ribuan
from lampiran.content.targets import read_target
from lampiran.errors import Problem, Severity
from lampiran.source.files import FileRefused, status_of

if TYPE_CHECKING:
    from lampiran.content.loading import SasaranFile, Year

TOTAL_CHANGE_LIMIT = 0.5
"""A total that moved by more than this share of last year's is flagged."""


def compare_with_previous_year(year: Year) -> list[Problem]:
    """Warnings for ``year`` against the year folder beside it, if there is a valid one."""
    from lampiran.content.loading import load_year

    folder = year.folder.parent / str(year.dokumen.tahun - 1)
    try:
        if status_of(folder) is None:
            return []
    except FileRefused:
        return []
    previous, _ = load_year(folder, compare_previous=False)
    if previous is None:
        return []
    return [*_total_changed(previous, year), *_units_lost(previous, year)]


def _total_changed(previous: Year, year: Year) -> Iterator[Problem]:
    before, after = previous.jumlah_anggaran, year.jumlah_anggaran
    source = year.program_source
    if source is None or before <= 0 or abs(after - before) <= before * TOTAL_CHANGE_LIMIT:
        return
    direction = "naik" if after > before else "turun"
    share = round(abs(after - before) * 100 / before)
    line, column = source.locate(("program",))
    yield Problem(
        source.path,
        line,
        column,
        "program",
        f"jumlah anggaran Rp{format_ribuan(after)} {direction} {share}% dibanding tahun "
        f"{previous.dokumen.tahun} (Rp{format_ribuan(before)}); periksa apakah ada angka nol "
        "yang kurang atau berlebih",
        Severity.WARNING,
    )


def _units_lost(previous: Year, year: Year) -> Iterator[Problem]:
    """An indicator whose target had a unit last year and is a bare number now."""
    for sasaran in year.sasaran:
        old = _same_sasaran(previous, sasaran)
        if old is None:
            continue
        old_targets = {_key(i.nama): i.target for i in old.model.indikator}
        for index, indikator in enumerate(sasaran.model.indikator):
            old_target = old_targets.get(_key(indikator.nama))
            if old_target is None:
                continue
            before, now = read_target(old_target), read_target(indikator.target)
            if before.number is None or not before.unit or now.number is None or now.unit:
                continue
            space = "" if before.unit.startswith("%") else " "
            line, column = sasaran.source.locate(("indikator", index, "target"))
            yield Problem(
                sasaran.path,
                line,
                column,
                f"indikator[{index}].target",
                f"target '{indikator.target}' tanpa satuan, padahal tahun "
                f"{previous.dokumen.tahun} ditulis '{old_target}'; tulis satuannya "
                f"('{indikator.target}{space}{before.unit}') bila memang sama",
                Severity.WARNING,
            )


def _same_sasaran(previous: Year, sasaran: SasaranFile) -> SasaranFile | None:
    """The sasaran of the year before with the same title, else the same file name."""
    title = _key(sasaran.model.sasaran)
    for old in previous.sasaran:
        if _key(old.model.sasaran) == title:
            return old
    for old in previous.sasaran:
        if old.path.name == sasaran.path.name:
            return old
    return None


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()
