"""A LibreOffice kept running, so that one more PDF takes a fraction of a second.

Almost all of the 1.5 s a PDF costs is LibreOffice starting. ``lampiran watch`` makes a
PDF every time a file is saved, so it starts LibreOffice once (with its own private
profile, as every run here has) and keeps it running with a document open. LibreOffice
runs one instance per profile: a later ``soffice --convert-to`` with the same profile
hands its work to the running instance through LibreOffice's own pipe and returns when
the PDF is written, a few tenths of a second later. No extra package (such as
``unoserver``) is needed for that.

The instance counts as ready once its document is loaded (LibreOffice then writes the
document's lock file). When it does not get ready, dies, or a conversion through it
fails, every later PDF is made the usual way (:func:`lampiran.writers.pdf.convert_documents`,
a LibreOffice of its own each time): slower, never wrong. The instance, its children and
its private folder are removed when the converter is closed, however the program ends.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from lampiran import interrupts
from lampiran.writers import pdf

READY_TIMEOUT = 60.0
"""Seconds the running LibreOffice may take to load its first document."""

_KEEP = "tetap.docx"
"""The document the running LibreOffice holds open: without one it would quit after the
first conversion handed to it."""

_LOCK = f".~lock.{_KEEP}#"


class WarmConverter:
    """PDFs through a LibreOffice kept running; see the module docstring."""

    def __init__(self, *, pdfa: bool = False) -> None:
        self.pdfa = pdfa
        self.program: Path | None = None
        self.work: Path | None = None
        self.process: subprocess.Popen[bytes] | None = None
        self.profile = ""
        self.warm = False
        self.started_at = 0.0
        self.conversions = 0

    def start(self, document: bytes) -> None:
        """Start LibreOffice holding ``document`` open (it warms up in the background)."""
        self.program = pdf.find_soffice()
        with interrupts.deferred():
            self.work = Path(tempfile.mkdtemp(prefix="lampiran-watch-"))
        (self.work / _KEEP).write_bytes(document)
        self.profile = (self.work / "profil").as_uri()
        command = [
            str(self.program),
            f"-env:UserInstallation={self.profile}",
            *pdf.QUIET_FLAGS,
            str(self.work / _KEEP),
        ]
        log = (self.work / "soffice.log").open("wb")
        try:
            with interrupts.deferred():
                self.process = subprocess.Popen(
                    command,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    cwd=self.work,
                    env=pdf._soffice_environment(self.work),
                    creationflags=pdf._new_group_flags(),
                    start_new_session=sys.platform != "win32",
                )
        except OSError:
            self.process = None
        finally:
            log.close()
        self.started_at = time.monotonic()
        self.warm = self.process is not None

    def ready(self, wait: float = READY_TIMEOUT) -> bool:
        """Whether the running LibreOffice can take work, waiting up to ``wait`` seconds."""
        if not self.warm or self.work is None or self.process is None:
            return False
        deadline = time.monotonic() + wait
        while not (self.work / _LOCK).exists():
            if self.process.poll() is not None or time.monotonic() >= deadline:
                self.warm = False
                return False
            time.sleep(0.02)
        return True

    def convert(self, name: Path, document: bytes) -> bytes:
        """The PDF of ``document`` (``name`` is the .docx it will sit beside)."""
        if self.ready():
            made = self._through_running(name, document)
            if made is not None:
                return made
        return pdf.convert_documents([(name, document)], pdfa=self.pdfa)[0]

    def _through_running(self, name: Path, document: bytes) -> bytes | None:
        from lampiran.writers.pdfreproducible import docx_date, make_reproducible

        assert self.work is not None and self.program is not None
        self.conversions += 1
        folder = self.work / f"ubah-{self.conversions}"
        (folder / "keluar").mkdir(parents=True)
        source = folder / "dokumen.docx"
        source.write_bytes(document)
        command = [
            str(self.program),
            f"-env:UserInstallation={self.profile}",
            "--headless",
            "--convert-to",
            pdf.export_filter(self.pdfa),
            "--outdir",
            str(folder / "keluar"),
            str(source),
        ]
        try:
            subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                cwd=folder,
                env=pdf._soffice_environment(folder),
                timeout=pdf.timeout_for(1),
                check=False,
            )
            produced = folder / "keluar" / "dokumen.pdf"
            pdf._check_pdf(produced, name, "")
            return make_reproducible(produced.read_bytes(), docx_date(document))
        except (OSError, subprocess.TimeoutExpired, pdf.PdfError):
            self.warm = False  # from now on, a LibreOffice of its own for every PDF
            return None
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def close(self) -> None:
        """Stop the running LibreOffice and everything it started; remove its folder."""
        with interrupts.deferred():
            if self.process is not None or self.profile:
                pdf._stop_libreoffice(self.process, self.profile)
            if self.work is not None:
                pdf._remove_folder(self.work)
            self.process = None
            self.work = None

    def __enter__(self) -> WarmConverter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


@contextmanager
def warm_converter(*, pdfa: bool = False) -> Iterator[WarmConverter]:
    """A :class:`WarmConverter` that is closed on every way out."""
    converter = WarmConverter(pdfa=pdfa)
    try:
        yield converter
    finally:
        converter.close()
