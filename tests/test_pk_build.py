"""``lampiran build --dokumen``: the whole PK or its parts, as files, and their refusals."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import (
    CONTENT_2024,
    PK_2025,
    REPO_ROOT,
    SIGNING_BLOCK,
    VALID_DOKUMEN,
    run_lampiran,
    write_year,
)
from docxread import W, blocks, part

LAMPIRAN2_TEMPLATE = REPO_ROOT / "templates" / "lampiran2.docx"
PK_TEMPLATE = REPO_ROOT / "templates" / "perjanjian-kinerja.docx"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with the fixture PK as content/2025, as the working directory."""
    shutil.copytree(PK_2025, tmp_path / "content" / "2025")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_dokumen_pk_writes_the_whole_perjanjian_kinerja(workspace: Path) -> None:
    outcome = run_lampiran("build", "content/2025", "--dokumen", "pk")

    assert (outcome.code, outcome.err) == (0, "")
    assert outcome.out == "dist/perjanjian-kinerja-2025.docx ditulis.\n"
    text = blocks((workspace / "dist" / "perjanjian-kinerja-2025.docx").read_bytes())
    assert text[0] == "PERJANJIAN KINERJA PERUBAHAN TAHUN 2025"
    assert "LAMPIRAN 1 PERJANJIAN KINERJA PERUBAHAN TAHUN 2025" in text
    assert "LAMPIRAN 2 PERJANJIAN KINERJA PERUBAHAN" in text


def test_several_documents_in_one_call_each_with_its_page(workspace: Path) -> None:
    outcome = run_lampiran(
        "build",
        "content/2025",
        "--dokumen",
        "pernyataan",
        "--dokumen",
        "lampiran-1",
        "--dokumen",
        "lampiran-2",
        "--dokumen",
        "pernyataan",
        "--html",
    )

    assert outcome.code == 0, outcome.err
    assert outcome.out.splitlines() == [
        f"dist/{name}-2025.{ext} ditulis."
        for name in (
            "pernyataan-perjanjian-kinerja",
            "lampiran-1-perjanjian-kinerja",
            "lampiran-2-perjanjian-kinerja",
        )
        for ext in ("docx", "html")
    ]


def test_without_dokumen_lampiran_2_keeps_its_name(workspace: Path) -> None:
    outcome = run_lampiran("build", "content/2025")

    assert outcome.out == "dist/lampiran-2-perjanjian-kinerja-2025.docx ditulis.\n"


def test_paper_applies_to_every_part(workspace: Path) -> None:
    run_lampiran("build", "content/2025", "--dokumen", "pk", "--paper", "A4")

    root = part(
        (workspace / "dist" / "perjanjian-kinerja-2025.docx").read_bytes(), "word/document.xml"
    )
    sizes = {(s.get(f"{W}w"), s.get(f"{W}h")) for s in root.iter(f"{W}pgSz")}
    assert sizes == {("11906", "16838")}


@pytest.mark.parametrize(
    ("kind", "named"),
    [
        ("pk", "perjanjian kinerja lengkap (--dokumen pk)"),
        ("pernyataan", "pernyataan (--dokumen pernyataan)"),
        ("lampiran-1", "Lampiran 1 (--dokumen lampiran-1)"),
    ],
)
def test_a_signed_document_without_penandatangan_is_refused_at_dokumen_yaml(
    kind: str, named: str, tmp_path: Path
) -> None:
    outcome = run_lampiran(
        "build", str(CONTENT_2024), "--dokumen", kind, "-o", str(tmp_path / "dist")
    )

    assert outcome.code == 1
    assert outcome.out == (
        f"content/2024/dokumen.yaml:4:1: penandatangan: {named} ditandatangani kedua pihak, "
        "jadi perlu 'penandatangan'; tambahkan blok penandatangan (tempat, tanggal, "
        "pihak_pertama, pihak_kedua) seperti contoh di README\n"
        "1 kesalahan, 0 peringatan\n"
    )
    assert not (tmp_path / "dist").exists()


def test_an_empty_penandatangan_is_the_place_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_year(tmp_path, dokumen=VALID_DOKUMEN + "penandatangan:\n")
    monkeypatch.chdir(tmp_path)

    outcome = run_lampiran("build", "content/2024", "--dokumen", "pk", "--dokumen", "lampiran-2")

    assert outcome.code == 1
    assert outcome.out.startswith("content/2024/dokumen.yaml:3:15: penandatangan: ")
    assert not (tmp_path / "dist").exists()


def test_nothing_is_written_when_one_of_two_years_cannot_be_signed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(PK_2025, tmp_path / "content" / "2025")
    write_year(tmp_path)
    monkeypatch.chdir(tmp_path)

    outcome = run_lampiran("build", "content/2025", "content/2024", "--dokumen", "pk")

    assert outcome.code == 1
    assert outcome.out.splitlines()[-1] == "1 kesalahan, 0 peringatan"
    assert not (tmp_path / "dist").exists()


def test_lampiran_2_alone_needs_no_penandatangan(tmp_path: Path) -> None:
    outcome = run_lampiran(
        "build", str(CONTENT_2024), "--dokumen", "lampiran-2", "-o", str(tmp_path)
    )

    assert outcome.code == 0, outcome.out


