"""Attack: input that makes the messages themselves wrong, huge or dangerous.

A key of 1,100 characters, escape sequences that retitle the terminal, a word list
saved in Windows-1252, year folders written in other digits, an OS error without a
text: each must still give one short, right, Indonesian sentence.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from conftest import VALID_DOKUMEN, VALID_SASARAN, run_lampiran, write_year
from lampiran.errors import ContentError, Problem, os_reason, visible
from lampiran.source.yamlreader import format_field

TITLE_ESCAPE = "\x1b]0;DIRETAS\x07"
"""OSC 0: sets the terminal's window title (click does not strip it, unlike colours)."""
TITLE_SHOWN = "\\x1b]0;DIRETAS\\x07"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


# --- long keys ------------------------------------------------------------------------


def test_a_key_over_1024_characters_is_diagnosed_as_too_long(tmp_path: Path) -> None:
    """PyYAML stops looking for a key's colon after 1024 characters; the space is there."""
    write_year(tmp_path, dokumen=VALID_DOKUMEN + "a" * 1100 + ": nilai\n")

    outcome = run_lampiran("check", "content/2024")

    assert outcome.code == 1
    assert outcome.out == (
        "content/2024/dokumen.yaml:3:1: teks sebelum ':' di baris ini panjangnya 1100 "
        "karakter, padahal YAML hanya membaca kunci sampai 1024 karakter; bila ini kunci, "
        "pendekkan kuncinya; bila ini teks, tulis sebagai nilai sebuah kunci, misalnya di "
        "bawah 'uraian: |' dan menjorok ke dalam\n1 kesalahan, 0 peringatan\n"
    )


def test_a_too_long_key_inside_braces_is_not_called_an_unclosed_bracket(tmp_path: Path) -> None:
    write_year(tmp_path, dokumen=VALID_DOKUMEN + "penandatangan: {" + "a" * 1100 + ": x}\n")

    outcome = run_lampiran("check", "content/2024")

    assert "tidak ditutup" not in outcome.out
    assert outcome.out.splitlines()[-2] == (
        "content/2024/dokumen.yaml:3:1117: teks sebelum ':' di baris ini panjangnya 1100 "
        "karakter, padahal YAML hanya membaca kunci sampai 1024 karakter; bila ini kunci, "
        "pendekkan kuncinya; bila ini teks, tulis sebagai nilai sebuah kunci, misalnya di "
        "bawah 'uraian: |' dan menjorok ke dalam"
    )


def test_a_key_without_the_space_is_still_told_to_add_it_however_long(tmp_path: Path) -> None:
    write_year(tmp_path, dokumen=VALID_DOKUMEN + "a" * 1100 + ":nilai\n")

    outcome = run_lampiran("check", "content/2024")

    assert outcome.out == (
        f"content/2024/dokumen.yaml:3:1: setelah titik dua harus ada spasi; tulis "
        f"'{'a' * 37}...: nilai'\n1 kesalahan, 0 peringatan\n"
    )


def test_a_long_unknown_key_is_quoted_as_a_short_excerpt(tmp_path: Path) -> None:
    write_year(tmp_path, dokumen=VALID_DOKUMEN + "b" * 1000 + ": nilai\n")

    outcome = run_lampiran("check", "content/2024")

    excerpt = "b" * 37 + "..."
    assert outcome.out == (
        f"content/2024/dokumen.yaml:3:1: {excerpt}: kunci '{excerpt}' tidak dikenal; kunci "
        "yang dikenal di sini: instansi, tahun, lampiran, pemerintah_daerah, penandatangan, "
        "perubahan\n"
        "1 kesalahan, 0 peringatan\n"
    )


def test_a_megabyte_line_gives_a_message_of_a_few_hundred_characters(tmp_path: Path) -> None:
    write_year(tmp_path, dokumen=VALID_DOKUMEN + "c" * 1_000_000 + ":x y\n")

    outcome = run_lampiran("check", "content/2024")

    assert outcome.code == 1
    assert len(outcome.out) < 400


