"""Attack: ``LAMPIRAN_PDF_TIMEOUT`` set to something that is no time limit at all.

``float()`` takes ``nan`` (every comparison false: the limit is never reached), ``inf``,
``1e9`` and digits of other scripts; any of them would let a hung LibreOffice hang the
build for ever. Only plain decimal seconds, more than 0 and at most an hour, are taken.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import CONTENT_2024
from lampiran.writers import pdf
from lampiran.writers.pdf import PdfError
from test_pdf import posix_only
from test_pdf_cli import DOCX_2024, fake_soffice, lampiran

REFUSED = [
    "nan",
    "NaN",
    "inf",
    "-inf",
    "Infinity",
    "-5",
    "0",
    "0.0",
    "abc",
    "1e3",
    "3601",
    "99999999",
    "1_000",
    "\u0661\u0662",
    "5 detik",
]
ACCEPTED = {"300": 300.0, "2.5": 2.5, " 60 ": 60.0, "3600": 3600.0, "0.5": 0.5}


@pytest.mark.parametrize("value", REFUSED)
def test_a_value_that_is_no_finite_positive_number_of_seconds_is_refused(value: str) -> None:
    with pytest.raises(PdfError) as caught:
        pdf.timeout_for(1, {"LAMPIRAN_PDF_TIMEOUT": value})

    message = str(caught.value)
    assert message.startswith(f"LAMPIRAN_PDF_TIMEOUT='{value.strip()}' bukan jumlah detik")
    assert "lebih dari 0 sampai paling lama 3600 (satu jam), misalnya 300" in message


@pytest.mark.parametrize(("value", "seconds"), ACCEPTED.items())
def test_plain_seconds_are_taken(value: str, seconds: float) -> None:
    assert pdf.timeout_for(1, {"LAMPIRAN_PDF_TIMEOUT": value}) == seconds


def test_unset_or_empty_gives_the_default_limit() -> None:
    assert pdf.timeout_for(2, {}) == 180.0
    assert pdf.timeout_for(2, {"LAMPIRAN_PDF_TIMEOUT": "  "}) == 180.0


@posix_only
def test_build_with_nan_never_starts_libreoffice_and_says_what_to_write(tmp_path: Path) -> None:
    started = tmp_path / "dijalankan"
    soffice = fake_soffice(tmp_path, f': > "{started}"\nsleep 300\n')
    env = {**os.environ, "LAMPIRAN_SOFFICE": soffice, "LAMPIRAN_PDF_TIMEOUT": "nan"}

    result = lampiran("build", CONTENT_2024, "-o", tmp_path / "dist", "--pdf", env=env)

    assert result.returncode == 1
    assert "Galat: LAMPIRAN_PDF_TIMEOUT='nan' bukan jumlah detik yang sah" in result.stderr
    assert "Dokumen Word sudah ditulis; hanya PDF-nya yang belum dibuat." in result.stderr
    assert sorted(p.name for p in (tmp_path / "dist").iterdir()) == [DOCX_2024]
    assert not started.exists()
