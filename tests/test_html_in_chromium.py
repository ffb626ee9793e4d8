"""The web page as a reader sees it, in headless Chromium: phone, desktop and print.

Screenshots at phone and desktop width (kept in the test's folder to look at), the
page's own scroll width measured inside an iframe of each width (a page that runs past
the screen is wider than its viewport), and Chromium's print preview as a PDF: F4 or A4
pages, more than one for a year of content, every table header repeated by the browser.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from conftest import CONTENT_2024, REPO_ROOT, require_tool
from lampiran.content.loading import require_year
from lampiran.documents.lampiran2 import lampiran2
from lampiran.writers.html import write_html

LENGKAP_2025 = REPO_ROOT / "tests" / "data" / "lengkap" / "2025"
PHONE, DESKTOP = 360, 1280


def chromium(*args: str) -> subprocess.CompletedProcess[str]:
    program = require_tool("chromium")
    return subprocess.run(
        [program, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def write_page(folder: Path, target: Path, paper: str = "F4") -> Path:
    year, _ = require_year(folder)
    target.write_bytes(write_html(lampiran2(year).document(), paper))
    return target


def widths(page: Path, width: int) -> tuple[int, int]:
    """(scroll width, viewport width) of ``page`` shown in an iframe ``width`` pixels wide."""
    probe = page.with_name(f"probe-{width}.html")
    probe.write_text(
        "<!DOCTYPE html><html><body style='margin:0'>"
        f"<iframe id='f' src='{page.name}' style='width:{width}px;height:900px;border:0'>"
        "</iframe><script>window.addEventListener('load', function () {"
        "var d = document.getElementById('f').contentDocument.documentElement;"
        "document.title = JSON.stringify([d.scrollWidth, d.clientWidth]); });</script>"
        "</body></html>",
        encoding="utf-8",
    )
    dom = chromium(
        "--allow-file-access-from-files", "--window-size=1400,1000", "--dump-dom", probe.as_uri()
    ).stdout
    found = re.search(r"<title>(\[\d+,\d+\])</title>", dom)
    assert found is not None, dom[:500]
    scroll, client = json.loads(found.group(1))
    return scroll, client


@pytest.mark.parametrize("folder", [CONTENT_2024, LENGKAP_2025], ids=["2024", "lengkap"])
@pytest.mark.parametrize("width", [PHONE, 768, DESKTOP])
def test_the_page_never_runs_past_the_screen(folder: Path, width: int, tmp_path: Path) -> None:
    page = write_page(folder, tmp_path / "halaman.html")

    scroll, client = widths(page, width)

    assert scroll <= client, f"{scroll}px of content in a {client}px wide screen"


def test_the_overflow_probe_sees_a_page_that_is_too_wide(tmp_path: Path) -> None:
    page = tmp_path / "lebar.html"
    page.write_text("<!DOCTYPE html><div style='width:2000px'>lebar</div>", encoding="utf-8")

    scroll, client = widths(page, PHONE)

    assert scroll > client


def test_screenshots_at_phone_and_desktop_width(tmp_path: Path) -> None:
    page = write_page(LENGKAP_2025, tmp_path / "halaman.html")

    for width in (390, DESKTOP):
        shot = tmp_path / f"layar-{width}.png"
        chromium(f"--window-size={width},2400", "--hide-scrollbars", f"--screenshot={shot}",
                 page.as_uri())  # fmt: skip

        data = shot.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(data[16:20], "big") == width


@pytest.mark.parametrize(("paper", "size_pt"), [("F4", (609.4, 935.4)), ("A4", (595.3, 841.9))])
def test_print_preview_paginates_on_the_chosen_paper(
    paper: str, size_pt: tuple[float, float], tmp_path: Path
) -> None:
    pdfinfo = require_tool("pdfinfo")
    page = write_page(CONTENT_2024, tmp_path / "halaman.html", paper)
    pdf = tmp_path / "cetak.pdf"

    chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    info = subprocess.run([pdfinfo, pdf], capture_output=True, text=True, check=True).stdout
    text = subprocess.run(
        [require_tool("pdftotext"), "-layout", pdf, "-"], capture_output=True, text=True
    ).stdout

    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())  # type: ignore[union-attr]
    assert pages >= 3
    assert abs(width - size_pt[0]) < 2 and abs(height - size_pt[1]) < 2
    assert "PENJELASAN KINERJA TAHUN 2024" in text
    assert text.count("Sumber Data") >= 3  # the header of each indicator table
