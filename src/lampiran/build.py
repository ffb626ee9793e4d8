"""The build pipeline: check every year, render every document, then write them.

Each year gives the documents asked for (``--dokumen``): Lampiran 2 by default, the
whole Perjanjian Kinerja or any of its parts. The order is what makes a failed build
harmless. All folders are checked first (every problem of every year is reported
together, with every signed document asked for without ``penandatangan``); then every
document is rendered in memory: turned into the document model and written into bytes
by each writer asked for (a custom template is checked on the way; the web page on
request) and, on request, converted to PDF in a temporary folder; only then is anything
written, as one set: each .docx with its PDF and web page,
every file through a temporary file in the output folder, the renames at the end with
Ctrl-C held back. A build that stops at any point before that (an error, Ctrl-C,
SIGTERM) leaves earlier outputs exactly as they were.

A PDF beside a .docx is always the PDF of that .docx. When a build writes a different
.docx and no PDF with it (no ``--pdf``, or the PDF step failed), the old PDF is removed
rather than left looking current, and the build says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lampiran import atomic
from lampiran.content.loading import Year, load_year
from lampiran.errors import (
    ContentError,
    LampiranError,
    Report,
    StepFailed,
    UsageProblem,
    os_reason,
)

if TYPE_CHECKING:
    from lampiran.documents.pk import DocumentKind

DEFAULT_OUTDIR = Path("dist")


class BuildError(StepFailed):
    """The output could not be written; the message (Indonesian) says why."""


@dataclass
class BuildResult:
    """What a build did: files written, old PDFs removed, warnings, a failed PDF step.

    ``written`` lists each .docx followed by its PDF and web page, in the order of the
    folders; ``documents`` the .docx among them.
    ``pdf_failure`` is set when PDFs were asked for but could not be made; the .docx
    files were written all the same.
    """

    written: list[Path] = field(default_factory=list)
    documents: list[Path] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    removed_pdfs: list[Path] = field(default_factory=list)
    stale_pdfs: list[tuple[Path, str]] = field(default_factory=list)
    kept_pdfs: list[Path] = field(default_factory=list)
    pdf_failure: LampiranError | None = None
    reports: dict[Path, Report] = field(default_factory=dict)
    """Each folder's own problems (for the summary of a many-agency build)."""
    refused: list[Path] = field(default_factory=list)
    """Folders not built because of errors in their content (many-agency builds only)."""
    outputs: dict[Path, list[Path]] = field(default_factory=dict)
    """The files written for each folder."""

    def notes(self) -> list[str]:
        """What happened to old PDFs, in Indonesian, one line each."""
        lines = [
            f"{pdf.as_posix()} dihapus: PDF lama itu dibuat dari dokumen Word "
            "sebelumnya dan tidak sesuai lagi dengan yang baru."
            for pdf in self.removed_pdfs
        ]
        lines += [
            f"Peringatan: {pdf.as_posix()} adalah PDF lama yang tidak sesuai lagi dengan "
            f"dokumen Word yang baru, tetapi tidak dapat dihapus ({reason}); hapus sendiri "
            "atau buat ulang dengan --pdf."
            for pdf, reason in self.stale_pdfs
        ]
        lines += [
            f"{pdf.as_posix()} tidak diubah: dokumen Word-nya sama dengan sebelumnya."
            for pdf in self.kept_pdfs
        ]
        return lines


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
    pdf: bool = False,
    pdfa: bool = False,
    html: bool = False,
    dokumen: Sequence[DocumentKind] = ("lampiran-2",),
    each_alone: bool = False,
    progress: Callable[[str], None] | None = None,
) -> BuildResult:
    """Check, render and write the documents ``dokumen`` of each year (on request their
    PDFs and web pages).

    A year of an agency (``content/<instansi>/<tahun>``) goes to ``outdir/<instansi>/``.
    With ``each_alone`` (a build of many agencies), a folder with errors is refused and
    left out (:attr:`BuildResult.refused`) while the others are built; otherwise, and
    when every folder has errors, :class:`ContentError` is raised. ``progress`` is told
    of each document as it is done (one Indonesian line each).

    Raises :class:`ContentError` (every problem of every folder, and a signed document
    asked for without ``penandatangan``) before rendering,
    :class:`lampiran.writers.docx.template.TemplateError` for an unusable template and
    :class:`BuildError` when the output cannot be written; in each case nothing is
    written. A PDF step that fails does not raise: see :attr:`BuildResult.pdf_failure`.
    """
    from lampiran.documents.pk import perjanjian_kinerja, signature_problems
    from lampiran.workspace import agency_of
    from lampiran.writers.docx.render import write_perjanjian

    tell = progress if progress is not None else _silent
    kinds = list(dict.fromkeys(dokumen))
    result = BuildResult()
    years: list[Year] = []
    destinations = [_output_folder(outdir, agency_of(folder)) for folder in folders]
    for folder in folders:
        year, report = load_year(folder)
        if year is not None:
            report.extend(signature_problems(year, kinds))
        result.report.extend(report.problems)
        result.reports[folder] = report
        if year is not None and not report.has_errors:
            years.append(year)
        else:
            result.refused.append(folder)
    if result.report.has_errors and not (each_alone and years):
        raise ContentError(result.report)
    built = [d for f, d in zip(folders, destinations, strict=True) if f not in result.refused]
    models = [perjanjian_kinerja(year, kind) for year in years for kind in kinds]
    targets = [
        destination / f"{model.name}.docx"
        for number, destination in enumerate(built)
        for model in models[number * len(kinds) : (number + 1) * len(kinds)]
    ]
    if len(set(targets)) != len(targets):
        raise UsageProblem("dua folder yang disebut berisi tahun yang sama; sebutkan sekali saja")
    documents = []
    for index, model in enumerate(models, start=1):
        documents.append(write_perjanjian(model, template, paper))
        year = years[(index - 1) // len(kinds)]
        what = "dokumen Word" if len(kinds) == 1 else f"{model.name}.docx"
        tell(f"[{index}/{len(models)}] {year.folder.as_posix()}: {what} dibuat")
    pages: list[bytes] | None = None
    if html:
        from lampiran.writers.html import write_html

        pages = [write_html(model.document(), paper) for model in models]
    pdfs: list[bytes] | None = None
    if pdf or pdfa:
        from lampiran.writers.pdf import PdfError, convert_documents

        try:
            pdfs = convert_documents(
                list(zip(targets, documents, strict=True)), pdfa=pdfa, progress=tell
            )
        except PdfError as exc:
            result.pdf_failure = exc
    # Only now: a run stopped before this point leaves not even an empty folder.
    for destination in dict.fromkeys([outdir, *built]):
        try:
            destination.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BuildError(
                f"folder keluaran '{destination.as_posix()}' tidak dapat dibuat ({os_reason(exc)})"
            ) from None
    _write_set(result, targets, documents, pdfs, pages)
    result.documents.extend(targets)
    for number, year in enumerate(years):
        own = {target.with_suffix("") for target in targets[number * len(kinds) :][: len(kinds)]}
        result.outputs[year.folder] = [p for p in result.written if p.with_suffix("") in own]
    return result


def _output_folder(outdir: Path, instansi: str | None) -> Path:
    """``outdir/<instansi>`` for an agency's year (a checked short name), else ``outdir``."""
    return outdir / instansi if instansi is not None else outdir


def _silent(line: str) -> None:
    """No progress shown."""


def _write_set(
    result: BuildResult,
    targets: Sequence[Path],
    documents: Sequence[bytes],
    pdfs: Sequence[bytes] | None,
    pages: Sequence[bytes] | None = None,
) -> None:
    """Publish each .docx, then its new PDF or, if the .docx changed, the old PDF's removal.

    The web page, when asked for, goes with them.
    """
    from lampiran.writers.pdf import pdf_path_for

    changes: list[tuple[Path, bytes | None]] = []
    for index, (target, data) in enumerate(zip(targets, documents, strict=True)):
        changes.append((target, data))
        pdf = pdf_path_for(target)
        if pdfs is not None:
            changes.append((pdf, pdfs[index]))
        elif _is_file_or_link(pdf):
            if _differs(target, data):
                changes.append((pdf, None))
            elif result.pdf_failure is not None:
                result.kept_pdfs.append(pdf)
        if pages is not None:
            changes.append((target.with_suffix(".html"), pages[index]))
    try:
        not_removed = atomic.publish_all(changes)
    except atomic.PublishFailed as exc:
        raise BuildError(_publish_failure(exc, changes)) from None
    failed = dict(not_removed)
    for path, content in changes:
        if content is not None:
            result.written.append(path)
        elif path in failed:
            result.stale_pdfs.append((path, os_reason(failed[path])))
        else:
            result.removed_pdfs.append(path)


def _is_file_or_link(path: Path) -> bool:
    return path.is_symlink() or path.is_file()


def _differs(target: Path, data: bytes) -> bool:
    """Whether ``data`` is not what ``target`` already holds (a missing target differs)."""
    try:
        return target.read_bytes() != data
    except OSError:
        return True


def _publish_failure(
    exc: atomic.PublishFailed, changes: Sequence[tuple[Path, bytes | None]]
) -> str:
    """The message for a set that could not be written completely, naming what was."""
    path = exc.path
    reason = os_reason(exc.error)
    if exc.staging:
        return (
            f"tidak dapat menulis ke folder '{path.parent.as_posix()}' ({reason}); "
            "periksa izin tulis folder itu. Tidak ada berkas yang diubah."
        )
    program = "pembaca PDF" if path.suffix == ".pdf" else "Word"
    message = (
        f"'{path.as_posix()}' tidak dapat ditulis ({reason}); bila berkas itu sedang "
        f"terbuka di {program}, tutup dulu lalu jalankan ulang."
    )
    removals = {target for target, data in changes if data is None}
    written = [p.as_posix() for p in exc.done if p not in removals]
    removed = [p.as_posix() for p in exc.done if p in removals]
    if written:
        message += " Sudah ditulis: " + ", ".join(written) + "."
    if removed:
        message += " PDF lama yang sudah dihapus: " + ", ".join(removed) + "."
    docx = path.with_suffix(".docx")
    if path.suffix == ".pdf" and docx in exc.done and path.exists():
        message += (
            f" {path.as_posix()} masih PDF lama yang tidak sesuai dengan {docx.as_posix()} "
            "yang baru."
        )
    for stale, error in exc.not_removed:
        message += (
            f" {stale.as_posix()} masih PDF lama yang tidak sesuai dengan dokumen Word yang "
            f"baru dan tidak dapat dihapus ({os_reason(error)})."
        )
    return message
