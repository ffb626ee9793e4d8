"""The build pipeline: check every year, render every document, then write them.

The order is what makes a failed build harmless. All folders are checked first (every
problem of every year is reported together); then every document is rendered in memory
(a custom template is checked on the way); only then is anything written, each file
through a temporary file in the output folder and an atomic rename. A build that stops
at any point leaves earlier outputs exactly as they were.

Further steps (PDF export) take the list of written paths that :func:`build_years`
returns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lampiran import atomic
from lampiran.content.loading import Year, load_year
from lampiran.errors import ContentError, Report, StepFailed, UsageProblem, os_reason

DEFAULT_OUTDIR = Path("dist")
_SAFE_LABEL = re.compile(r"[0-9A-Za-z]{1,10}")


class BuildError(StepFailed):
    """The output could not be written; the message (Indonesian) says why."""


@dataclass
class BuildResult:
    """The files written, in the order of the folders, and the warnings found."""

    written: list[Path] = field(default_factory=list)
    report: Report = field(default_factory=Report)


def output_name(year: Year) -> str:
    """``lampiran-2-perjanjian-kinerja-2024.docx``: from the year and the appendix number.

    The name never comes from free text: an appendix label that is not a short
    alphanumeric code (it is "2" in practice) falls back to "2".
    """
    label = year.dokumen.lampiran
    label = label if _SAFE_LABEL.fullmatch(label) else "2"
    return f"lampiran-{label.lower()}-perjanjian-kinerja-{year.dokumen.tahun}.docx"


def build_years(
    folders: Sequence[Path],
    outdir: Path = DEFAULT_OUTDIR,
    paper: str = "F4",
    template: Path | None = None,
) -> BuildResult:
    """Check, render and write the Word document of each year folder.

    Raises :class:`ContentError` (every problem of every folder) before rendering,
    :class:`lampiran.writers.docx.template.TemplateError` for an unusable template and
    :class:`BuildError` when the output cannot be written; in each case nothing is written.
    """
    from lampiran.writers.docx.render import render_docx

    result = BuildResult()
    years: list[Year] = []
    for folder in folders:
        year, report = load_year(folder)
        result.report.extend(report.problems)
        if year is not None:
            years.append(year)
    if result.report.has_errors:
        raise ContentError(result.report)
    targets = [outdir / output_name(year) for year in years]
    if len(set(targets)) != len(targets):
        raise UsageProblem("dua folder yang disebut berisi tahun yang sama; sebutkan sekali saja")
    documents = [render_docx(year, template, paper) for year in years]
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(
            f"folder keluaran '{outdir.as_posix()}' tidak dapat dibuat ({os_reason(exc)})"
        ) from None
    for target, data in zip(targets, documents, strict=True):
        write_atomically(target, data)
        result.written.append(target)
    return result


def write_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary file beside ``path`` and rename it over ``path``.

    Readers (and a later failure) only ever see the old file or the complete new one.
    """
    try:
        temporary = atomic.stage(path, data)
    except OSError as exc:
        raise BuildError(
            f"tidak dapat menulis ke folder '{path.parent.as_posix()}' ({os_reason(exc)}); "
            "periksa izin tulis folder itu"
        ) from None
    try:
        atomic.publish(temporary, path)
    except OSError as exc:
        raise BuildError(
            f"'{path.as_posix()}' tidak dapat ditulis ({os_reason(exc)}); bila berkas itu "
            "sedang terbuka di Word, tutup dulu lalu jalankan ulang"
        ) from None
