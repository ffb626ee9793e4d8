"""PDF export: LibreOffice in a subprocess, driven so that it cannot fail silently.

LibreOffice is the only free converter that lays a .docx out the way Word does, but on
the command line it is treacherous: it exits 0 when it wrote nothing, two runs sharing a
user profile make one of them fail without a word, and a stuck instance never returns.
So every run here gets its own temporary profile and a time limit (the whole process
group is killed when it is reached), writes into a private folder, and each output is
checked to be a complete PDF before it replaces anything next to the .docx. Many
documents go through one ``soffice`` call, so LibreOffice's start-up is paid once; a
large batch (the PKs of forty agencies) is split over a few such calls running side by
side, one per processor core, each with its own profile.

However a run ends (done, failed, time limit, Ctrl-C, SIGTERM), no LibreOffice process
it started is left running and its private folder, with LibreOffice's own temporary
files, is removed. The PDFs come back as bytes (:func:`convert_documents`), so that a
build can publish each .docx together with its PDF, and are made reproducible first
(:mod:`lampiran.writers.pdfreproducible`).

The PDF takes its title, author and language from the .docx (core properties and the
default language of its styles); it is tagged, embeds its fonts and, on request, is
PDF/A-2b for archiving and electronic signature.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lampiran import atomic, interrupts
from lampiran.errors import StepFailed, os_reason, shorten

SOFFICE_ENV = "LAMPIRAN_SOFFICE"
"""Environment variable naming the LibreOffice program to use, instead of searching."""

TIMEOUT_ENV = "LAMPIRAN_PDF_TIMEOUT"
"""Environment variable overriding the time limit of one conversion run, in seconds."""

BASE_TIMEOUT = 120.0
"""Seconds allowed for LibreOffice to start (a first start on a slow PC is slow)."""

TIMEOUT_PER_DOCUMENT = 30.0
"""Seconds added to the limit for each document converted in the same run."""

MAX_TIMEOUT = 3600.0
"""The longest time limit ``LAMPIRAN_PDF_TIMEOUT`` may ask for: one hour."""

_PLAIN_SECONDS = re.compile(r"[0-9]{1,7}(?:\.[0-9]{1,6})?")

_PDFA_2B = 2
"""``SelectPdfVersion`` value for PDF/A-2b (ISO 19005-2, level B)."""

_OUTPUT_TAIL = 2000
"""How many characters of LibreOffice's own messages go into an error message."""

_STOP_WAIT = 5.0
"""Seconds to wait for killed LibreOffice processes to be gone before removing files."""

_REMOVE_ATTEMPTS = 5

PROCESSES_ENV = "LAMPIRAN_PDF_PROSES"
"""Environment variable setting how many LibreOffice processes convert side by side."""

MIN_DOCUMENTS_PER_PROCESS = 4
"""A batch is split only when each process gets at least this many documents: below
that, a second LibreOffice start-up costs more than it saves."""

MAX_PROCESSES = 8
"""At most this many LibreOffice processes at once (each needs some 200 MB of memory)."""

_POLL = 0.05
"""Seconds between looks at the running conversions (progress, time limit)."""

INSTALL_HELP = (
    "Pasang LibreOffice lalu jalankan ulang perintah ini:\n"
    "  - Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui fonts-liberation\n"
    "  - Windows: unduh dan pasang LibreOffice dari https://www.libreoffice.org/download/ ;\n"
    f"    bila dipasang di tempat lain, tetapkan variabel lingkungan {SOFFICE_ENV} ke\n"
    "    lokasi soffice.exe, misalnya C:\\Program Files\\LibreOffice\\program\\soffice.exe\n"
    "  - macOS: pasang LibreOffice dari https://www.libreoffice.org/download/ ke /Applications"
)


class PdfError(StepFailed):
    """The PDF could not be made; the message (Indonesian) says why and what to do."""


class LibreOfficeNotFound(PdfError):
    """LibreOffice is not installed, or ``LAMPIRAN_SOFFICE`` points at nothing."""


