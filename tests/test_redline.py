"""``lampiran diff --format docx``: the new year's document with every change tracked.

What a reviewer relies on: accepting every change in Word gives exactly the document
``lampiran build`` makes of the new year, rejecting every change exactly the old year's
(paragraph by paragraph, cell by cell, with styles, lists and bold/italic); and each kind
of change is the Word revision a person would have made by hand: changed words inside a
sentence, a whole paragraph or list item, a table row, a moved sasaran, bold added.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from conftest import CONTENT_2024, REPO_ROOT, SIGNING_BLOCK, VALID_SASARAN, write_year
from docxread import render_folder
from lampiran.content.loading import require_year
from lampiran.writers.docx.redline import redline_years
from redlineread import W, body, parts, resolve, revisions, texts

LENGKAP_2025 = REPO_ROOT / "tests" / "data" / "lengkap" / "2025"


def redline(old: Path, new: Path, **options: Any) -> bytes:
    old_year, _ = require_year(old)
    new_year, _ = require_year(new)
    return redline_years(old_year, new_year, **options).data


def assert_accepting_gives_new_and_rejecting_gives_old(
    old: Path, new: Path, data: bytes, **render: Any
) -> None:
    for decision, folder in (("accept", new), ("reject", old)):
        resolved = resolve(data, decision)  # type: ignore[arg-type]
        built = render_folder(folder, **render)
        for part in ("word/document.xml", "word/footer1.xml"):
            got, want = body(resolved, part), body(built, part)
            assert texts(got) == texts(want), (decision, part)
            assert got == want, (decision, part)


def document(data: bytes) -> Any:
    return etree.fromstring(parts(data)["word/document.xml"])


def changes(data: bytes) -> list[tuple[str, str]]:
    """Every run-level insertion and deletion with its text, in reading order."""
    found = []
    for element in document(data).iter(f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo"):
        if element.getparent().tag in (f"{W}rPr", f"{W}trPr"):
            continue
        text = "".join(node.text or "" for node in element.iter(f"{W}t", f"{W}delText"))
        found.append((etree.QName(element).localname, text))
    return found


def paragraph_text(paragraph: Any) -> str:
    return "".join(node.text or "" for node in paragraph.iter(f"{W}t", f"{W}delText"))


def mark(paragraph: Any) -> str | None:
    marks = paragraph.find(f"{W}pPr/{W}rPr")
    if marks is None:
        return None
    for kind in ("ins", "del", "moveFrom", "moveTo"):
        if marks.find(f"{W}{kind}") is not None:
            return kind
    return None


def row_mark(row: Any) -> str | None:
    for kind in ("ins", "del"):
        if row.find(f"{W}trPr/{W}{kind}") is not None:
            return kind
    return None


def copy_year(source: Path, root: Path, tahun: str) -> Path:
    """A copy of a year folder as ``root/content/<tahun>``, its ``tahun`` changed."""
    target = root / "content" / tahun
    shutil.copytree(source, target)
    dokumen = target / "dokumen.yaml"
    text = dokumen.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("tahun:"))
    dokumen.write_text(text.replace(old, f"tahun: {tahun}"), encoding="utf-8")
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- the fixtures: content/2024 and tests/data/lengkap, each against an edited copy ----


def edited_2024(root: Path) -> tuple[Path, Path]:
    """content/2024 and a next year with the edits a planning officer makes."""
    old = copy_year(CONTENT_2024, root, "2024")
    new = copy_year(CONTENT_2024, root, "2025")
    sasaran = new / "sasaran"
    edit(sasaran / "01-disiplin-aparatur.yaml", "target: 99,99%", "target: 100%")
    edit(sasaran / "01-disiplin-aparatur.yaml", "salah satu dimensi", "dimensi utama")
    edit(
        sasaran / "03-kinerja-perangkat-daerah.yaml",
        "penerapan manajemen kinerja",
        "penerapan **manajemen kinerja**",
    )
    edit(sasaran / "03-kinerja-perangkat-daerah.yaml", "target: 77\n", "target: 78\n")
    with (sasaran / "03-kinerja-perangkat-daerah.yaml").open("a", encoding="utf-8") as file:
        file.write(
            "  - nama: Indeks Reformasi Birokrasi\n"
            "    relevansi: |\n"
            "      Indeks ini mengukur kemajuan reformasi birokrasi:\n"
            "      - penataan organisasi;\n"
            "      - penataan tata laksana.\n"
            '    target: "70"\n'
            "    penjelasan_target: Target naik setiap tahun.\n"
        )
    # The second sasaran moves to the end: its file is renamed.
    (sasaran / "02-kompetensi-sdm.yaml").rename(sasaran / "04-kompetensi-sdm.yaml")
    with (new / "dokumen.yaml").open("a", encoding="utf-8") as file:
        file.write(SIGNING_BLOCK.replace("2024-01-31", "2025-01-30"))
    return old, new


def edited_lengkap(root: Path) -> tuple[Path, Path]:
    """tests/data/lengkap/2025 and a next year: lists, a removed indicator, a signatory."""
    old = copy_year(LENGKAP_2025, root, "2025")
    new = copy_year(LENGKAP_2025, root, "2026")
    infrastruktur = new / "sasaran" / "01-infrastruktur.yaml"
    edit(infrastruktur, "  - pemeliharaan rutin;\n", "  - pemeliharaan rutin;\n  - jembatan;\n")
    edit(infrastruktur, "  2. analisis data.\n", "")
    edit(infrastruktur, "      2. tahun kedua.\n", "")
    edit(infrastruktur, "Laporan **Survei** Kondisi Jalan", "Laporan Survei Kondisi Jalan")
    edit(infrastruktur, "  - nama: Indeks Kepuasan Pengguna Jalan\n", "  - nama: Indeks Kepuasan\n")
    edit(new / "dokumen.yaml", "    pangkat: Pembina Utama Muda\n", "")
    edit(new / "dokumen.yaml", "tanggal: 2025-01-31", "tanggal: 2026-01-30")
    edit(new / "dokumen.yaml", "nama: NAMA BUPATI", "nama: NAMA BUPATI BARU")
    (new / "sasaran" / "02-tata-ruang.yaml").rename(new / "sasaran" / "00-tata-ruang.yaml")
    return old, new


FIXTURES: dict[str, Callable[[Path], tuple[Path, Path]]] = {
    "content-2024": edited_2024,
    "lengkap": edited_lengkap,
}


@pytest.mark.parametrize("paper", ["F4", "A4"])
@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_accepting_all_gives_the_new_build_and_rejecting_all_the_old(
    fixture: str, paper: str, tmp_path: Path
) -> None:
    old, new = FIXTURES[fixture](tmp_path)

    data = redline(old, new, paper=paper)

    assert len(revisions(data)) > 10
    assert_accepting_gives_new_and_rejecting_gives_old(old, new, data, paper=paper)


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_the_other_way_round_too(fixture: str, tmp_path: Path) -> None:
    old, new = FIXTURES[fixture](tmp_path)

    data = redline(new, old)

    assert_accepting_gives_new_and_rejecting_gives_old(new, old, data)


def test_the_same_year_twice_has_no_revision_and_is_the_build(tmp_path: Path) -> None:
    old = copy_year(LENGKAP_2025, tmp_path, "2025")
    new = copy_year(LENGKAP_2025, tmp_path / "b", "2025")

    data = redline(old, new)

    assert revisions(data) == []
    assert body(data) == body(render_folder(new))


# -- each kind of change, read from the XML ---------------------------------------------


def pair(
    tmp_path: Path,
    old_sasaran: dict[str, str],
    new_sasaran: dict[str, str],
    old_dokumen: str = "instansi: Badan Contoh\ntahun: 2024\n",
    new_dokumen: str = "instansi: Badan Contoh\ntahun: 2025\n",
) -> tuple[Path, Path, bytes]:
    old = write_year(tmp_path / "a", old_dokumen, old_sasaran, year="2024")
    tahun = new_dokumen.split("tahun: ", 1)[1][:4]
    new = write_year(tmp_path / "b", new_dokumen, new_sasaran, year=tahun)
    data = redline(old, new)
    assert_accepting_gives_new_and_rejecting_gives_old(old, new, data)
    return old, new, data


ONE = {"01-disiplin.yaml": VALID_SASARAN}
SECOND_INDICATOR = (
    "  - nama: Jumlah pelanggaran kode etik\n"
    "    relevansi: Pelanggaran menunjukkan disiplin.\n"
    "    target: 10 kasus\n"
    "    penjelasan_target: Pelanggaran dikurangi.\n"
)


def test_a_changed_target_is_a_change_of_just_those_words(tmp_path: Path) -> None:
    new = {"01-disiplin.yaml": VALID_SASARAN.replace("target: 99,99%", "target: 100%")}

    _, _, data = pair(tmp_path, ONE, new, new_dokumen="instansi: Badan Contoh\ntahun: 2024\n")

    assert changes(data) == [("del", "99,99"), ("ins", "100")]  # "%" stays, as in the text diff
    assert not document(data).findall(f".//{W}trPr/{W}ins")
    deleted = document(data).find(f".//{W}del")
    assert deleted.get(f"{W}author") == "lampiran"
    assert deleted.get(f"{W}date") == "2024-01-01T00:00:00Z"
    assert deleted.find(f"{W}r/{W}delText").text == "99,99"


def test_a_changed_sentence_marks_only_the_changed_words(tmp_path: Path) -> None:
    new = {"01-disiplin.yaml": VALID_SASARAN.replace("Kalimat kedua.", "Kalimat kedua diperbaiki.")}

    _, _, data = pair(tmp_path, ONE, new)

    assert ("ins", " diperbaiki") in changes(data)
    uraian = [p for p in document(data).iter(f"{W}p") if "Kalimat pertama" in paragraph_text(p)]
    assert len(uraian) == 1 and mark(uraian[0]) is None
    inserted = uraian[0].findall(f"{W}ins")
    assert [paragraph_text(i) for i in inserted] == [" diperbaiki"]
    assert not uraian[0].findall(f"{W}del")


def test_the_computed_sentence_and_the_year_change_only_their_numbers(tmp_path: Path) -> None:
    new = {"01-disiplin.yaml": VALID_SASARAN + SECOND_INDICATOR}

    _, _, data = pair(tmp_path, ONE, new)

    sentence = next(
        p for p in document(data).iter(f"{W}p") if "Sasaran kinerja ini" in paragraph_text(p)
    )
    parts_of_sentence = [
        (etree.QName(e).localname, paragraph_text(e)) for e in sentence if e.tag != f"{W}pPr"
    ]
    assert parts_of_sentence == [
        ("r", "Sasaran kinerja ini memiliki "),
        ("del", "1"),
        ("ins", "2"),
        ("r", " ("),
        ("del", "satu"),
        ("ins", "dua"),
        ("r", ") indikator kinerja yang akan menggambarkan secara langsung "
         "ketercapaian/kondisi sasaran kinerja yang akan diwujudkan, antara lain:"),
    ]  # fmt: skip
    assert ("del", "2024") in changes(data) and ("ins", "2025") in changes(data)


def test_an_added_indicator_is_an_inserted_row_in_both_tables(tmp_path: Path) -> None:
    new = {"01-disiplin.yaml": VALID_SASARAN + SECOND_INDICATOR}

    _, _, data = pair(tmp_path, ONE, new)

    rows = list(document(data).iter(f"{W}tr"))
    inserted = [row for row in rows if row_mark(row) == "ins"]
    assert [paragraph_text(row.find(f"{W}tc")) for row in inserted] == [
        "2",
        "Jumlah pelanggaran kode etik",
    ]
    for row in inserted:
        assert not row.findall(f".//{W}del")
        for run in row.iter(f"{W}r"):
            assert run.getparent().tag == f"{W}ins"
        assert {mark(p) for p in row.iter(f"{W}p")} == {"ins"}
    assert [row_mark(row) for row in rows].count(None) == 2 + 2  # headers, old rows


def test_a_removed_indicator_is_a_deleted_row_with_deleted_text(tmp_path: Path) -> None:
    old = {"01-disiplin.yaml": VALID_SASARAN + SECOND_INDICATOR}

    _, _, data = pair(tmp_path, old, ONE)

    deleted = [row for row in document(data).iter(f"{W}tr") if row_mark(row) == "del"]
    assert len(deleted) == 2
    for row in deleted:
        assert row.findall(f".//{W}t") == []
        assert "Jumlah pelanggaran kode etik" in paragraph_text(row)


def test_a_renamed_indicator_is_changed_words_not_a_new_row(tmp_path: Path) -> None:
    new = {
        "01-disiplin.yaml": VALID_SASARAN.replace(
            "Cakupan ASN yang tidak dijatuhi hukuman disiplin",
            "Cakupan ASN yang tidak pernah dijatuhi hukuman disiplin",
        )
    }

    _, _, data = pair(tmp_path, ONE, new)

    assert [row_mark(row) for row in document(data).iter(f"{W}tr")] == [None] * 4
    assert changes(data).count(("ins", "pernah ")) == 2  # both tables


def test_added_paragraphs_and_list_items_are_inserted_whole(tmp_path: Path) -> None:
    longer = VALID_SASARAN.replace(
        "  Kalimat kedua.\n",
        "  Kalimat kedua.\n\n  Paragraf baru:\n  - butir satu\n  - butir dua\n",
    )

    _, _, data = pair(tmp_path, ONE, {"01-disiplin.yaml": longer})

    added = [p for p in document(data).iter(f"{W}p") if mark(p) == "ins"]
    assert [paragraph_text(p) for p in added] == ["Paragraf baru:", "butir satu", "butir dua"]
    assert [p.find(f"{W}pPr/{W}numPr") is not None for p in added] == [False, True, True]
    for paragraph in added:
        assert all(run.getparent().tag == f"{W}ins" for run in paragraph.iter(f"{W}r"))


def test_a_removed_list_item_at_the_end_of_a_cell_keeps_the_cell_readable(tmp_path: Path) -> None:
    # Word cannot delete the last paragraph mark of a cell: the mark before it goes.
    lists = VALID_SASARAN.replace(
        "penjelasan_target: Penjelasan target.",
        "penjelasan_target: |\n      Target:\n      1. pertama;\n      2. kedua.",
    )
    shorter = lists.replace("      2. kedua.", "")

    _, _, data = pair(tmp_path, {"01-d.yaml": lists}, {"01-d.yaml": shorter})

    cell = next(c for c in document(data).iter(f"{W}tc") if "Target:" in paragraph_text(c))
    paragraphs = cell.findall(f"{W}p")
    assert [paragraph_text(p) for p in paragraphs] == ["Target:", "pertama;", "kedua."]
    assert [mark(p) for p in paragraphs] == [None, "del", None]


def test_bold_added_is_a_formatting_change_of_those_words(tmp_path: Path) -> None:
    new = {"01-disiplin.yaml": VALID_SASARAN.replace("Kalimat kedua.", "Kalimat **kedua**.")}

    _, _, data = pair(tmp_path, ONE, new, new_dokumen="instansi: Badan Contoh\ntahun: 2024\n")

    assert changes(data) == []
    change = document(data).find(f".//{W}rPrChange")
    run = change.getparent().getparent()
    assert paragraph_text(run) == "kedua"
    assert run.find(f"{W}rPr/{W}b") is not None
    assert list(change.find(f"{W}rPr")) == []


def test_a_removed_sasaran_is_deleted_whole(tmp_path: Path) -> None:
    two = {"01-disiplin.yaml": VALID_SASARAN, "02-lain.yaml": VALID_SASARAN.replace(
        "Meningkatnya Disiplin Aparatur", "Meningkatnya Pelayanan")}  # fmt: skip

    _, _, data = pair(tmp_path, two, ONE)

    root = document(data)
    gone = [p for p in root.iter(f"{W}p") if mark(p) == "del" and paragraph_text(p)]
    assert [paragraph_text(p) for p in gone][:3] == [
        "Penjelasan Kinerja 2",
        "Uraian Sasaran",
        "Meningkatnya Pelayanan",
    ]
    rows = [row_mark(row) for row in root.iter(f"{W}tr")]
    assert rows == [None, None, None, None, "del", "del", "del", "del"]


def test_a_sasaran_moved_by_renaming_its_file_is_a_move(tmp_path: Path) -> None:
    other = VALID_SASARAN.replace("Meningkatnya Disiplin Aparatur", "Meningkatnya Pelayanan")
    old = {"01-disiplin.yaml": VALID_SASARAN, "02-pelayanan.yaml": other}
    new = {"01-pelayanan.yaml": other, "02-disiplin.yaml": VALID_SASARAN}

    _, _, data = pair(tmp_path, old, new, new_dokumen="instansi: Badan Contoh\ntahun: 2024\n")

    root = document(data)
    sources = list(root.iter(f"{W}moveFromRangeStart"))
    destinations = list(root.iter(f"{W}moveToRangeStart"))
    assert len(sources) == len(destinations) == 1
    assert sources[0].get(f"{W}name") == destinations[0].get(f"{W}name")
    # Disiplin moved down (the longest run in the old order stays): only the numbers of
    # the headings are changed words; no paragraph or row is deleted or inserted.
    words = [change for change in changes(data) if change[0] in ("ins", "del")]
    assert sorted(words) == [("del", "1"), ("del", "2"), ("ins", "1"), ("ins", "2")]
    assert {mark(p) for p in root.iter(f"{W}p")} == {None, "moveFrom", "moveTo"}
    moved_to = [paragraph_text(p) for p in root.iter(f"{W}p") if mark(p) == "moveTo"]
    assert [text for text in moved_to if text][:3] == [
        "Penjelasan Kinerja 2",
        "Uraian Sasaran",
        "Meningkatnya Disiplin Aparatur",
    ]
    moved_from = [paragraph_text(p) for p in root.iter(f"{W}p") if mark(p) == "moveFrom"]
    assert [text for text in moved_from if text][:3] == [
        "Penjelasan Kinerja 1",
        "Uraian Sasaran",
        "Meningkatnya Disiplin Aparatur",
    ]
    # Rows cannot move in Word: the moved tables' rows are deleted at the old place and
    # inserted at the new one, their text moved.
    assert {row_mark(r) for r in root.iter(f"{W}tr")} == {None, "del", "ins"}


def test_a_renamed_file_in_the_same_place_is_no_change(tmp_path: Path) -> None:
    _, _, data = pair(
        tmp_path,
        ONE,
        {"01-disiplin-aparatur.yaml": VALID_SASARAN},
        new_dokumen="instansi: Badan Contoh\ntahun: 2024\n",
    )

    assert revisions(data) == []


def test_signature_changes_are_words_and_paragraphs(tmp_path: Path) -> None:
    old_dokumen = "instansi: Badan Contoh\ntahun: 2024\n" + SIGNING_BLOCK.replace(
        "    jabatan: Kepala Badan\n", "    jabatan: Kepala Badan\n    pangkat: Pembina\n"
    )
    new_dokumen = "instansi: Badan Contoh\ntahun: 2025\n" + SIGNING_BLOCK.replace(
        "2024-01-31", "2025-01-30"
    ).replace("NAMA BUPATI", "NAMA BUPATI BARU")

    _, _, data = pair(tmp_path, ONE, ONE, old_dokumen, new_dokumen)

    found = changes(data)
    assert ("del", "31") in found and ("ins", "30") in found
    assert ("ins", " BARU") in found
    assert ("del", "Pembina") in found
    signature = list(document(data).iter(f"{W}tbl"))[-1]
    assert [row_mark(row) for row in signature.iter(f"{W}tr")] == [None, None]
    # The pangkat paragraph goes; its cell ends with the NIP paragraph as before.
    right = signature.findall(f"{W}tr")[1].findall(f"{W}tc")[1]
    assert [paragraph_text(p) for p in right.findall(f"{W}p")][-2:] == [
        "Pembina",
        "NIP. 19700101 199003 1 001",
    ]


def test_a_signature_added_is_inserted_whole(tmp_path: Path) -> None:
    new_dokumen = "instansi: Badan Contoh\ntahun: 2025\n" + SIGNING_BLOCK

    _, _, data = pair(tmp_path, ONE, ONE, new_dokumen=new_dokumen)

    signature = list(document(data).iter(f"{W}tbl"))[-1]
    assert [row_mark(row) for row in signature.iter(f"{W}tr")] == ["ins", "ins"]
    assert signature.getprevious().tag == f"{W}p" and mark(signature.getprevious()) == "ins"


# -- authors, dates, ids, settings ---------------------------------------------------------


def test_every_revision_has_the_author_the_signing_date_and_a_unique_id(tmp_path: Path) -> None:
    old, new = edited_2024(tmp_path)

    data = redline(old, new, author="Bappeda Kabupaten Contoh")

    found = revisions(data)
    ids = [element.get(f"{W}id") for element in found]
    assert all(value is not None and value.isdigit() for value in ids)
    assert len(set(ids)) == len(ids)
    assert {element.get(f"{W}author") for element in found} == {"Bappeda Kabupaten Contoh"}
    assert {element.get(f"{W}date") for element in found} == {"2025-01-30T00:00:00Z"}


def test_source_date_epoch_dates_every_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = edited_2024(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1738281600")

    found = revisions(redline(old, new))

    assert {element.get(f"{W}date") for element in found} == {"2025-01-31T00:00:00Z"}


def test_the_same_two_years_give_the_same_bytes(tmp_path: Path) -> None:
    old, new = edited_lengkap(tmp_path)

    assert redline(old, new) == redline(old, new)


def test_track_changes_is_on_so_the_reviewers_edits_are_tracked(tmp_path: Path) -> None:
    old, new = edited_2024(tmp_path)

    settings = etree.fromstring(parts(redline(old, new))["word/settings.xml"])

    assert settings.find(f"{W}trackRevisions") is not None
    names = [etree.QName(item).localname for item in settings]
    assert names.index("trackRevisions") < names.index("defaultTabStop")