def test_long_keys_are_cut_in_field_paths_but_short_ones_kept_whole() -> None:
    assert format_field(("indikator", 0, "x" * 100)) == f"indikator[0].{'x' * 37}..."
    assert format_field(("indikator", 0, "nama  dua")) == "indikator[0].nama  dua"


# --- terminal escape sequences --------------------------------------------------------


def test_escape_sequences_in_a_key_are_shown_not_sent(tmp_path: Path) -> None:
    write_year(tmp_path, dokumen=VALID_DOKUMEN + '"judul\\e]0;DIRETAS\\a": x\n')

    outcome = run_lampiran("check", "content/2024", color=True)

    assert "\x1b" not in outcome.out + outcome.err
    assert outcome.out.splitlines()[0] == (
        f"content/2024/dokumen.yaml:3:1: judul{TITLE_SHOWN}: kunci 'judul{TITLE_SHOWN}' "
        "tidak dikenal; kunci yang dikenal di sini: instansi, tahun, lampiran, "
        "pemerintah_daerah, penandatangan, perubahan"
    )


def test_escape_sequences_in_a_value_are_shown_not_sent(tmp_path: Path) -> None:
    write_year(tmp_path, dokumen='instansi: Badan\ntahun: "2024\\e]0;DIRETAS\\a"\n')

    outcome = run_lampiran("check", "content/2024", color=True)

    assert "\x1b" not in outcome.out + outcome.err
    assert outcome.out.splitlines()[0] == (
        "content/2024/dokumen.yaml:2:8: tahun: tahun harus empat angka, misalnya 2024 "
        f"(tertulis '2024{TITLE_SHOWN}')"
    )


@pytest.mark.skipif(os.name == "nt", reason="Windows forbids control characters in names")
def test_escape_sequences_and_bidi_overrides_in_file_names_are_shown(tmp_path: Path) -> None:
    folder = write_year(tmp_path)
    (folder / "sasaran" / f"02{TITLE_ESCAPE}.txt").write_text("x", encoding="utf-8")
    (folder / "sasaran" / "03-\u202etxt.yaml").write_text(VALID_SASARAN, encoding="utf-8")

    outcome = run_lampiran("check", "content/2024", color=True)

    assert "\x1b" not in outcome.out and "\u202e" not in outcome.out
    assert (
        f"content/2024/sasaran/02{TITLE_SHOWN}.txt:1:1: peringatan: berkas ini bukan .yaml "
        "sehingga tidak dibaca; pindahkan atau hapus bila tidak perlu"
    ) in outcome.out.splitlines()
    assert any(
        line.startswith("content/2024/sasaran/03-\\u202etxt.yaml:")
        for line in outcome.out.splitlines()
    )


def test_a_line_break_in_a_file_name_cannot_fake_another_message(tmp_path: Path) -> None:
    problem = Problem(tmp_path / "a\nb.yaml:9:9: palsu", 1, 1, "", "pesan")

    assert problem.format(relative_to=tmp_path) == "a\\x0ab.yaml:9:9: palsu:1:1: pesan"


def test_escape_sequences_in_an_error_message_are_shown(tmp_path: Path) -> None:
    outcome = run_lampiran("check", f"content/{TITLE_ESCAPE}", color=True)

    assert (outcome.code, outcome.out) == (2, "")
    assert outcome.err == (
        f"Galat: folder 'content/{TITLE_SHOWN}' tidak ada; periksa penulisannya\n"
    )


def test_bidi_overrides_in_review_lines_of_new_are_shown(tmp_path: Path) -> None:
    sasaran = VALID_SASARAN.replace("target: 99,99%", 'target: "99,99%\\u202e"')
    write_year(tmp_path, sasaran={"01-disiplin.yaml": sasaran})

    outcome = run_lampiran("new", color=True)

    assert outcome.code == 0, outcome.err
    assert "\u202e" not in outcome.out
    assert (
        "   content/2025/sasaran/01-disiplin.yaml:10: 99,99%\\u202e — Cakupan ASN yang tidak "
        "dijatuhi hukuman disiplin"
    ) in outcome.out.splitlines()