def find_soffice(environ: Mapping[str, str] | None = None) -> Path:
    """The LibreOffice program: ``LAMPIRAN_SOFFICE``, else PATH, else the usual places.

    ``LAMPIRAN_SOFFICE`` wins when set, and is then the only place looked at: a wrong
    value must be reported, not silently replaced by another LibreOffice.
    """
    env = os.environ if environ is None else environ
    chosen = env.get(SOFFICE_ENV, "").strip()
    if chosen:
        found = _executable(chosen)
        if found is None:
            raise LibreOfficeNotFound(
                f"{SOFFICE_ENV} menunjuk ke '{chosen}', tetapi di sana tidak ada program "
                "LibreOffice (soffice) yang dapat dijalankan; PDF tidak dibuat.\n"
                "Perbaiki nilai variabel itu, atau hapus agar LibreOffice dicari sendiri.\n"
                + INSTALL_HELP
            )
        return found
    for name in ("soffice", "libreoffice"):
        on_path = shutil.which(name)
        if on_path:
            return Path(on_path)
    for candidate in _install_locations(env):
        if _is_executable(candidate):
            return candidate
    raise LibreOfficeNotFound(
        "LibreOffice (soffice) tidak ditemukan, sehingga PDF tidak dapat dibuat.\n" + INSTALL_HELP
    )


def _executable(value: str) -> Path | None:
    """``value`` as a runnable program: a path to one, or a name found on PATH."""
    path = Path(value).expanduser()
    if _is_executable(path):
        return path
    on_path = shutil.which(value)
    return Path(on_path) if on_path else None


def _is_executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def _install_locations(env: Mapping[str, str]) -> list[Path]:
    """Where the LibreOffice installers put ``soffice`` when it is not on PATH."""
    if sys.platform == "win32":
        roots = [
            env.get("ProgramFiles", r"C:\Program Files"),
            env.get("ProgramFiles(x86)", r"C:\Program Files (x86)"),
            env.get("ProgramW6432", r"C:\Program Files"),
        ]
        return [Path(root) / "LibreOffice" / "program" / "soffice.exe" for root in roots]
    if sys.platform == "darwin":
        return [
            Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
            Path.home() / "Applications/LibreOffice.app/Contents/MacOS/soffice",
        ]
    # The libreoffice.org packages install under /opt/libreofficeX.Y, newest last.
    opt = sorted(Path("/opt").glob("libreoffice*/program/soffice"), reverse=True)
    return [Path("/usr/lib/libreoffice/program/soffice"), *opt]


def export_filter(pdfa: bool) -> str:
    """The ``--convert-to`` argument: Writer's PDF export with its options as JSON.

    The JSON form of filter options exists since LibreOffice 7.4. Fonts are embedded
    (subset) by default; ``EmbedStandardFonts`` also embeds the 14 PDF base fonts, so
    that no font is left for the reader's PC to substitute.
    """
    options: dict[str, dict[str, str]] = {
        "UseTaggedPDF": {"type": "boolean", "value": "true"},
        "EmbedStandardFonts": {"type": "boolean", "value": "true"},
        "ExportBookmarks": {"type": "boolean", "value": "true"},
    }
    if pdfa:
        options["SelectPdfVersion"] = {"type": "long", "value": str(_PDFA_2B)}
    return "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":"))


def timeout_for(count: int, environ: Mapping[str, str] | None = None) -> float:
    """The time limit for converting ``count`` documents in one run, in seconds.

    ``LAMPIRAN_PDF_TIMEOUT`` must be plain decimal seconds, more than 0 and at most
    :data:`MAX_TIMEOUT`: ``float()`` alone would take ``nan`` and ``inf`` (no limit at
    all), ``1e9`` and digits of other scripts.
    """
    env = os.environ if environ is None else environ
    value = env.get(TIMEOUT_ENV, "").strip()
    if not value:
        return BASE_TIMEOUT + TIMEOUT_PER_DOCUMENT * count
    seconds = float(value) if _PLAIN_SECONDS.fullmatch(value) else 0.0
    if not 0 < seconds <= MAX_TIMEOUT:
        raise PdfError(
            f"{TIMEOUT_ENV}='{shorten(value)}' bukan jumlah detik yang sah; isi dengan "
            f"angka lebih dari 0 sampai paling lama {MAX_TIMEOUT:g} (satu jam), "
            "misalnya 300."
        )
    return seconds


