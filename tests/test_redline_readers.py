"""The tracked-changes document in the readers reviewers use: Word and LibreOffice.

Word cannot run here. Its stand-in is the Open XML SDK's validator (openxml-audit, as for
every built document in ``test_docx_schema.py``), for Word 2010 and Microsoft 365: an
element out of order or a revision without its attributes is what makes Word "repair" a
file. LibreOffice does run: it prints the redline with the changes visible (deleted text
struck through, inserted text underlined), and its own Accept All and Reject All give
the two years' documents.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from openxml_audit import FileFormat

from conftest import require_tool
from docxread import render_folder
from libreoffice_macro import Operation, run_jobs
from redlineread import body, revisions, texts
from test_docx_schema import FORMATS, parts_of, schema_problems, write_template
from test_redline import FIXTURES, redline
from test_redline_pk import build as pk_build
from test_redline_pk import original_and_perubahan
from test_redline_pk import redline as pk_redline

# -- Word: the Open XML SDK's rules -----------------------------------------------------


@pytest.mark.parametrize("file_format", FORMATS, ids=lambda f: f.value)
@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_the_redline_is_valid_for_word(
    fixture: str, file_format: FileFormat, tmp_path: Path
) -> None:
    old, new = FIXTURES[fixture](tmp_path)
    data = redline(old, new)

    assert revisions(data)
    assert schema_problems(data, tmp_path, file_format) == []


def test_a_template_without_settings_gets_track_changes_declared(tmp_path: Path) -> None:
    def without_settings(name: str, content: bytes) -> bytes | None:
        if name == "word/settings.xml":
            return None
        if name in ("word/_rels/document.xml.rels", "[Content_Types].xml"):
            text = content.decode("utf-8")
            text = re.sub(r'<(Override|Relationship) [^>]*settings\.xml"[^>]*/>', "", text)
            assert "settings.xml" not in text
            return text.encode("utf-8")
        return content

    template = write_template(tmp_path, without_settings)
    old, new = FIXTURES["lengkap"](tmp_path)

    data = redline(old, new, template_path=template)

    assert schema_problems(data, tmp_path, FileFormat.OFFICE_2010) == []
    package = parts_of(data)
    assert b"<w:trackRevisions/>" in package["word/settings.xml"]
    assert b'PartName="/word/settings.xml"' in package["[Content_Types].xml"]


# -- LibreOffice ---------------------------------------------------------------------


def printed(texts_of: list[str]) -> list[str]:
    """Paragraphs and cells that print something.

    LibreOffice cannot delete the paragraph mark of a paragraph directly before a table
    (it would have to join the paragraph to the table): where a deleted sasaran's
    sentence stood before its table, its Accept All leaves an empty line. Word removes
    the paragraph, as ECMA-376 says. Empty lines are left out of the comparison.
    """
    return [text for text in texts_of if text.strip(" |/")]


@pytest.fixture(scope="module")
def in_libreoffice(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Each fixture's redline, its two builds, and what LibreOffice makes of the redline
    (Accept All, Reject All, PDF), in one LibreOffice start."""
    cases: dict[str, Any] = {}
    jobs: list[tuple[bytes, Operation]] = []
    for name in sorted(FIXTURES):
        old, new = FIXTURES[name](tmp_path_factory.mktemp(name))
        data = redline(old, new)
        cases[name] = {"old": render_folder(old), "new": render_folder(new)}
        jobs += [(data, "accept"), (data, "reject"), (data, "pdf")]
    old, new = original_and_perubahan(tmp_path_factory.mktemp("pk"))
    data = pk_redline(old, new, "pk")
    cases["pk"] = {"old": pk_build(old, "pk"), "new": pk_build(new, "pk")}
    jobs += [(data, "accept"), (data, "reject"), (data, "pdf")]
    results = iter(run_jobs(jobs))
    for name in [*sorted(FIXTURES), "pk"]:
        cases[name].update(accept=next(results), reject=next(results), pdf=next(results))
    return cases


@pytest.mark.parametrize("fixture", [*sorted(FIXTURES), "pk"])
def test_libreoffice_accept_all_and_reject_all_give_the_two_builds(
    fixture: str, in_libreoffice: dict[str, Any]
) -> None:
    case = in_libreoffice[fixture]

    assert revisions(case["accept"]) == [] and revisions(case["reject"]) == []
    assert printed(texts(body(case["accept"]))) == printed(texts(body(case["new"])))
    assert printed(texts(body(case["reject"]))) == printed(texts(body(case["old"])))


def test_libreoffice_prints_the_changes(in_libreoffice: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "perubahan.pdf"
    path.write_bytes(in_libreoffice["lengkap"]["pdf"])

    result = subprocess.run(
        [require_tool("pdftotext"), "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )

    text = " ".join(result.stdout.split())
    # Both versions show: the old year struck through, the new one underlined.
    assert "PENJELASAN KINERJA TAHUN 20252026" in text
    assert "Pembina Utama Muda" in text  # the deleted pangkat
    assert "jembatan" in text  # the inserted list item
    assert "NAMA BUPATI BARU" in text
