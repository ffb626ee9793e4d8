"""The spelling check: typos found where they are, the project word list, no noise."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CONTENT_2024, REPO_ROOT, VALID_DOKUMEN, run_lampiran, write_year
from lampiran.errors import Problem, Severity
from lampiran.text import spelling
from lampiran.text.spelling import SpellingUnavailable, check_year_spelling, load_speller

KAMUS = REPO_ROOT / "content" / "kamus.txt"


@pytest.fixture(autouse=True, scope="module")
def dictionary_installed() -> None:
    """Skip without hunspell-id, except in CI where it must be installed."""
    try:
        load_speller(KAMUS)
    except SpellingUnavailable as exc:
        if os.environ.get("LAMPIRAN_REQUIRE_SYSTEM_TOOLS") == "1":
            pytest.fail(f"spelling dictionary required in CI: {exc}")
        pytest.skip(str(exc))


def sasaran_with(uraian: str, nama: str = "Cakupan pegawai yang dilatih") -> str:
    """A valid sasaran file whose uraian is the given block (already indented by two)."""
    return (
        "sasaran: Meningkatnya Disiplin Aparatur\n"
        f"uraian: |\n{uraian}"
        "indikator:\n"
        f"  - nama: {nama}\n"
        "    relevansi: Indikator ini menunjukkan hasil kegiatan.\n"
        "    target: 99,99%\n"
        "    penjelasan_target: Target meningkat setiap tahun.\n"
    )


def year_with_kamus(root: Path, sasaran: str, kamus: str | None = None) -> Path:
    folder = write_year(root, dokumen=VALID_DOKUMEN, sasaran={"01-disiplin.yaml": sasaran})
    if kamus is None:
        shutil.copyfile(KAMUS, folder.parent / "kamus.txt")
    else:
        (folder.parent / "kamus.txt").write_text(kamus, encoding="utf-8")
    return folder


def flagged_words(problems: list[Problem]) -> list[str]:
    return [p.message.split("'")[1] for p in problems]


def kamus_words() -> list[str]:
    words: list[str] = []
    for line in KAMUS.read_text(encoding="utf-8").splitlines():
        words.extend(line.split("#", 1)[0].split())
    return words


KNOWN_TYPOS = [
    # file, line, column, field, typo, the right word among the suggestions
    ("02-kompetensi-sdm.yaml", 4, 114, "uraian", "pengembangn", "pengembangan"),
    ("02-kompetensi-sdm.yaml", 9, 31, "uraian", "melaui", "melalui"),
    ("02-kompetensi-sdm.yaml", 15, 81, "indikator[0].formulasi", "manajerialm", "manajerial"),
    ("03-kinerja-perangkat-daerah.yaml", 4, 169, "uraian", "sesusai", "sesuai"),
]


@pytest.mark.parametrize(("name", "line", "column", "field", "typo", "right"), KNOWN_TYPOS)
def test_finds_the_known_typos_of_2024_where_they_are(
    name: str, line: int, column: int, field: str, typo: str, right: str
) -> None:
    report = check_year_spelling(CONTENT_2024)

    found = [p for p in report.problems if f"'{typo}'" in p.message]

    assert [(p.path.name, p.line, p.column, p.field) for p in found] == [
        (name, line, column, field)
    ]
    assert found[0].severity is Severity.WARNING
    assert right in found[0].message.split("maksud Anda:")[1]
    source_line = (
        (CONTENT_2024 / "sasaran" / name).read_text(encoding="utf-8").splitlines()[line - 1]
    )
    assert source_line[column - 1 :].startswith(typo)


def test_check_with_spelling_reports_typos_as_warnings_and_still_succeeds() -> None:
    outcome = run_lampiran("check", str(CONTENT_2024), "--spelling")

    assert outcome.code == 0, outcome.err
    assert (
        "sasaran/02-kompetensi-sdm.yaml:4:114: uraian: peringatan: ejaan 'pengembangn' "
        "tidak dikenal; maksud Anda: "
    ) in outcome.out
    assert "0 kesalahan, " in outcome.out


def test_check_without_spelling_says_nothing_about_spelling() -> None:
    outcome = run_lampiran("check", str(CONTENT_2024))

    assert outcome.code == 0, outcome.err
    assert "ejaan" not in outcome.out


def test_spelling_command_lists_the_typos_of_2024() -> None:
    outcome = run_lampiran("spelling", str(CONTENT_2024))

    assert outcome.code == 0, outcome.err
    for _, _, _, _, typo, _ in KNOWN_TYPOS:
        assert f"ejaan '{typo}' tidak dikenal" in outcome.out
    assert outcome.out.rstrip().endswith("kamus.txt, satu kata per baris.")


def test_flags_none_of_the_words_of_kamus(tmp_path: Path) -> None:
    words = kamus_words()
    variants = [w[0].upper() + w[1:] for w in words if w.islower()]
    capitals = [w.upper() for w in words]
    uraian = "".join(f"  {' '.join(group)}\n" for group in (words, variants, capitals))
    folder = year_with_kamus(tmp_path, sasaran_with(uraian))

    report = check_year_spelling(folder)

    assert flagged_words(report.problems) == []


def test_without_kamus_its_acronyms_are_flagged(tmp_path: Path) -> None:
    folder = year_with_kamus(tmp_path, sasaran_with("  Pegawai ASN di OPD.\n"), kamus="")

    report = check_year_spelling(folder)

    assert flagged_words(report.problems) == ["ASN", "OPD"]


def test_invisible_characters_pasted_from_word_do_not_split_words(tmp_path: Path) -> None:
    # A soft hyphen and a word joiner inside words, a zero-width space after one, and
    # Word's curly quotes around one: the words are still whole and known.
    uraian = "  Pegawai dihar\u00adapkan disip\u2060lin\u200b dan \u201cprofesional\u201d.\n"
    folder = year_with_kamus(tmp_path, sasaran_with(uraian), kamus="")

    report = check_year_spelling(folder)

    assert flagged_words(report.problems) == []


def test_a_typo_with_a_soft_hyphen_is_reported_without_it(tmp_path: Path) -> None:
    folder = year_with_kamus(tmp_path, sasaran_with("  Pegawai dihar\u00adapkn.\n"), kamus="")

    report = check_year_spelling(folder)

    assert [(p.line, p.column, p.message.split(";")[0]) for p in report.problems] == [
        (3, 11, "ejaan 'diharapkn' tidak dikenal"),
    ]


def test_kamus_accepts_capitalised_forms_but_acronyms_only_as_written(tmp_path: Path) -> None:
    kamus = "# komentar\nkedisiplinan\nASN  # singkatan\nMenpan\n"
    uraian = "  Kedisiplinan KEDISIPLINAN kedisiplinan ASN asn Menpan MENPAN menpan.\n"
    folder = year_with_kamus(tmp_path, sasaran_with(uraian), kamus=kamus)

    report = check_year_spelling(folder)

    assert flagged_words(report.problems) == ["asn", "menpan"]


def test_quiet_on_correct_text_with_markup_numbers_citations_and_addresses(
    tmp_path: Path,
) -> None:
    uraian = (
        "  Dasar hukum: **PP Nomor 94 Tahun 2021** tentang *Disiplin* Pegawai, pasal 3 ayat (2).\n"
        "\n"
        "  1. Target ke-2 sebesar 99,99% atau Rp10.000 per 100.000 KH untuk golongan III.\n"
        "  - Masing-masing pegawai melapor melalui https://contoh.go.id/laporan?tahun=2024\n"
        "    atau surel kepegawaian@contoh.go.id setiap tahun_anggaran.\n"
    )
    folder = year_with_kamus(tmp_path, sasaran_with(uraian))

    report = check_year_spelling(folder)

    assert flagged_words(report.problems) == []


def test_positions_are_exact_in_every_kind_of_yaml_value(tmp_path: Path) -> None:
    text = (
        "sasaran: Meningkatnya Disiplinn Aparatur\n"
        "uraian: |  # komentar di baris kepala\n"
        "  Kalimat pertama.\n"
        "\n"
        "  - Butir dengan **kataa** tebal.\n"
        "indikator:\n"
        '  - nama: "Cakupan pegawai\n'
        '      yang dilatihh"\n'
        "    relevansi: >\n"
        "      Relevansi yang\n"
        "      dilipatt.\n"
        "    formulasi: 'Jumlah pegawaii / jumlah'\n"
        "    target: 99,99%\n"
        "    penjelasan_target: Penjelasan\n"
        "      yang berlanjutt.\n"
    )
    folder = year_with_kamus(tmp_path, text, kamus="")
    lines = text.splitlines()

    report = check_year_spelling(folder)

    expected = {}
    for word, field in [
        ("Disiplinn", "sasaran"),
        ("kataa", "uraian"),
        ("dilatihh", "indikator[0].nama"),
        ("dilipatt", "indikator[0].relevansi"),
        ("pegawaii", "indikator[0].formulasi"),
        ("berlanjutt", "indikator[0].penjelasan_target"),
    ]:
        line = next(i for i, text_line in enumerate(lines) if word in text_line)
        expected[word] = (line + 1, lines[line].index(word) + 1, field)
    found = {p.message.split("'")[1]: (p.line, p.column, p.field) for p in report.problems}
    assert found == expected


def test_positions_count_from_the_first_character_after_a_byte_order_mark(
    tmp_path: Path,
) -> None:
    folder = year_with_kamus(tmp_path, sasaran_with("  Satu katta.\n"), kamus="")
    path = folder / "sasaran" / "01-disiplin.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))

    report = check_year_spelling(folder)

    assert [(p.line, p.column) for p in report.problems] == [(3, 8)]


def test_a_number_glued_to_a_word_is_reported_with_the_space_put_back(tmp_path: Path) -> None:
    uraian = "  Nomor 94 Tahun2021 dan kode A1 serta PP94.\n"
    folder = year_with_kamus(tmp_path, sasaran_with(uraian))

    report = check_year_spelling(folder)

    assert [p.message for p in report.problems] == [
        "angka menempel pada kata 'Tahun2021'; tulis 'Tahun 2021'"
    ]


def test_a_file_that_is_not_yaml_is_named_instead_of_silently_skipped(tmp_path: Path) -> None:
    folder = year_with_kamus(tmp_path, "sasaran: [tidak ditutup\n")

    outcome = run_lampiran("spelling", str(folder))

    assert outcome.code == 0
    assert "01-disiplin.yaml:1:1: peringatan: ejaan berkas ini tidak diperiksa" in outcome.out


def test_missing_dictionary_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = year_with_kamus(tmp_path, sasaran_with("  Kalimat.\n"))
    monkeypatch.setattr(spelling, "DICTIONARY_TAG", "zz_ZZ")

    outcome = run_lampiran("check", str(folder), "--spelling")

    assert outcome.code == 1
    assert "sudo apt-get install hunspell-id" in outcome.err
    assert "Traceback" not in outcome.out + outcome.err


def test_check_without_spelling_does_not_load_the_dictionary_library() -> None:
    program = (
        "import sys\n"
        "from lampiran.cli import main\n"
        "try:\n"
        f"    main(['check', {str(CONTENT_2024)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('enchant' in sys.modules, 'lampiran.text.spelling' in sys.modules)\n"
    )

    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )

    assert result.stdout.splitlines()[-1] == "False False"