def pdf_path_for(docx: Path) -> Path:
    """Where the PDF of ``docx`` goes: beside it, same name, ``.pdf``."""
    return docx.with_suffix(".pdf")


def convert_to_pdf(
    docx_paths: Sequence[Path],
    *,
    pdfa: bool = False,
    timeout: float | None = None,
    soffice: Path | None = None,
) -> list[Path]:
    """Convert every .docx to a PDF beside it, in one LibreOffice run; return the PDFs.

    All or nothing: the PDFs replace older ones only once every one of them has been
    made and checked, so a failure leaves no partial or half-written PDF behind.
    Raises :class:`LibreOfficeNotFound` or :class:`PdfError`.
    """
    sources = [Path(p) for p in docx_paths]
    documents = [(source, _read_docx(source)) for source in sources]
    pdfs = convert_documents(documents, pdfa=pdfa, timeout=timeout, soffice=soffice)
    targets = [pdf_path_for(source) for source in sources]
    try:
        atomic.publish_all(list(zip(targets, pdfs, strict=True)))
    except atomic.PublishFailed as exc:
        raise PdfError(
            f"PDF tidak dapat ditulis ({os_reason(exc.error)}): {exc.path.as_posix()}"
        ) from exc
    return targets


def _read_docx(source: Path) -> bytes:
    if not source.is_file():
        raise PdfError(f"{source.as_posix()}: berkas .docx tidak ada; PDF tidak dibuat.")
    try:
        return source.read_bytes()
    except OSError as exc:
        raise PdfError(
            f"{source.as_posix()}: berkas .docx tidak dapat dibaca ({os_reason(exc)}); "
            "PDF tidak dibuat."
        ) from None


