"""What a run over several year folders prints besides the problems: progress, summary.

A Bappeda checks or builds the PKs of some forty agencies in one call. The problems are
printed as ``lampiran check`` prints them, sorted by file; after them comes one summary
line per folder (agency and year) with what happened to it, so that the one agency
that needs a follow-up is found without scrolling through forty others. While a long
build runs on a terminal, a progress line per document shows that it is moving; in a
pipe or a log file those lines are left out.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

import click

from lampiran.errors import Report
from lampiran.workspace import YearFolder


@dataclass(frozen=True)
class FolderOutcome:
    """What a run did with one year folder."""

    year: YearFolder
    report: Report
    written: int = 0
    refused: bool = False


def summary_lines(outcomes: Sequence[FolderOutcome], *, building: bool) -> list[str]:
    """``Ringkasan`` and one line per folder: written or refused, errors, warnings."""
    width = max(len(outcome.year.label) for outcome in outcomes)
    lines = ["Ringkasan:"]
    for outcome in outcomes:
        errors, warnings = len(outcome.report.errors), len(outcome.report.warnings)
        if building:
            done = (
                "ditolak (tidak ada yang ditulis)"
                if outcome.refused
                else f"{outcome.written} berkas ditulis"
            )
            lines.append(
                f"  {outcome.year.label.ljust(width)}  {done}, {errors} kesalahan, "
                f"{warnings} peringatan"
            )
        else:
            state = "ada kesalahan" if errors else "benar"
            lines.append(
                f"  {outcome.year.label.ljust(width)}  {state}, {errors} kesalahan, "
                f"{warnings} peringatan"
            )
    refused = sum(1 for outcome in outcomes if outcome.refused or outcome.report.has_errors)
    if building:
        lines.append(
            f"Jumlah: {len(outcomes) - refused} folder ditulis, {refused} ditolak, "
            f"dari {len(outcomes)} folder."
        )
    else:
        lines.append(
            f"Jumlah: {len(outcomes) - refused} folder benar, {refused} ada kesalahan, "
            f"dari {len(outcomes)} folder."
        )
    return lines


def print_summary(outcomes: Sequence[FolderOutcome], *, building: bool) -> None:
    for line in summary_lines(outcomes, building=building):
        click.echo(line)


def print_missing(missing: Sequence[str], tahun: str) -> None:
    """Say which agencies have no folder of the year a run without arguments took."""
    if missing:
        click.echo(
            f"Catatan: belum ada folder {tahun} untuk {', '.join(missing)}; "
            "instansi itu tidak ikut diperiksa."
        )


class Progress:
    """``[3/40] content/bkpsdm/2025: dokumen Word dibuat``, on a terminal only.

    The lines go to standard error, so that what a script reads from standard output is
    the same with and without a terminal.
    """

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream: TextIO = stream if stream is not None else sys.stderr
        self.enabled = _is_terminal(self.stream)

    def __call__(self, line: str) -> None:
        if self.enabled:
            click.echo(line, file=self.stream)
            self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