def rewrite(source: Path, target: Path, old: str, new: str) -> Path:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as output:
        for info in original.infolist():
            content = original.read(info)
            if info.filename == "word/document.xml":
                text = content.decode()
                assert old in text
                content = text.replace(old, new).encode()
            output.writestr(info, content)
    return target


def test_a_lampiran_2_template_is_refused_for_the_whole_pk(workspace: Path) -> None:
    outcome = run_lampiran(
        "build", "content/2025", "--dokumen", "pk", "--template", str(LAMPIRAN2_TEMPLATE)
    )

    assert outcome.code == 1
    assert outcome.err == (
        f"Galat: templat '{LAMPIRAN2_TEMPLATE.as_posix()}' hanya untuk Lampiran 2 (tidak memakai "
        "'bagian'); untuk --dokumen pk buat templat dari templates/perjanjian-kinerja.docx\n"
    )
    assert not (workspace / "dist").exists()


def test_a_template_without_a_part_asked_for_is_refused(workspace: Path) -> None:
    template = rewrite(
        PK_TEMPLATE, workspace / "tanpa-lampiran-1.docx", "bagian.lampiran_1", "false"
    )

    outcome = run_lampiran("build", "content/2025", "--dokumen", "pk", "--template", str(template))

    assert outcome.code == 1
    assert "tidak memuat bagian yang diminta (bagian.lampiran_1)" in outcome.err
    assert not (workspace / "dist").exists()


def test_a_template_whose_titles_cannot_say_perubahan_is_refused(workspace: Path) -> None:
    template = rewrite(
        LAMPIRAN2_TEMPLATE, workspace / "lama.docx", "{{ perjanjian }}", "PERJANJIAN KINERJA"
    )

    outcome = run_lampiran("build", "content/2025", "--template", str(template))

    assert outcome.code == 1
    assert outcome.err == (
        f"Galat: templat '{template.as_posix()}' tidak dapat menulis PERUBAHAN di judul, "
        "padahal dokumen.yaml menyatakan 'perubahan: true'; tulis {{ perjanjian }} di judulnya "
        "(menjadi 'PERJANJIAN KINERJA PERUBAHAN'), seperti templat bawaan\n"
    )


def test_an_old_template_that_types_perubahan_itself_is_accepted(workspace: Path) -> None:
    template = rewrite(
        LAMPIRAN2_TEMPLATE,
        workspace / "lama.docx",
        "{{ perjanjian }}",
        "PERJANJIAN KINERJA PERUBAHAN",
    )

    outcome = run_lampiran("build", "content/2025", "--template", str(template))

    assert outcome.code == 0, outcome.err


def test_a_reworded_pk_template_is_used_for_every_part(workspace: Path) -> None:
    template = rewrite(PK_TEMPLATE, workspace / "kita.docx", "PIHAK PERTAMA,", "PIHAK KESATU,")

    outcome = run_lampiran("build", "content/2025", "--dokumen", "pk", "--template", str(template))

    assert outcome.code == 0, outcome.err
    data = (workspace / "dist" / "perjanjian-kinerja-2025.docx").read_bytes()
    text = "\n".join(blocks(data))
    assert text.count("PIHAK KESATU,") == 3
    assert "PIHAK PERTAMA," not in text


def test_the_perubahan_is_in_the_properties_of_every_document(workspace: Path) -> None:
    run_lampiran("build", "content/2025", "--dokumen", "pk", "--dokumen", "lampiran-2")

    titles = []
    for name in ("perjanjian-kinerja-2025", "lampiran-2-perjanjian-kinerja-2025"):
        data = (workspace / "dist" / f"{name}.docx").read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            core = package.read("docProps/core.xml").decode()
        titles.append(core.split("<dc:title>")[1].split("</dc:title>")[0])
    assert titles == [
        "Perjanjian Kinerja Perubahan 2025",
        "Lampiran 2 Perjanjian Kinerja Perubahan 2025",
    ]


def test_a_signed_year_builds_every_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_year(tmp_path, dokumen=VALID_DOKUMEN + SIGNING_BLOCK)
    monkeypatch.chdir(tmp_path)

    outcome = run_lampiran("build", "--dokumen", "pk", "--dokumen", "lampiran-1")

    assert outcome.code == 0, outcome.out
    text = blocks((tmp_path / "dist" / "lampiran-1-perjanjian-kinerja-2024.docx").read_bytes())
    assert text[:2] == ["LAMPIRAN 1 PERJANJIAN KINERJA TAHUN 2024", "Badan Contoh"]
    assert "Jumlah" not in text  # no program.yaml, no program table


def test_rendering_a_signed_document_without_penandatangan_is_a_content_error() -> None:
    from lampiran.content.loading import require_year
    from lampiran.errors import ContentError
    from lampiran.writers.docx.render import render_document

    year, _ = require_year(CONTENT_2024)

    with pytest.raises(ContentError) as raised:
        render_document(year, "lampiran-1")

    (problem,) = raised.value.report.problems
    assert problem.field == "penandatangan" and problem.path.name == "dokumen.yaml"
