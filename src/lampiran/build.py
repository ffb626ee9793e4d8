"""The build pipeline: check every year, make every document, then write them all.

Each year gives the documents asked for (``--dokumen``): Lampiran 2 by default, the
whole Perjanjian Kinerja or any of its parts. The order is what makes a failed build
harmless. All folders are checked first (every problem of every year is reported
together, with every signed document asked for without ``penandatangan``); then every
document is turned into the document model and written into bytes by each writer asked
for (a custom template is checked on the way); only then is anything written: every
file is staged beside its target, and only when all are staged are they renamed into
place. A build that stops at any point leaves earlier outputs exactly as they were.

Further steps (PDF export) take the list of written .docx paths in
:attr:`BuildResult.documents`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lampiran import atomic
from lampiran.content.loading import Year, load_year
from lampiran.errors import ContentError, Report, StepFailed, UsageProblem, os_reason

if TYPE_CHECKING:
    from lampiran.documents.pk import DocumentKind

DEFAULT_OUTDIR = Path("dist")


class BuildError(StepFailed):
    """The output could not be written; the message (Indonesian) says why."""


@dataclass
class BuildResult:
    """The files written, in the order of the folders, and the warnings found."""

    written: list[Path] = field(default_factory=list)
    documents: list[Path] = field(default_factory=list)
    """The .docx among :attr:`written` (what the PDF step converts)."""
    report: Report = field(default_factory=Report)


def output_name(year: Year) -> str:
    """``lampiran-2-perjanjian-kinerja-2024.docx``: from the year and the appendix number."""
    from lampiran.documents.lampiran2 import output_stem

    return f"{output_stem(year)}.docx"


def build_years(
    folders: Sequence[Path],
    outdir: Path = DEFAULT_OUTDIR,
    paper: str = "F4",
    template: Path | None = None,
    *,
    html: bool = False,
    dokumen: Sequence[DocumentKind] = ("lampiran-2",),
) -> BuildResult:
    """Check, render and write the documents ``dokumen`` (and web pages) of each year.

    Raises :class:`ContentError` (every problem of every folder, and a signed document
    asked for without ``penandatangan``) before rendering,
    :class:`lampiran.writers.docx.template.TemplateError` for an unusable template and
    :class:`BuildError` when the output cannot be written; in each case nothing is written.
    """
    from lampiran.documents.pk import perjanjian_kinerja, signature_problems
    from lampiran.writers.docx.render import write_perjanjian

    kinds = list(dict.fromkeys(dokumen))
    result = BuildResult()
    years: list[Year] = []
    for folder in folders:
        year, report = load_year(folder)
        result.report.extend(report.problems)
        if year is not None:
            years.append(year)
            result.report.extend(signature_problems(year, kinds))
    if result.report.has_errors:
        raise ContentError(result.report)
    documents = [perjanjian_kinerja(year, kind) for year in years for kind in kinds]
    if len({document.name for document in documents}) != len(documents):
        raise UsageProblem("dua folder yang disebut berisi tahun yang sama; sebutkan sekali saja")
    outputs: list[tuple[Path, bytes]] = []
    for document in documents:
        docx = outdir / f"{document.name}.docx"
        outputs.append((docx, write_perjanjian(document, template, paper)))
        result.documents.append(docx)
        if html:
            from lampiran.writers.html import write_html

            outputs.append(
                (outdir / f"{document.name}.html", write_html(document.document(), paper))
            )
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(
            f"folder keluaran '{outdir.as_posix()}' tidak dapat dibuat ({os_reason(exc)})"
        ) from None
    publish(outputs)
    result.written.extend(path for path, _ in outputs)
    return result


def publish(outputs: Sequence[tuple[Path, bytes]]) -> None:
    """Write every output: each is staged completely before any is renamed into place.

    A failure while writing (disk full, no permission) leaves every old file as it was
    and no temporary file behind; readers only ever see an old file or a complete new one.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in outputs:
            try:
                staged.append((atomic.stage(path, data), path))
            except OSError as exc:
                raise BuildError(
                    f"tidak dapat menulis ke folder '{path.parent.as_posix()}' "
                    f"({os_reason(exc)}); periksa izin tulis folder itu"
                ) from None
        while staged:
            temporary, path = staged[0]
            try:
                atomic.publish(temporary, path)
            except OSError as exc:
                raise BuildError(
                    f"'{path.as_posix()}' tidak dapat ditulis ({os_reason(exc)}); bila berkas "
                    "itu sedang terbuka di Word, tutup dulu lalu jalankan ulang"
                ) from None
            staged.pop(0)
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
