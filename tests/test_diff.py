"""``lampiran diff``: what changed in the content between two years, for reviewers."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import run_lampiran, write_year
from lampiran.history.diffing import target_change, word_diff
from lampiran.text.sentences import split_sentences


def indikator(nama: str, target: str, relevansi: str | None = None) -> str:
    return (
        f"  - nama: {nama}\n"
        f"    relevansi: {relevansi or 'Relevansi ' + nama.lower() + '.'}\n"
        f"    target: {target}\n"
        f"    penjelasan_target: Penjelasan target {nama.lower()}.\n"
    )


def sasaran(title: str, uraian: str, *items: str) -> str:
    body = "".join(f"  {line}\n" for line in uraian.splitlines())
    return f"sasaran: {title}\nuraian: |\n{body}indikator:\n" + "".join(items)


DISIPLIN_URAIAN = (
    "Sasaran ini menegakkan disiplin ASN.\n"
    "Tingkat kedisiplinan merupakan salah satu dimensi Indeks Profesional ASN.\n"
    "Dasar hukumnya Peraturan Pemerintah Nomor 94 Tahun 2021."
)
KOMPETENSI = sasaran(
    "Meningkatnya Kompetensi SDM",
    "Kompetensi teknis dan manajerial ditingkatkan.",
    indikator("Persentase ASN bersertifikat kompetensi", "83,50%"),
)
KINERJA = sasaran(
    "Meningkatnya Kinerja Perangkat Daerah",
    "Kinerja diukur dengan SAKIP.",
    indikator("Nilai SAKIP", "77"),
)

OLD = {
    "01-disiplin.yaml": sasaran(
        "Meningkatnya Disiplin Aparatur",
        DISIPLIN_URAIAN,
        indikator("Cakupan ASN yang tidak dijatuhi hukuman disiplin", "99,99%"),
        indikator("Jumlah pelanggaran kode etik", "12 kasus"),
        indikator("Predikat akuntabilitas", "BB"),
        indikator("Indeks kepuasan pegawai terhadap layanan", "3,25"),
    ),
    "02-kompetensi.yaml": KOMPETENSI,
    "03-kinerja.yaml": KINERJA,
}

NEW = {
    # The kinerja sasaran moves to the front; the others are renumbered with it.
    "01-kinerja.yaml": KINERJA,
    "02-disiplin.yaml": sasaran(
        "Meningkatnya Disiplin Aparatur",
        DISIPLIN_URAIAN.replace("salah satu dimensi", "dimensi utama"),
        indikator("Cakupan ASN yang tidak dijatuhi hukuman disiplin", "100%"),
        indikator("Jumlah pelanggaran kode etik", "10 kasus"),
        indikator(
            "Predikat akuntabilitas kinerja", "A", relevansi="Relevansi predikat akuntabilitas."
        ),
        indikator("Persentase ASN yang mengikuti pembinaan", "80%"),
    ),
    "03-kompetensi.yaml": KOMPETENSI,
}


Pair = Callable[[dict[str, str], dict[str, str]], None]


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Pair:
    """``pair(old, new)`` writes content/2024 and content/2025 and works in their root."""

    def write(old: dict[str, str], new: dict[str, str]) -> None:
        write_year(tmp_path, year="2024", sasaran=old)
        write_year(
            tmp_path, year="2025", sasaran=new, dokumen="instansi: Badan Contoh\ntahun: 2025\n"
        )
        monkeypatch.chdir(tmp_path)

    return write


@pytest.fixture
def two_years(pair: Pair) -> None:
    pair(OLD, NEW)


def test_text_output_shows_every_kind_of_change(two_years: None) -> None:
    result = run_lampiran("diff")

    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "Perubahan isi: content/2024 -> content/2025"
    assert "  tahun: [-2024-]{+2025+}" in lines
    assert "Sasaran 1: Meningkatnya Kinerja Perangkat Daerah (01-kinerja.yaml)" in lines
    assert "  urutan dipindah: 3 -> 1; berkas: 03-kinerja.yaml -> 01-kinerja.yaml" in lines
    assert "Sasaran 2: Meningkatnya Disiplin Aparatur (02-disiplin.yaml)" in lines
    assert (
        "    ~ Tingkat kedisiplinan merupakan [-salah satu dimensi-]{+dimensi utama+} "
        "Indeks Profesional ASN." in lines
    )
    assert '  Indikator 1: "Cakupan ASN yang tidak dijatuhi hukuman disiplin"' in lines
    assert "    target: 99,99% -> 100% (naik)" in lines
    assert "    target: 12 kasus -> 10 kasus (turun)" in lines
    assert (
        '  Indikator 3 diganti nama: "Predikat akuntabilitas" -> '
        '"Predikat akuntabilitas kinerja"' in lines
    )
    assert "    nama: Predikat akuntabilitas{+ kinerja+}" in lines
    assert "    target: BB -> A" in lines
    assert (
        '  - Indikator 4 dihapus: "Indeks kepuasan pegawai terhadap layanan" (target 3,25)' in lines
    )
    assert '  + Indikator 4 ditambah: "Persentase ASN yang mengikuti pembinaan"' in lines
    assert "    target: 80%" in lines
    assert "      + Relevansi persentase asn yang mengikuti pembinaan." in lines
    assert lines[-1] == "Tidak berubah: 1 sasaran, 2 indikator, 2 target."


def test_text_output_leaves_unchanged_sentences_and_sasaran_out(two_years: None) -> None:
    result = run_lampiran("diff", "2024", "2025")

    assert "Sasaran ini menegakkan disiplin ASN." not in result.out
    assert "Dasar hukumnya" not in result.out
    assert "Kompetensi" not in result.out
    assert "\x1b[" not in result.out


def test_terminal_output_is_coloured(two_years: None) -> None:
    result = run_lampiran("diff", color=True)

    assert "\x1b[31m[-salah satu dimensi-]" in result.out
    assert "\x1b[32m{+dimensi utama" in result.out


def test_markdown_output_for_a_merge_request(two_years: None) -> None:
    result = run_lampiran("diff", "--format", "markdown")

    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == "### Perubahan isi: `content/2024` → `content/2025`"
    assert "- **tahun**: ~~2024~~ **2025**" in lines
    assert "#### Sasaran 2: Meningkatnya Disiplin Aparatur (02-disiplin.yaml)" in lines
    assert "- urutan dipindah: 3 → 1; berkas: 03-kinerja.yaml → 01-kinerja.yaml" in lines
    assert '- **Indikator 1: "Cakupan ASN yang tidak dijatuhi hukuman disiplin"**' in lines
    assert "  - **target**: 99,99% → 100% (naik)" in lines
    assert "  - **nama**: Predikat akuntabilitas **kinerja**" in lines
    assert "- **uraian**:" in lines
    assert (
        "  - diubah: Tingkat kedisiplinan merupakan ~~salah satu dimensi~~ **dimensi utama** "
        "Indeks Profesional ASN." in lines
    )
    assert (
        '- **Indikator 4 dihapus: "Indeks kepuasan pegawai terhadap layanan" (target 3,25)**'
        in lines
    )
    assert '- **Indikator 4 ditambah: "Persentase ASN yang mengikuti pembinaan"**' in lines
    assert "  - **target**: 80%" in lines
    assert "    - Relevansi persentase asn yang mengikuti pembinaan." in lines
    assert lines[-1] == "_Tidak berubah: 1 sasaran, 2 indikator, 2 target._"


def test_markdown_escapes_content_so_it_cannot_become_markup(pair: Pair) -> None:
    old = sasaran("Judul", "Kalimat pertama.", indikator("Nilai", "1"))
    new = sasaran("Judul", "Kalimat <b>pertama</b> *tebal*.", indikator("Nilai", "1"))
    pair({"01-a.yaml": old}, {"01-a.yaml": new})

    result = run_lampiran("diff", "--format", "markdown")

    assert "<b>" not in result.out
    assert r"\<b\>" in result.out
    assert r"\*tebal\*" in result.out


def find(items: list[dict[str, Any]], **wanted: Any) -> dict[str, Any]:
    matches = [x for x in items if all(x.get(k) == v for k, v in wanted.items())]
    assert len(matches) == 1, (wanted, items)
    return matches[0]


def test_json_output_for_other_tools(two_years: None) -> None:
    result = run_lampiran("diff", "--format", "json")

    data = json.loads(result.out)
    assert data["has_changes"] is True
    assert data["dokumen"][0] | {"words": None} == {
        "field": "tahun",
        "old": "2024",
        "new": "2025",
        "words": None,
    }
    kinerja = data["sasaran"][0]
    assert kinerja["status"] == "changed" and kinerja["moved"] is True
    assert kinerja["old"]["position"] == 3 and kinerja["new"]["position"] == 1
    disiplin = find(
        data["sasaran"],
        new={
            "file": "02-disiplin.yaml",
            "position": 2,
            "sasaran": "Meningkatnya Disiplin Aparatur",
        },
    )
    assert disiplin["moved"] is False
    uraian = disiplin["changes"][0]
    assert uraian["field"] == "uraian"
    assert [s["kind"] for s in uraian["sentences"]] == ["changed"]
    items = disiplin["indikator"]
    cakupan = find(items, nama="Cakupan ASN yang tidak dijatuhi hukuman disiplin")
    assert cakupan["changes"] == [
        {"field": "target", "old": "99,99%", "new": "100%", "direction": "naik"}
    ]
    predikat = find(items, nama="Predikat akuntabilitas kinerja")
    assert predikat["status"] == "changed" and predikat["renamed"] is True
    assert predikat["old"]["nama"] == "Predikat akuntabilitas"
    assert {"field": "target", "old": "BB", "new": "A", "direction": None} in predikat["changes"]
    assert find(items, nama="Indeks kepuasan pegawai terhadap layanan")["status"] == "removed"
    added = find(items, nama="Persentase ASN yang mengikuti pembinaan")
    assert added["status"] == "added" and added["new"]["target"] == "80%"
    kompetensi = find(data["sasaran"], status="same")
    assert kompetensi["old"]["file"] == "02-kompetensi.yaml"
    assert data["unchanged"] == {"sasaran": 1, "indikator": 2, "target": 2}


def test_exit_code_option_reports_differences_like_git_diff(two_years: None) -> None:
    assert run_lampiran("diff").code == 0
    assert run_lampiran("diff", "--exit-code").code == 1
    same = run_lampiran("diff", "--exit-code", "content/2025", "content/2025")
    assert same.code == 0
    assert "Tidak ada perubahan isi." in same.out


def test_reflowed_prose_is_not_a_change(pair: Pair) -> None:
    old = sasaran(
        "Judul", "Kalimat pertama yang panjang sekali.\nKalimat kedua.", indikator("Nilai", "1")
    )
    new = sasaran(
        "Judul", "Kalimat pertama yang\npanjang sekali. Kalimat kedua.", indikator("Nilai", "1")
    )
    pair({"01-a.yaml": old}, {"01-a.yaml": new})

    data = json.loads(run_lampiran("diff", "--format", "json").out)

    assert data["sasaran"][0]["status"] == "same"


def test_added_and_removed_sentences_are_shown_whole(pair: Pair) -> None:
    old = sasaran(
        "Judul", "Satu tetap.\nDua dihapus sekarang.\nTiga tetap.", indikator("Nilai", "1")
    )
    new = sasaran("Judul", "Satu tetap.\nTiga tetap.\nEmpat ditambahkan.", indikator("Nilai", "1"))
    pair({"01-a.yaml": old}, {"01-a.yaml": new})

    lines = run_lampiran("diff").out.splitlines()

    assert "    - Dua dihapus sekarang." in lines
    assert "    + Empat ditambahkan." in lines
    assert not any("tetap" in line for line in lines)


def test_added_and_removed_sasaran(pair: Pair) -> None:
    pair(
        {"01-a.yaml": KOMPETENSI, "02-b.yaml": KINERJA},
        {
            "01-a.yaml": KOMPETENSI,
            "02-c.yaml": sasaran(
                "Meningkatnya Pelayanan", "Layanan baru.", indikator("Indeks kepuasan", "3,5")
            ),
        },
    )

    lines = run_lampiran("diff").out.splitlines()

    assert "Sasaran dihapus (2): Meningkatnya Kinerja Perangkat Daerah (02-b.yaml)" in lines
    assert "Sasaran ditambah (2): Meningkatnya Pelayanan (02-c.yaml)" in lines
    assert "    target: 3,5" in lines
    assert lines[-1] == "Tidak berubah: 1 sasaran, 1 indikator, 1 target."


def test_diff_of_broken_years_shows_the_errors_of_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_year(tmp_path, year="2024", dokumen="instansi: Badan Contoh\ntahun: 2023\n")
    write_year(tmp_path, year="2025", dokumen="instansi: [Badan\ntahun: 2025\n")
    monkeypatch.chdir(tmp_path)
    expected = [
        line
        for year in ("2024", "2025")
        for line in run_lampiran("check", f"content/{year}").out.splitlines()
        if "dokumen.yaml:" in line
    ]

    result = run_lampiran("diff")

    assert result.code == 1
    assert len(expected) == 2
    assert result.out.splitlines() == [*expected, "2 kesalahan, 0 peringatan"]


def test_diff_needs_two_years(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_year(tmp_path)
    monkeypatch.chdir(tmp_path)

    result = run_lampiran("diff")

    assert result.code == 2
    assert "perlu dua folder tahun" in result.err


def test_target_direction_needs_numbers_in_the_same_unit() -> None:
    assert target_change("83,50%", "85%").direction == "naik"
    assert target_change("1.000 dokumen", "900 dokumen").direction == "turun"
    assert target_change("90%", "90 dokumen").direction is None
    assert target_change("BB", "A").direction is None
    assert target_change("3,25", "3,250").direction is None


def test_sentences_split_at_line_starts_and_full_stops_but_not_abbreviations() -> None:
    text = (
        "Ditandatangani oleh Dr. Budi, S.Sos. di kantor. Kalimat kedua\n"
        "yang dibungkus.\n"
        "Peraturan No. 5 berlaku\n"
        "- butir satu\n"
        "\n"
        "Paragraf baru."
    )

    assert split_sentences(text) == [
        "Ditandatangani oleh Dr. Budi, S.Sos. di kantor.",
        "Kalimat kedua yang dibungkus.",
        "Peraturan No. 5 berlaku",
        "- butir satu",
        "Paragraf baru.",
    ]


def test_word_diff_marks_only_the_changed_words() -> None:
    ops = word_diff("Target naik menjadi 90% tahun ini", "Target naik menjadi 95% tahun depan")

    assert [(op.kind, op.text) for op in ops] == [
        ("same", "Target naik menjadi "),
        ("removed", "90"),
        ("added", "95"),
        ("same", "% tahun "),
        ("removed", "ini"),
        ("added", "depan"),
    ]


def test_reordered_indicators_are_moved_not_added_and_removed(pair: Pair) -> None:
    first, second = indikator("Nilai pertama", "1"), indikator("Nilai kedua", "2")
    pair(
        {"01-a.yaml": sasaran("Judul", "Uraian.", first, second)},
        {"01-a.yaml": sasaran("Judul", "Uraian.", second, first)},
    )

    lines = run_lampiran("diff").out.splitlines()

    moved = [line.strip() for line in lines if "urutan dipindah" in line]
    assert moved in (["urutan dipindah: 1 -> 2"], ["urutan dipindah: 2 -> 1"])
    assert not any("ditambah" in line or "dihapus" in line for line in lines)
    assert lines[-1] == "Tidak berubah: 0 sasaran, 1 indikator, 2 target."


def test_unknown_format_lists_the_formats_in_indonesian(two_years: None) -> None:
    result = run_lampiran("diff", "--format", "html")

    assert result.code == 2
    assert result.err.splitlines()[-1] == (
        "Galat: Nilai tidak sah untuk '--format': 'html' tidak dikenal; pilih salah satu: "
        "text, markdown, json, docx"
    )