def convert_documents(
    documents: Sequence[tuple[Path, bytes]],
    *,
    pdfa: bool = False,
    timeout: float | None = None,
    soffice: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[bytes]:
    """The PDF of each ``(name, .docx bytes)``, made by LibreOffice, in memory.

    ``name`` is the .docx path the messages speak of; nothing is written beside it, so
    the caller can publish each .docx and its PDF together. All documents go through
    one LibreOffice run, split over :func:`process_count` processes working side by
    side. Every PDF is checked to be whole and made reproducible
    (:mod:`lampiran.writers.pdfreproducible`); ``progress`` hears of each one as it is
    done. Everything LibreOffice writes, its temporary files included, stays in a
    private temporary folder that is removed on every way out, Ctrl-C and time limit
    included.
    """
    if not documents:
        return []
    from lampiran.writers.pdfreproducible import docx_date, make_reproducible

    program = soffice if soffice is not None else find_soffice()
    batches = _split(list(range(len(documents))), process_count(len(documents)))
    limit = timeout if timeout is not None else timeout_for(max(map(len, batches)))
    work: Path | None = None
    try:
        with interrupts.deferred():
            work = Path(tempfile.mkdtemp(prefix="lampiran-pdf-"))
        runs = []
        for number, batch in enumerate(batches, start=1):
            folder = work / f"proses-{number}" if len(batches) > 1 else work
            if folder != work:
                folder.mkdir()
            inputs = _stage_inputs([documents[i] for i in batch], folder / "masuk")
            (folder / "keluar").mkdir()
            runs.append(_Run(folder, batch, inputs))
        _run_soffice_all(program, runs, pdfa, limit, _announcer(documents, runs, progress))
        results: list[bytes] = [b""] * len(documents)
        for run in runs:
            for index, staged in zip(run.indexes, run.inputs, strict=True):
                source, data = documents[index]
                produced = run.outdir / f"{staged.stem}.pdf"
                _check_pdf(produced, source, run.log)
                results[index] = make_reproducible(produced.read_bytes(), docx_date(data))
        return results
    except OSError as exc:
        where = exc.filename or work or tempfile.gettempdir()
        raise PdfError(
            f"folder sementara untuk PDF tidak dapat ditulis ({os_reason(exc)}): "
            f"{where}; PDF tidak dibuat."
        ) from None
    finally:
        if work is not None:
            with interrupts.deferred():
                _remove_folder(work)


def process_count(documents: int, environ: Mapping[str, str] | None = None) -> int:
    """How many LibreOffice processes convert ``documents`` side by side.

    One per processor core this process may use, but only as many as give each
    process :data:`MIN_DOCUMENTS_PER_PROCESS` documents, and at most
    :data:`MAX_PROCESSES`. ``LAMPIRAN_PDF_PROSES`` (a whole number from 1) sets the
    number of processes for a large batch instead of the core count.
    """
    env = os.environ if environ is None else environ
    chosen = env.get(PROCESSES_ENV, "").strip()
    if chosen:
        if not (chosen.isascii() and chosen.isdigit() and 1 <= int(chosen) <= MAX_PROCESSES):
            raise PdfError(
                f"{PROCESSES_ENV}='{shorten(chosen)}' bukan jumlah proses yang sah; isi "
                f"dengan angka bulat 1 sampai {MAX_PROCESSES}, misalnya 2."
            )
        cores = int(chosen)
    else:
        cores = min(_usable_cores(), MAX_PROCESSES)
    return max(1, min(cores, documents // MIN_DOCUMENTS_PER_PROCESS))


def _usable_cores() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        return max(1, len(affinity(0)))
    return max(1, os.cpu_count() or 1)


def _split(indexes: list[int], parts: int) -> list[list[int]]:
    """``indexes`` in ``parts`` runs of nearly equal length, in order."""
    size, extra = divmod(len(indexes), parts)
    batches = []
    start = 0
    for part in range(parts):
        end = start + size + (1 if part < extra else 0)
        batches.append(indexes[start:end])
        start = end
    return batches


@dataclass
class _Run:
    """One LibreOffice process of a batch: its private folder and its documents."""

    folder: Path
    indexes: list[int]
    inputs: list[Path]
    log: str = ""

    @property
    def outdir(self) -> Path:
        return self.folder / "keluar"


def _announcer(
    documents: Sequence[tuple[Path, bytes]],
    runs: Sequence[_Run],
    progress: Callable[[str], None] | None,
) -> Callable[[], None]:
    """A function that reports, once each, the PDFs that have appeared so far."""
    announced: set[tuple[int, int]] = set()
    total = len(documents)

    def announce() -> None:
        if progress is None:
            return
        for number, run in enumerate(runs):
            for index, staged in zip(run.indexes, run.inputs, strict=True):
                if (number, index) in announced:
                    continue
                if (run.outdir / f"{staged.stem}.pdf").exists():
                    announced.add((number, index))
                    name = documents[index][0].as_posix()
                    progress(f"[{len(announced)}/{total}] {name}: PDF-nya selesai dibuat")

    return announce


def _stage_inputs(documents: Sequence[tuple[Path, bytes]], folder: Path) -> list[Path]:
    """Write the inputs under short unique names.

    LibreOffice names each output after its input's stem and writes all of them into
    one folder: two ``lampiran.docx`` from different years would overwrite each other,
    and unusual characters in a path can trip its URL handling.
    """
    folder.mkdir()
    staged = []
    for index, (_, data) in enumerate(documents, start=1):
        target = folder / f"dokumen-{index:03d}.docx"
        target.write_bytes(data)
        staged.append(target)
    return staged


def _remove_folder(folder: Path) -> None:
    """Remove the work folder; on Windows a just-killed LibreOffice may hold it a moment."""
    for attempt in range(_REMOVE_ATTEMPTS):
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            return
        time.sleep(0.2 * (attempt + 1))


def _soffice_environment(work: Path) -> dict[str, str]:
    """Our environment, with LibreOffice's own temporary files kept inside ``work``.

    LibreOffice writes ``lu*.tmp`` files to the system's temporary folder and leaves
    them when it is killed; pointing TMPDIR (Linux, macOS) and TMP/TEMP (Windows) at a
    folder inside ours means they go when ours goes.
    """
    private = work / "tmp"
    private.mkdir()
    return {**os.environ, "TMPDIR": str(private), "TMP": str(private), "TEMP": str(private)}


QUIET_FLAGS = (
    "--headless",
    "--invisible",
    "--nologo",
    "--nodefault",
    "--norestore",
    "--nolockcheck",
)
"""How LibreOffice runs here: no window, no start centre, no recovery, no lock prompt."""


def _soffice_command(program: Path, run: _Run, pdfa: bool) -> tuple[list[str], str]:
    """The command line of one LibreOffice process, and its private profile's URL."""
    profile = (run.folder / "profil").as_uri()
    command = [
        str(program),
        f"-env:UserInstallation={profile}",
        *QUIET_FLAGS,
        "--convert-to",
        export_filter(pdfa),
        "--outdir",
        str(run.outdir),
        *(str(path) for path in run.inputs),
    ]
    return command, profile


def _run_soffice_all(
    program: Path,
    runs: Sequence[_Run],
    pdfa: bool,
    limit: float,
    announce: Callable[[], None],
) -> None:
    """Run one LibreOffice process per run, side by side; keep what each printed.

    Their output goes to files, not pipes, so that a stuck child holding a pipe open
    can never block us after the time limit. However this function is left (finished,
    time limit, Ctrl-C, SIGTERM, one of them failing), no LibreOffice process started
    here is still running.
    """
    started: list[tuple[subprocess.Popen[bytes] | None, str]] = []
    logs = []
    try:
        for run in runs:
            command, profile = _soffice_command(program, run, pdfa)
            log = (run.folder / "soffice.log").open("wb")
            logs.append(log)
            started.append((None, profile))
            # Started with signals held back: an interrupt between the start and the
            # assignment would otherwise leave a LibreOffice nobody knows about.
            with interrupts.deferred():
                started[-1] = (_start(program, command, run, log), profile)
        codes = _wait_all([process for process, _ in started], limit, runs, announce)
    finally:
        with interrupts.deferred():
            for process, profile in started:
                _stop_libreoffice(process, profile)
            for log in logs:
                log.close()
    for run in runs:
        run.log = _read_log(run.folder / "soffice.log")
    for run, code in zip(runs, codes, strict=True):
        if code != 0:
            raise PdfError(
                f"LibreOffice gagal membuat PDF (kode keluar {code}); PDF tidak dibuat."
                + _tail(run.log)
            )


def _start(program: Path, command: list[str], run: _Run, log: Any) -> subprocess.Popen[bytes]:
    try:
        return subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=run.folder,
            env=_soffice_environment(run.folder),
            creationflags=_new_group_flags(),
            start_new_session=sys.platform != "win32",
        )
    except OSError as exc:
        raise PdfError(
            f"LibreOffice ({program}) tidak dapat dijalankan: {os_reason(exc)}.\n" + INSTALL_HELP
        ) from exc


def _wait_all(
    processes: Sequence[subprocess.Popen[bytes] | None],
    limit: float,
    runs: Sequence[_Run],
    announce: Callable[[], None],
) -> list[int]:
    """The exit code of every process, waiting at most ``limit`` seconds for them all."""
    deadline = time.monotonic() + limit
    codes: list[int | None] = [None] * len(processes)
    while True:
        for number, process in enumerate(processes):
            if process is not None and codes[number] is None:
                codes[number] = process.poll()
        announce()
        if all(code is not None for code in codes):
            return [code for code in codes if code is not None]
        if time.monotonic() >= deadline:
            log = "\n".join(_read_log(run.folder / "soffice.log") for run in runs).strip()
            raise PdfError(
                f"LibreOffice tidak selesai dalam {limit:g} detik dan dihentikan; "
                "PDF tidak dibuat. Tutup LibreOffice yang mungkin macet lalu coba lagi, "
                f"atau beri waktu lebih lama dengan {TIMEOUT_ENV}=<detik>." + _tail(log)
            )
        time.sleep(_POLL)


def _new_group_flags() -> int:
    """Windows: LibreOffice and its children in a process group of their own.

    Elsewhere ``start_new_session`` does the same, so the group can be killed at once.
    """
    if sys.platform == "win32":
        return subprocess.CREATE_NEW_PROCESS_GROUP
    return 0


def _stop_libreoffice(process: subprocess.Popen[bytes] | None, profile: str) -> None:
    """Make sure no process of this run survives it, and wait until they are gone.

    ``soffice`` is only a launcher: the work is done by ``soffice.bin``, which it starts
    (and restarts once on a fresh profile). The launcher's process group (or tree, on
    Windows) is killed while the launcher is not yet reaped, so its id cannot have been
    reused. A process that left the group (a new session of its own) is still found by
    the private profile folder on its command line, which no other program has.
    """
    if process is not None and process.returncode is None:
        _kill_tree(process)
    strays = _processes_with(profile)
    for pid in strays:
        with contextlib.suppress(OSError):
            os.kill(pid, getattr(signal, "SIGKILL", signal.SIGTERM))
    deadline = time.monotonic() + _STOP_WAIT
    while strays and time.monotonic() < deadline:
        time.sleep(0.05)
        strays = _processes_with(profile)


def _kill_tree(process: subprocess.Popen[bytes]) -> None:
    """Stop LibreOffice and every process it started, then reap the launcher."""
    if sys.platform == "win32":
        subprocess.run(
            ["taskkill", "/F", "/T", "/PID", str(process.pid)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        process.kill()
    process.wait()
    if sys.platform != "win32":
        # The group outlives its leader until every member is dead.
        deadline = time.monotonic() + _STOP_WAIT
        while _group_alive(process.pid) and time.monotonic() < deadline:
            time.sleep(0.05)


def _group_alive(group: int) -> bool:
    """Whether a process of ``group`` still runs; zombies do not count.

    A killed ``soffice.bin`` is reparented to PID 1, which may take a second to reap it;
    a zombie holds no file open, so there is no need to wait for that.
    """
    proc = Path("/proc")
    if not (proc / "self" / "stat").exists():
        try:
            os.killpg(group, 0)
        except (ProcessLookupError, PermissionError):
            return False
        return True
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if len(fields) > 2 and fields[2] == str(group) and fields[0] != "Z":
            return True
    return False


def _processes_with(marker: str) -> list[int]:
    """Live processes (not zombies) whose command line contains ``marker``.

    Linux reads ``/proc``; macOS asks ``pgrep``; on Windows the tree kill must do.
    """
    own = os.getpid()
    proc = Path("/proc")
    if (proc / "self" / "cmdline").exists():
        found = []
        for entry in proc.iterdir():
            if not entry.name.isdigit() or int(entry.name) == own:
                continue
            try:
                command_line = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if marker.encode() in command_line:
                found.append(int(entry.name))
        return found
    pgrep = shutil.which("pgrep") if sys.platform != "win32" else None
    if pgrep is None:
        return []
    result = subprocess.run(
        [pgrep, "-f", re.escape(marker)], capture_output=True, text=True, check=False
    )
    return [int(pid) for pid in result.stdout.split() if pid.isdigit() and int(pid) != own]


def _read_log(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace").strip()


def _tail(output: str) -> str:
    """LibreOffice's own messages, shortened, to close an error message."""
    if not output:
        return "\nLibreOffice tidak mencetak pesan apa pun."
    if len(output) > _OUTPUT_TAIL:
        output = "..." + output[-_OUTPUT_TAIL:]
    return "\nPesan LibreOffice:\n" + output


def _check_pdf(pdf: Path, source: Path, log: str) -> None:
    """The output exists and is a whole PDF: LibreOffice exits 0 even when it failed."""
    if not pdf.is_file():
        raise PdfError(
            f"{source.as_posix()}: LibreOffice selesai tanpa menghasilkan PDF "
            "(berkas .docx mungkin rusak atau tidak dapat dibaca); PDF tidak dibuat." + _tail(log)
        )
    with pdf.open("rb") as handle:
        head = handle.read(5)
        handle.seek(max(pdf.stat().st_size - 1024, 0))
        end = handle.read()
    if head != b"%PDF-" or b"%%EOF" not in end:
        raise PdfError(
            f"{source.as_posix()}: berkas yang dihasilkan LibreOffice bukan PDF yang utuh; "
            "PDF tidak dibuat." + _tail(log)
        )
