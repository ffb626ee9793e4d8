"""``lampiran watch``: the document rebuilt each time a content file is saved.

An author edits a sasaran file in one window and looks at the printed page in another.
Every short interval the files of the watched year folders are looked at (name, size and
modification time: no library, no operating-system service, the same on Windows); when
one changed and then stayed unchanged for one more interval (an editor may save in
steps), that year is checked, rendered and written again, in this already-warm process.
With ``--pdf`` its PDF comes from a LibreOffice kept running
(:mod:`lampiran.writers.pdfwarm`), so a saved change is on the page within a second.

A year with errors is reported as ``lampiran check`` reports it and its documents are
left as they were, until the next save; the watch goes on. Ctrl-C ends it (exit 130)
with LibreOffice stopped and nothing half-written.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lampiran.errors import LampiranError, Report
from lampiran.workspace import YearFolder

DEFAULT_INTERVAL = 0.2
"""Seconds between two looks at the files."""

MAX_FILES = 2000
"""A year folder holds a few files; far more means a wrong folder, and is not watched."""

_IGNORED_PREFIXES = (".", "~$", ".~lock")
_IGNORED_SUFFIXES = ("~", ".tmp", ".swp", ".swx", ".bak")
"""Editors' own files (backups, swap and lock files): saving them is not a change."""

Snapshot = dict[str, tuple[int, int]]


def snapshot(folder: Path) -> Snapshot:
    """``relative name -> (size, modification time)`` of the content files of a folder.

    Links are not followed and count as they are; a folder that cannot be read gives an
    empty snapshot (loading it then says why).
    """
    found: Snapshot = {}
    pending = [folder]
    while pending and len(found) < MAX_FILES:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    name = entry.name
                    if name.startswith(_IGNORED_PREFIXES) or name.endswith(_IGNORED_SUFFIXES):
                        continue
                    status = entry.stat(follow_symlinks=False)
                    if stat.S_ISDIR(status.st_mode):
                        pending.append(Path(entry.path))
                    else:
                        key = Path(entry.path).relative_to(folder).as_posix()
                        found[key] = (status.st_size, status.st_mtime_ns)
        except OSError:
            continue
    return found


@dataclass
class Rebuild:
    """What one rebuild of a year wrote, how long it took, or why it wrote nothing."""

    year: YearFolder
    written: list[Path] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    failure: str = ""
    seconds: float = 0.0


@dataclass
class Watch:
    """The watched folders and how to build them; :meth:`run` loops until Ctrl-C."""

    years: Sequence[YearFolder]
    outdir: Path
    paper: str = "F4"
    template: Path | None = None
    pdf: bool = False
    pdfa: bool = False
    interval: float = DEFAULT_INTERVAL
    converter: object | None = None
    """A :class:`lampiran.writers.pdfwarm.WarmConverter` when PDFs are made."""
    seen: dict[Path, Snapshot] = field(default_factory=dict)

    def build(self, year: YearFolder) -> Rebuild:
        """Check, render and write one year (with its PDF when asked)."""
        from lampiran import atomic
        from lampiran.content.loading import load_year
        from lampiran.documents.lampiran2 import lampiran2
        from lampiran.writers.docx.render import write_lampiran2
        from lampiran.writers.pdf import pdf_path_for

        started = time.perf_counter()
        outcome = Rebuild(year)
        loaded, outcome.report = load_year(year.folder)
        if loaded is None:
            return outcome
        try:
            model = lampiran2(loaded)
            target = year.output_folder(self.outdir) / f"{model.name}.docx"
            document = write_lampiran2(model, self.template, self.paper)
            changes: list[tuple[Path, bytes | None]] = [(target, document)]
            if self.pdf or self.pdfa:
                changes.append((pdf_path_for(target), self._pdf(target, document)))
            elif _stale(pdf_path_for(target), target, document):
                changes.append((pdf_path_for(target), None))
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic.publish_all(changes)
        except LampiranError as exc:
            outcome.failure = str(exc)
        except atomic.PublishFailed as exc:
            outcome.failure = f"'{exc.path.as_posix()}' tidak dapat ditulis ({exc.error})"
        except OSError as exc:
            outcome.failure = f"folder keluaran tidak dapat dibuat ({exc})"
        else:
            outcome.written = [path for path, data in changes if data is not None]
        outcome.seconds = time.perf_counter() - started
        return outcome

    def _pdf(self, target: Path, document: bytes) -> bytes:
        from lampiran.writers.pdfwarm import WarmConverter

        converter = self.converter
        if not isinstance(converter, WarmConverter):
            converter = self.converter = WarmConverter(pdfa=self.pdfa)
        if converter.work is None:
            converter.start(document)
        return converter.convert(target, document)

    def changed(self) -> list[YearFolder]:
        """The years whose files differ from the last look (remembering this look)."""
        found = []
        for year in self.years:
            now = snapshot(year.folder)
            if now != self.seen.get(year.folder):
                self.seen[year.folder] = now
                found.append(year)
        return found

    def settled(self, years: Sequence[YearFolder]) -> None:
        """Wait until the changed years stay unchanged for one interval (at most 2 s)."""
        deadline = time.monotonic() + 2.0
        while time.monotonic() < deadline:
            time.sleep(self.interval)
            if not any(snapshot(year.folder) != self.seen[year.folder] for year in years):
                return
            for year in years:
                self.seen[year.folder] = snapshot(year.folder)

    def run(self, tell: Callable[[Rebuild], None], idle: Callable[[], None]) -> None:
        """Build every year once, then each one again after it changed; never returns.

        ``tell`` hears of every rebuild, ``idle`` once the watch waits for changes.
        """
        for year in self.changed():
            tell(self.build(year))
        idle()
        while True:
            time.sleep(self.interval)
            changed = self.changed()
            if changed:
                self.settled(changed)
                for year in changed:
                    tell(self.build(year))

    def close(self) -> None:
        from lampiran.writers.pdfwarm import WarmConverter

        if isinstance(self.converter, WarmConverter):
            self.converter.close()


def _stale(pdf: Path, target: Path, document: bytes) -> bool:
    """An old PDF beside a .docx that is about to change (the rule of ``build``)."""
    if not (pdf.is_file() or pdf.is_symlink()):
        return False
    try:
        return target.read_bytes() != document
    except OSError:
        return True
