"""PDF export through LibreOffice (lampiran.writers.pdf), independent of ``lampiran build``.

Real conversions need LibreOffice and poppler (``require_tool``); the failure cases use a
small fake ``soffice`` script named by ``LAMPIRAN_SOFFICE``, so they run anywhere with a
POSIX shell.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from conftest import require_tool
from lampiran.writers import pdf
from lampiran.writers.pdf import LibreOfficeNotFound, PdfError, convert_to_pdf, find_soffice

WORDS = "Penjelasan Kinerja Meningkatnya Disiplin Aparatur Cakupan Relevansi Formulasi"

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="fake soffice is a sh script")


def make_docx(
    path: Path,
    text: str = WORDS,
    title: str = "Lampiran 2 Perjanjian Kinerja 2024",
    author: str = "Badan Contoh",
) -> Path:
    """A small .docx like the ones lampiran writes: Arial, id-ID, title and author set."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(12)
    document.add_paragraph(text)
    document.core_properties.title = title
    document.core_properties.author = author
    document.core_properties.language = "id-ID"
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    language = run_properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        run_properties.append(language)
    language.set(qn("w:val"), "id-ID")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def run_tool(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def pdf_text(path: Path) -> str:
    return run_tool(require_tool("pdftotext"), str(path), "-")


def pdf_info(path: Path, *options: str) -> str:
    return run_tool(require_tool("pdfinfo"), *options, str(path))


# --- real LibreOffice -------------------------------------------------------------------


def test_pdf_beside_docx_holds_text_title_author_language_and_tags(tmp_path: Path) -> None:
    require_tool("soffice")
    source = make_docx(tmp_path / "lampiran-2024.docx")

    written = convert_to_pdf([source])

    assert written == [tmp_path / "lampiran-2024.pdf"]
    assert written[0].read_bytes().startswith(b"%PDF-")
    text = pdf_text(written[0])
    assert all(word in text for word in WORDS.split())
    info = pdf_info(written[0])
    assert re.search(r"^Title:\s+Lampiran 2 Perjanjian Kinerja 2024$", info, re.M)
    assert re.search(r"^Author:\s+Badan Contoh$", info, re.M)
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert b"/Lang(id-ID)" in written[0].read_bytes()


def test_pdf_embeds_every_font_and_uses_no_fallback_font(tmp_path: Path) -> None:
    require_tool("soffice")
    source = make_docx(tmp_path / "a.docx")

    written = convert_to_pdf([source])

    rows = run_tool(require_tool("pdffonts"), str(written[0])).splitlines()[2:]
    assert rows, "the PDF lists no font at all"
    for row in rows:
        name, emb = row.split()[0], row.split()[-5]
        assert emb == "yes", f"font not embedded: {row}"
        assert "DejaVu" not in name, f"fallback font used: {row}"
        assert "LiberationSans" in name or "Arial" in name, row


def test_pdfa_declares_pdfa_2b_in_its_xmp_and_keeps_the_text(tmp_path: Path) -> None:
    require_tool("soffice")
    source = make_docx(tmp_path / "arsip.docx")

    written = convert_to_pdf([source], pdfa=True)

    xmp = pdf_info(written[0], "-meta")
    assert re.search(r"<pdfaid:part>2</pdfaid:part>", xmp)
    assert re.search(r"<pdfaid:conformance>B</pdfaid:conformance>", xmp)
    assert all(word in pdf_text(written[0]) for word in WORDS.split())


def test_plain_pdf_does_not_claim_pdfa(tmp_path: Path) -> None:
    require_tool("soffice")
    source = make_docx(tmp_path / "biasa.docx")

    written = convert_to_pdf([source])

    assert "pdfaid:part" not in pdf_info(written[0], "-meta")


def test_two_conversions_started_at_the_same_moment_both_succeed(tmp_path: Path) -> None:
    require_tool("soffice")
    sources = [
        make_docx(tmp_path / f"run{n}" / "lampiran.docx", text=f"{WORDS} Nomor{n}") for n in (1, 2)
    ]
    start = threading.Barrier(2)
    results: dict[int, list[Path] | BaseException] = {}

    def convert(index: int) -> None:
        start.wait()
        try:
            results[index] = convert_to_pdf([sources[index]])
        except BaseException as exc:
            results[index] = exc

    threads = [threading.Thread(target=convert, args=(i,)) for i in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    for index, number in ((0, 1), (1, 2)):
        result = results[index]
        assert isinstance(result, list), f"conversion {number} failed: {result}"
        assert f"Nomor{number}" in pdf_text(result[0])


def test_many_documents_with_the_same_name_convert_in_one_run(tmp_path: Path) -> None:
    require_tool("soffice")
    sources = [
        make_docx(tmp_path / year / "lampiran.docx", text=f"{WORDS} Tahun{year}")
        for year in ("2023", "2024", "2025")
    ]

    written = convert_to_pdf(sources)

    assert written == [source.with_suffix(".pdf") for source in sources]
    for year, path in zip(("2023", "2024", "2025"), written, strict=True):
        assert f"Tahun{year}" in pdf_text(path)


# --- finding LibreOffice ----------------------------------------------------------------


def test_soffice_env_pointing_at_nothing_explains_how_to_install(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    missing = tmp_path / "tidak-ada" / "soffice"
    monkeypatch.setenv("LAMPIRAN_SOFFICE", str(missing))
    source = make_docx(tmp_path / "a.docx")

    with pytest.raises(LibreOfficeNotFound) as caught:
        convert_to_pdf([source])

    message = str(caught.value)
    assert str(missing) in message
    assert "sudo apt-get install libreoffice-writer-nogui fonts-liberation" in message
    assert "libreoffice.org" in message
    assert "LAMPIRAN_SOFFICE" in message
    assert not (tmp_path / "a.pdf").exists()


def test_libreoffice_missing_everywhere_explains_how_to_install(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("LAMPIRAN_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(pdf, "_install_locations", lambda env: [tmp_path / "soffice"])

    with pytest.raises(LibreOfficeNotFound) as caught:
        find_soffice()

    assert "tidak ditemukan" in str(caught.value)
    assert "sudo apt-get install libreoffice-writer-nogui" in str(caught.value)
    assert "Windows" in str(caught.value)


@posix_only
def test_soffice_is_found_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LAMPIRAN_SOFFICE", raising=False)
    program = tmp_path / "soffice"
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))

    assert find_soffice() == program


# --- a LibreOffice that misbehaves ------------------------------------------------------

FakeSoffice = Callable[[str], Path]

ARGUMENTS = """\
outdir=""
previous=""
for argument in "$@"; do
  if [ "$previous" = "--outdir" ]; then outdir="$argument"; fi
  previous="$argument"
done
"""


@pytest.fixture
def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeSoffice:
    """``fake_soffice(body)`` installs a sh script as LibreOffice; ``$outdir`` is set."""

    def install(body: str) -> Path:
        script = tmp_path / "palsu" / "soffice"
        script.parent.mkdir(exist_ok=True)
        script.write_text("#!/bin/sh\n" + ARGUMENTS + body)
        script.chmod(0o755)
        monkeypatch.setenv("LAMPIRAN_SOFFICE", str(script))
        return script

    return install


def _running(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie waiting to be reaped counts as ended)."""
    stat = Path(f"/proc/{pid}/stat")
    if Path("/proc/self/stat").exists():
        try:
            return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
        except (FileNotFoundError, ProcessLookupError):
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@posix_only
def test_hanging_libreoffice_is_killed_with_its_children_at_the_time_limit(
    tmp_path: Path,
    fake_soffice: FakeSoffice,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    child_pid = tmp_path / "anak.pid"
    fake_soffice(f'echo "mulai"\nsleep 300 &\necho $! > "{child_pid}"\nwait\n')
    monkeypatch.setenv("LAMPIRAN_PDF_TIMEOUT", "1")
    source = make_docx(tmp_path / "a.docx")

    with pytest.raises(PdfError) as caught:
        convert_to_pdf([source])

    assert "tidak selesai dalam 1 detik" in str(caught.value)
    assert "mulai" in str(caught.value)
    assert not (tmp_path / "a.pdf").exists()
    pid = int(child_pid.read_text())
    deadline = time.monotonic() + 10
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(pid), "the child of soffice survived the time limit"


FAILURES = {
    "exit 0 without output": (
        'echo "Error: source file could not be loaded" >&2\nexit 0\n',
        ["a.docx", "tanpa menghasilkan PDF", "source file could not be loaded"],
    ),
    "output not a pdf": (
        'for a in "$@"; do case "$a" in *.docx)\n'
        '  printf "bukan pdf" > "$outdir/$(basename "$a" .docx).pdf";; esac; done\n',
        ["a.docx", "bukan PDF yang utuh"],
    ),
    "failing exit code": (
        'echo "javaldx: kesalahan profil" >&2\nexit 3\n',
        ["kode keluar 3", "javaldx: kesalahan profil"],
    ),
}


@posix_only
@pytest.mark.parametrize(("script", "expected"), FAILURES.values(), ids=FAILURES.keys())
def test_failed_conversion_is_explained_and_keeps_the_old_pdf(
    tmp_path: Path,
    fake_soffice: FakeSoffice,
    script: str,
    expected: list[str],
) -> None:
    fake_soffice(script)
    source = make_docx(tmp_path / "a.docx")
    old = tmp_path / "a.pdf"
    old.write_bytes(b"%PDF-1.4 versi lama")

    with pytest.raises(PdfError) as caught:
        convert_to_pdf([source])

    for text in expected:
        assert text in str(caught.value)
    assert old.read_bytes() == b"%PDF-1.4 versi lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "a.pdf", "palsu"]


@posix_only
def test_one_missing_output_among_many_writes_no_pdf_at_all(
    tmp_path: Path,
    fake_soffice: FakeSoffice,
) -> None:
    # Only the first document gets a (valid-looking) PDF.
    fake_soffice(
        'for a in "$@"; do case "$a" in *.docx)\n'
        '  printf "%%PDF-1.6\\n%%%%EOF\\n" > "$outdir/$(basename "$a" .docx).pdf"\n'
        "  exit 0;; esac; done\n"
    )
    sources = [make_docx(tmp_path / year / "a.docx") for year in ("2023", "2024")]

    with pytest.raises(PdfError) as caught:
        convert_to_pdf(sources)

    assert "2024/a.docx" in str(caught.value)
    assert list(tmp_path.rglob("*.pdf")) == []
    assert list(tmp_path.rglob("*.tmp")) == []


def test_invalid_time_limit_setting_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAMPIRAN_PDF_TIMEOUT", "sebentar")

    with pytest.raises(PdfError, match="LAMPIRAN_PDF_TIMEOUT='sebentar'"):
        pdf.timeout_for(1)
