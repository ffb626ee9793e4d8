"""``lampiran diff --format docx``: the command a planning officer runs for reviewers."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import VALID_SASARAN, run_lampiran, write_year
from conftest import run_git as git
from docxread import render_folder
from redlineread import W, body, resolve, revisions, texts
from test_diff_rev import state
from test_docx_schema import TEMPLATE, repack

NEW_SASARAN = VALID_SASARAN.replace("target: 99,99%", "target: 100%").replace(
    "Kalimat kedua.", "Kalimat kedua diperbaiki."
)


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """content/2024 and content/2025 (a target and a sentence changed); cwd is their root."""
    write_year(tmp_path, year="2024")
    write_year(
        tmp_path,
        dokumen="instansi: Badan Contoh\ntahun: 2025\n",
        sasaran={"01-disiplin.yaml": NEW_SASARAN},
        year="2025",
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def test_the_redline_is_written_and_reads_as_both_years(workspace: Path) -> None:
    before = files(workspace)

    result = run_lampiran("diff", "2024", "2025", "--format", "docx", "-o", "perubahan.docx")

    assert result.code == 0, result.err
    assert result.out == (
        "perubahan.docx ditulis: perubahan content/2024 -> content/2025 ditandai "
        "(lacak perubahan).\n"
    )
    assert files(workspace) == before | {"perubahan.docx"}
    data = (workspace / "perubahan.docx").read_bytes()
    for decision, year in (("accept", "2025"), ("reject", "2024")):
        resolved = body(resolve(data, decision))  # type: ignore[arg-type]
        assert resolved == body(render_folder(workspace / "content" / year))


def test_the_author_is_the_reviewer_named(workspace: Path) -> None:
    result = run_lampiran(
        "diff", "--format", "docx", "-o", "p.docx", "--penulis", "  Bappeda   Kabupaten "
    )

    assert result.code == 0, result.err
    authors = {e.get(f"{W}author") for e in revisions((workspace / "p.docx").read_bytes())}
    assert authors == {"Bappeda Kabupaten"}


def test_the_paper_and_a_new_output_folder(workspace: Path) -> None:
    result = run_lampiran("diff", "--format", "docx", "-o", "tinjauan/2025/p.docx", "--paper", "a4")

    assert result.code == 0, result.err
    with zipfile.ZipFile(workspace / "tinjauan" / "2025" / "p.docx") as package:
        root = etree.fromstring(package.read("word/document.xml"))
    size = root.find(f"{W}body/{W}sectPr/{W}pgSz")
    assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838")


def test_exit_code_reports_changes_and_still_writes(workspace: Path) -> None:
    result = run_lampiran("diff", "--format", "docx", "-o", "p.docx", "--exit-code")

    assert result.code == 1
    assert (workspace / "p.docx").is_file()


def test_no_printed_change_says_so(workspace: Path) -> None:
    result = run_lampiran(
        "diff", "content/2024", "content/2024", "--format", "docx", "-o", "sama.docx"
    )

    assert result.code == 0, result.err
    assert result.out == (
        "sama.docx ditulis tanpa tanda perubahan: isi yang dicetak sama "
        "(content/2024 -> content/2024).\n"
    )
    assert revisions((workspace / "sama.docx").read_bytes()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--format", "docx"],
            "sebutkan berkas Word yang ditulis dengan -o, misalnya: "
            "lampiran diff 2024 2025 --format docx -o perubahan-2025.docx",
        ),
        (
            ["--format", "docx", "-o", "perubahan.pdf"],
            "berkas keluaran 'perubahan.pdf' harus berakhiran .docx, "
            "misalnya: -o perubahan-2025.docx",
        ),
        (
            ["-o", "perubahan.docx"],
            "-o hanya dipakai dengan --format docx; keluaran lain ditampilkan di layar",
        ),
        (
            ["--format", "markdown", "--penulis", "Bappeda"],
            "--penulis hanya dipakai dengan --format docx; keluaran lain ditampilkan di layar",
        ),
        (
            ["--format", "docx", "-o", "p.docx", "--penulis", " "],
            "--penulis tidak boleh kosong; tulis nama peninjau, misalnya: Bappeda",
        ),
        (
            ["--format", "docx", "-o", "p.docx", "--penulis", "Bapp\x1b[31meda"],
            "--penulis memuat karakter yang tidak dapat dicetak: 'Bapp\\x1b[31meda'",
        ),
        (
            ["--format", "docx", "-o", "p.docx", "--penulis", "x" * 101],
            "--penulis terlalu panjang (101 huruf); paling banyak 100 huruf",
        ),
    ],
)
def test_usage_mistakes_exit_2_and_write_nothing(
    workspace: Path, args: list[str], message: str
) -> None:
    before = files(workspace)

    result = run_lampiran("diff", *args)

    assert result.code == 2, result.out
    assert result.err == f"Galat: {message}\n"
    assert files(workspace) == before


def test_an_unknown_document_lists_the_documents(workspace: Path) -> None:
    result = run_lampiran("diff", "--format", "docx", "-o", "p.docx", "--dokumen", "lampiran-9")

    assert result.code == 2
    assert result.err.splitlines()[-1] == (
        "Galat: Nilai tidak sah untuk '--dokumen': 'lampiran-9' tidak dikenal; pilih salah "
        "satu: pk, pernyataan, lampiran-1, lampiran-2"
    )
    assert not (workspace / "p.docx").exists()


def test_broken_content_is_reported_like_check_and_nothing_is_written(workspace: Path) -> None:
    (workspace / "content" / "2025" / "dokumen.yaml").write_text("instansi: Badan\ntahun: dua\n")
    expected = run_lampiran("check", "content/2025").out
    (workspace / "lama.docx").write_bytes(b"dokumen lama")
    before = files(workspace)

    result = run_lampiran("diff", "--format", "docx", "-o", "lama.docx")

    assert result.code == 1
    assert result.out == expected
    assert (workspace / "lama.docx").read_bytes() == b"dokumen lama"
    assert files(workspace) == before


def test_an_existing_redline_is_replaced_whole(workspace: Path) -> None:
    (workspace / "p.docx").write_bytes(b"versi lama")

    result = run_lampiran("diff", "--format", "docx", "-o", "p.docx")

    assert result.code == 0, result.err
    assert zipfile.is_zipfile(workspace / "p.docx")


def test_rev_makes_the_redline_of_a_branch_against_main(workspace: Path) -> None:
    git(workspace, "init", "-q", "-b", "main")
    git(workspace, "add", "-A")
    git(workspace, "commit", "-q", "-m", "awal")
    (workspace / ".git" / "info" / "exclude").write_text("*.docx\n", encoding="utf-8")
    sasaran = workspace / "content" / "2025" / "sasaran" / "01-disiplin.yaml"
    sasaran.write_text(NEW_SASARAN.replace("target: 100%", "target: 98%"), encoding="utf-8")
    before = state(workspace)

    result = run_lampiran(
        "diff", "--rev", "main", "content/2025", "--format", "docx", "-o", "mr.docx"
    )

    assert result.code == 0, result.err
    assert result.out.startswith("mr.docx ditulis: perubahan main:content/2025 -> content/2025")
    data = (workspace / "mr.docx").read_bytes()
    (workspace / "mr.docx").unlink()
    assert state(workspace) == before
    changed = [
        "".join(t.text or "" for t in element.iter(f"{W}t", f"{W}delText"))
        for element in revisions(data)
        if element.getparent().tag != f"{W}rPr"
    ]
    assert changed == ["100", "98"]  # the target cell, nothing else


def test_a_custom_template_with_filters_reads_as_both_years(workspace: Path) -> None:
    # A template that prints the agency in capitals and the sasaran title twice.
    def restyle(name: str, content: bytes) -> bytes:
        if name != "word/document.xml":
            return content
        text = content.decode("utf-8")
        assert "{{ instansi }}" in text and "{{ s.sasaran }}" in text
        text = text.replace("{{ instansi }}", "{{ instansi|upper }}")
        text = text.replace("{{ s.sasaran }}", "{{ s.sasaran }} ({{ s.sasaran|lower }})")
        return text.encode("utf-8")

    template = workspace / "templat-kami.docx"
    template.write_bytes(repack(TEMPLATE.read_bytes(), restyle))
    new_dokumen = workspace / "content" / "2025" / "dokumen.yaml"
    new_dokumen.write_text("instansi: Badan Contoh Baru\ntahun: 2025\n", encoding="utf-8")

    result = run_lampiran("diff", "--format", "docx", "-o", "p.docx", "--template", str(template))

    assert result.code == 0, result.err
    data = (workspace / "p.docx").read_bytes()
    assert "BADAN CONTOH BARU" in texts(body(resolve(data, "accept")))
    for decision, year in (("accept", "2025"), ("reject", "2024")):
        built = render_folder(workspace / "content" / year, template=template)
        assert body(resolve(data, decision)) == body(built)  # type: ignore[arg-type]


@pytest.fixture
def agencies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """content/<instansi>/<tahun> for two agencies, each with 2024 and 2025."""
    for agency in ("bkpsdm", "dinkes"):
        shutil.copytree(
            write_year(tmp_path / "a", year="2024"), tmp_path / "content" / agency / "2024"
        )
        new = write_year(
            tmp_path / "b",
            dokumen="instansi: Badan Contoh\ntahun: 2025\n",
            sasaran={"01-disiplin.yaml": NEW_SASARAN},
            year="2025",
        )
        shutil.copytree(new, tmp_path / "content" / agency / "2025")
        shutil.rmtree(tmp_path / "a")
        shutil.rmtree(tmp_path / "b")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_redline_of_one_agency_of_a_workspace(agencies: Path) -> None:
    result = run_lampiran(
        "diff", "2024", "2025", "--instansi", "dinkes", "--format", "docx", "-o", "dinkes.docx"
    )

    assert result.code == 0, result.err
    assert result.out == (
        "dinkes.docx ditulis: perubahan content/dinkes/2024 -> content/dinkes/2025 ditandai "
        "(lacak perubahan).\n"
    )
    assert revisions((agencies / "dinkes.docx").read_bytes())


def test_a_redline_is_of_one_agency_not_of_all(agencies: Path) -> None:
    result = run_lampiran("diff", "2024", "2025", "--format", "docx", "-o", "semua.docx")

    assert result.code == 2
    assert result.err == (
        "Galat: --format docx membuat satu dokumen untuk satu instansi; pilih salah satu "
        "dengan --instansi NAMA (bkpsdm, dinkes)\n"
    )
    assert not (agencies / "semua.docx").exists()