def test_diff_shows_control_characters_of_the_content_but_keeps_its_colours(
    tmp_path: Path,
) -> None:
    write_year(tmp_path)
    changed = VALID_SASARAN.replace("Kalimat kedua.", "Kalimat ketiga \u202e.")
    write_year(
        tmp_path,
        dokumen=VALID_DOKUMEN.replace("2024", "2025"),
        sasaran={"01-disiplin.yaml": changed},
        year="2025",
    )

    text = run_lampiran("diff", "2024", "2025", color=True)
    markdown = run_lampiran("diff", "2024", "2025", "--format", "markdown")

    assert text.code == 0, text.err
    assert "\u202e" not in text.out + markdown.out
    # The diff spells invisible characters as code points, the way a reviewer reads them.
    assert "\x1b[32m{+ketiga <U+202E>+}\x1b[0m" in text.out
    assert "**ketiga \\<U+202E\\>**" in markdown.out


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("\x1b[2J", "\\x1b[2J"),
        ("\x9b31m", "\\x9b31m"),
        ("\x7f\x00\r", "\\x7f\\x00\\x0d"),
        ("\u202eabc\u2066\u200f\u061c", "\\u202eabc\\u2066\\u200f\\u061c"),
        ("\u2028", "\\u2028"),
        ("tab\tdan\nbaris", "tab\tdan\nbaris"),
        ("biasa: café, 2024 ✓", "biasa: café, 2024 ✓"),
    ],
)
def test_visible_escapes_every_control_character_and_nothing_else(written: str, shown: str) -> None:
    assert visible(written) == shown


# --- the word list --------------------------------------------------------------------


def test_a_kamus_not_saved_as_utf8_is_a_located_error(tmp_path: Path) -> None:
    from lampiran.text.spelling import read_kamus

    kamus = tmp_path / "kamus.txt"
    kamus.write_bytes(b"ASN\nMenpan\ncaf\xe9\n")

    with pytest.raises(ContentError) as caught:
        read_kamus(kamus)

    assert [p.format(relative_to=tmp_path) for p in caught.value.report] == [
        "kamus.txt:3:4: berkas ini bukan teks UTF-8: karakter di sini (mungkin 'é') tersimpan "
        "dengan encoding lain, misalnya Windows-1252; buka di editor lalu simpan ulang dengan "
        "encoding UTF-8"
    ]


def test_spelling_with_a_kamus_not_saved_as_utf8_says_where(tmp_path: Path) -> None:
    from lampiran.text.spelling import SpellingUnavailable, load_speller

    try:
        load_speller(tmp_path / "tidak-ada.txt")
    except SpellingUnavailable as exc:
        pytest.skip(str(exc))
    write_year(tmp_path)
    (tmp_path / "content" / "kamus.txt").write_bytes(b"caf\xe9\n")

    outcome = run_lampiran("spelling", "content/2024")

    assert (outcome.code, outcome.err) == (1, "")
    assert outcome.out == (
        "content/kamus.txt:1:4: berkas ini bukan teks UTF-8: karakter di sini (mungkin 'é') "
        "tersimpan dengan encoding lain, misalnya Windows-1252; buka di editor lalu simpan "
        "ulang dengan encoding UTF-8\n1 kesalahan, 0 peringatan\n"
    )


# --- lampiran new onto an existing year -----------------------------------------------


def test_new_for_the_year_that_is_the_newest_says_it_exists(tmp_path: Path) -> None:
    write_year(tmp_path, dokumen=VALID_DOKUMEN.replace("2024", "2025"), year="2025")
    before = sorted((tmp_path / "content").rglob("*"))

    outcome = run_lampiran("new", "2025")

    assert (outcome.code, outcome.out) == (1, "")
    assert outcome.err == (
        "Galat: content/2025 sudah ada (itulah tahun yang akan disalin) dan tidak diubah; "
        "untuk memulai tahun sesudahnya jalankan 'lampiran new' tanpa tahun, atau sebutkan "
        "tahunnya, misalnya 'lampiran new 2026'\n"
    )
    assert sorted((tmp_path / "content").rglob("*")) == before


def test_new_onto_an_existing_year_refuses_before_reading_the_source(tmp_path: Path) -> None:
    """Even a broken source does not hide that the target exists."""
    write_year(tmp_path, dokumen="instansi: [rusak\n")
    write_year(tmp_path, dokumen=VALID_DOKUMEN.replace("2024", "2025"), year="2025")

    outcome = run_lampiran("new", "2025", "--from", "2024")

    assert outcome.code == 1
    assert outcome.err == (
        "Galat: content/2025 sudah ada dan tidak diubah; hapus atau ganti namanya dulu bila "
        "memang ingin membuatnya ulang\n"
    )


# --- years in other digits ------------------------------------------------------------


@pytest.mark.parametrize("name", ["２０２５", "٢٠٢٥", "२०२५"])
def test_year_folders_in_other_digits_are_not_years(tmp_path: Path, name: str) -> None:
    write_year(tmp_path)
    write_year(tmp_path, dokumen=VALID_DOKUMEN.replace("2024", "2025"), year=name)

    newest = run_lampiran("check")
    named = run_lampiran("check", f"content/{name}")
    bare = run_lampiran("diff", name, "2024")

    assert (newest.code, newest.out.splitlines()[0]) == (
        0,
        "content/2024: 1 sasaran, 1 indikator diperiksa.",
    )
    assert (named.code, named.err) == (
        2,
        f"Galat: nama folder '{name}' bukan tahun; folder isi dinamai dengan tahunnya, "
        "misalnya content/2024\n",
    )
    assert (bare.code, bare.err) == (
        2,
        f"Galat: folder '{name}' tidak ada; periksa penulisannya\n",
    )


def test_only_other_digits_means_no_year_at_all(tmp_path: Path) -> None:
    write_year(tmp_path, year="２０２４")

    outcome = run_lampiran("check")

    assert (outcome.code, outcome.err) == (
        2,
        "Galat: tidak ada folder tahun di content/; sebutkan foldernya, misalnya: "
        "lampiran check content/2024\n",
    )


# --- errors of the system -------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (OSError(errno.ENOSPC, None), "ruang disk penuh"),
        (OSError(errno.EDQUOT, None), "kuota disk penuh"),
        (OSError(errno.EBUSY, None), f"sistem menolaknya ({os.strerror(errno.EBUSY)})"),
        (OSError(errno.EBUSY, "Sibuk"), "sistem menolaknya (Sibuk)"),
        (OSError("zip rusak"), "sistem menolaknya (zip rusak)"),
        (OSError(), "sistem menolaknya tanpa menyebut alasan"),
        (OSError(None, None), "sistem menolaknya tanpa menyebut alasan"),
    ],
)
def test_os_reasons_are_always_a_sentence(error: OSError, reason: str) -> None:
    assert os_reason(error) == reason
    assert not os_reason(error).endswith("None")


def test_a_bidi_override_written_as_an_escape_is_warned_about(tmp_path: Path) -> None:
    folder = write_year(tmp_path, 'instansi: "Badan \\u202eContoh"\ntahun: 2024\n')

    outcome = run_lampiran("check", str(folder))

    assert outcome.code == 0
    assert (
        "dokumen.yaml:1:11: instansi: peringatan: teks dalam tanda kutip ganda ini memuat "
        "karakter tak terlihat (kode 0x202e) lewat kode '\\u...'; hapus kode itu agar teks "
        "tercetak, dicari dan diperiksa ejaannya dengan benar"
    ) in outcome.out


def test_escape_sequences_in_a_mistyped_option_are_shown_not_sent() -> None:
    outcome = run_lampiran("build", "--paper", "X\x1b]0;judul\x07")

    assert outcome.code == 2
    assert "\x1b" not in outcome.err and "\x07" not in outcome.err
    assert "'X\\x1b]0;judul\\x07' tidak dikenal; pilih salah satu: F4, A4" in outcome.err
