"""Every kind of broken year gives located Indonesian messages, asserted word for word.

Each case writes a small year with ``write_year`` (the case name says what is wrong)
and compares the whole report, one ``file:line:column: field: message`` per problem,
relative to the year folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import VALID_DOKUMEN, VALID_SASARAN, write_year
from lampiran.content.loading import load_year

S = VALID_SASARAN
SIGNED = (
    VALID_DOKUMEN
    + """\
penandatangan:
  tempat: Contoh
  tanggal: 2024-01-31
  pihak_pertama:
    nama: Dr. NAMA KEPALA
    jabatan: Kepala Badan
    nip: "19700101 199003 1 001"
  pihak_kedua:
    nama: NAMA BUPATI
    jabatan: Bupati Contoh
"""
)


def sasaran_with(old: str, new: str, text: str = S) -> dict[str, str | bytes]:
    assert old in text
    return {"01-disiplin.yaml": text.replace(old, new)}


CASES: dict[str, tuple[dict[str, Any], list[str]]] = {
    # -- version 1.1: status, perubahan, program.yaml ------------------------------------
    "status_that_is_not_an_acting_title": (
        {
            "dokumen": SIGNED.replace(
                "    jabatan: Kepala Badan\n", "    jabatan: Kepala Badan\n    status: Pelaksana\n"
            )
        },
        [
            "dokumen.yaml:9:13: penandatangan.pihak_pertama.status: status 'Pelaksana' tidak "
            "dikenal; tulis Plt. (pelaksana tugas), Plh. (pelaksana harian) atau Pj. "
            "(penjabat), atau hapus baris ini bila pejabatnya definitif"
        ],
    ),
    "status_in_capitals_without_its_dot": (
        {
            "dokumen": SIGNED.replace(
                "    jabatan: Bupati Contoh\n", "    jabatan: Bupati Contoh\n    status: PJ\n"
            )
        },
        ["dokumen.yaml:13:13: penandatangan.pihak_kedua.status: tulis status 'PJ' sebagai Pj."],
    ),
    "status_written_out": (
        {
            "dokumen": SIGNED.replace(
                "    jabatan: Kepala Badan\n",
                "    jabatan: Kepala Badan\n    status: Pelaksana Harian\n",
            )
        },
        [
            "dokumen.yaml:9:13: penandatangan.pihak_pertama.status: tulis status "
            "'Pelaksana Harian' sebagai Plh."
        ],
    ),
    "status_also_written_in_the_jabatan": (
        {
            "dokumen": SIGNED.replace(
                "    jabatan: Kepala Badan\n", "    jabatan: Plt. Kepala Badan\n    status: Plt.\n"
            )
        },
        [
            "dokumen.yaml:8:14: penandatangan.pihak_pertama.jabatan: jabatan sudah diawali "
            "'Plt.' dan status juga 'Plt.', sehingga akan tercetak 'Plt. Plt. Kepala Badan'; "
            "hapus 'Plt.' dari jabatan"
        ],
    ),
    "perubahan_neither_true_nor_false": (
        {"dokumen": VALID_DOKUMEN + "perubahan: mungkin\n"},
        [
            "dokumen.yaml:3:12: perubahan: perubahan harus true (Perjanjian Kinerja Perubahan) "
            "atau false (tertulis 'mungkin')"
        ],
    ),
    "program_list_empty": (
        {"program": "program: []\n"},
        [
            "program.yaml:1:10: program: daftar 'program' minimal berisi satu butir; hapus "
            "berkas program.yaml bila Lampiran 1 tidak memuat tabel program"
        ],
    ),
    "program_written_twice": (
        {
            "program": (
                "program:\n  - nama: Program A\n    anggaran: 1\n"
                "  - nama: program  a\n    anggaran: 2\n"
            )
        },
        [
            "program.yaml:4:11: program[1].nama: nama program sama dengan program[0]; setiap "
            "program ditulis sekali, gabungkan anggarannya"
        ],
    ),
    "program_key_misspelt": (
        {"program": "program:\n  - nama: Program A\n    anggran: 1\n"},
        [
            "program.yaml:3:5: program[0].anggran: kunci 'anggran' tidak dikenal; "
            "maksud Anda 'anggaran'?"
        ],
    ),
    "program_items_without_dashes": (
        {"program": "program:\n  nama: Program A\n  anggaran: 1\n"},
        [
            "program.yaml:2:3: program: harus berupa daftar; awali setiap butir dengan '- ' di "
            "baris baru"
        ],
    ),
    "program_file_top_key_misspelt": (
        {"program": "programs:\n  - nama: Program A\n    anggaran: 1\n"},
        ["program.yaml:1:1: programs: kunci 'programs' tidak dikenal; maksud Anda 'program'?"],
    ),
    "program_file_empty": (
        {"program": ""},
        ["program.yaml:1:1: berkas ini kosong; isi sesuai contoh di README"],
    ),
    # -- version 1 -------------------------------------------------------------------------
    "unknown_key_near_miss": (
        {"sasaran": sasaran_with("sumber_data:", "sumber_dta:")},
        [
            "sasaran/01-disiplin.yaml:9:5: indikator[0].sumber_dta: kunci 'sumber_dta' tidak "
            "dikenal; maksud Anda 'sumber_data'?"
        ],
    ),
    "unknown_key_far_off": (
        {"dokumen": VALID_DOKUMEN + "penulis: Budi\n"},
        [
            "dokumen.yaml:3:1: penulis: kunci 'penulis' tidak dikenal; kunci yang dikenal di "
            "sini: instansi, tahun, lampiran, pemerintah_daerah, penandatangan, perubahan"
        ],
    ),
    "target_with_dot_decimal": (
        {"sasaran": sasaran_with("99,99%", "99.99%")},
        [
            "sasaran/01-disiplin.yaml:10:13: indikator[0].target: target '99.99%' memakai titik "
            "sebagai pemisah desimal; tulis 99,99%"
        ],
    ),
    "target_with_english_thousands": (
        {"sasaran": sasaran_with("99,99%", "1,000.50 dokumen")},
        [
            "sasaran/01-disiplin.yaml:10:13: indikator[0].target: target '1,000.50 dokumen' "
            "memakai penulisan angka bahasa Inggris; tulis 1.000,50 dokumen"
        ],
    ),
    "formulasi_unquoted_dash": (
        {"sasaran": sasaran_with("Jumlah ASN / jumlah keseluruhan ASN X 100%", "-")},
        [
            "sasaran/01-disiplin.yaml:8:16: nilai '-' pada 'formulasi' dibaca YAML sebagai awal "
            "daftar; tulis '-' dalam tanda kutip: formulasi: \"-\""
        ],
    ),
    "tab_in_indentation": (
        {"sasaran": sasaran_with("    relevansi:", "\trelevansi:")},
        [
            "sasaran/01-disiplin.yaml:7:1: ada karakter tab di indentasi; YAML hanya menerima "
            "spasi untuk indentasi, ganti tab dengan spasi"
        ],
    ),
    "file_not_utf8": (
        {
            "sasaran": {
                "01-disiplin.yaml": S.replace("Kalimat pertama", "Kalimat pértama").encode(
                    "latin-1"
                )
            }
        },
        [
            "sasaran/01-disiplin.yaml:3:12: berkas ini bukan teks UTF-8: karakter di sini "
            "(mungkin 'é') tersimpan dengan encoding lain, misalnya Windows-1252; buka di editor "
            "lalu simpan ulang dengan encoding UTF-8"
        ],
    ),
    "yml_file_in_sasaran": (
        {"sasaran": {"01-disiplin.yaml": S, "02-kompetensi.yml": S.replace("Disiplin", "X")}},
        [
            "sasaran/02-kompetensi.yml:1:1: berkas sasaran harus berakhiran .yaml; ganti nama "
            "menjadi '02-kompetensi.yaml'"
        ],
    ),
    "uppercase_yaml_suffix_in_sasaran": (
        {"sasaran": {"01-disiplin.yaml": S, "02-kompetensi.YAML": S.replace("Disiplin", "X")}},
        [
            "sasaran/02-kompetensi.YAML:1:1: berkas sasaran harus berakhiran .yaml; ganti nama "
            "menjadi '02-kompetensi.yaml'"
        ],
    ),
    "other_file_in_sasaran": (
        {"sasaran": {"01-disiplin.yaml": S, "catatan.txt": "catatan\n"}},
        [
            "sasaran/catatan.txt:1:1: peringatan: berkas ini bukan .yaml sehingga tidak dibaca; "
            "pindahkan atau hapus bila tidak perlu"
        ],
    ),
    "duplicate_key": (
        {"sasaran": sasaran_with("    target: 99,99%\n", "    target: 99,99%\n    target: 98%\n")},
        [
            "sasaran/01-disiplin.yaml:11:5: indikator[0].target: kunci 'target' ditulis dua kali "
            "(pertama di baris 10); hapus salah satunya"
        ],
    ),
    "anchor": (
        {"sasaran": sasaran_with("relevansi: Relevansi", "relevansi: &r Relevansi")},
        [
            "sasaran/01-disiplin.yaml:7:16: nilai yang diawali '&' dibaca YAML sebagai anchor "
            "('&r'), dan anchor tidak diizinkan di berkas isi; bila '&' memang bagian dari teks, "
            "apit seluruh nilai dengan tanda kutip"
        ],
    ),
    "alias": (
        {"sasaran": sasaran_with("relevansi: Relevansi indikator.", "relevansi: *r")},
        [
            "sasaran/01-disiplin.yaml:7:16: nilai yang diawali '*' dibaca YAML sebagai alias "
            "('*r'), dan alias tidak diizinkan di berkas isi; bila '*' memang bagian dari teks "
            "(misalnya *miring*), apit seluruh nilai dengan tanda kutip"
        ],
    ),
    "markdown_bold_unquoted_at_start": (
        {"sasaran": sasaran_with("Relevansi indikator.", "**Penting** sekali.")},
        [
            "sasaran/01-disiplin.yaml:7:16: nilai yang diawali '*' dibaca YAML sebagai kode "
            "khusus; bila '*' memang bagian dari teks (misalnya **tebal** atau *miring*), apit "
            "seluruh nilai dengan tanda kutip"
        ],
    ),
    "python_object_tag": (
        {"sasaran": sasaran_with("Relevansi indikator.", "!!python/object:os.system x")},
        [
            "sasaran/01-disiplin.yaml:7:16: nilai yang diawali '!' dibaca YAML sebagai tag "
            "('!!python/object:os.system'), dan tag tidak diizinkan di berkas isi; hapus tag itu, "
            "atau bila '!' memang bagian dari teks, apit seluruh nilai dengan tanda kutip"
        ],
    ),
    "missing_key": (
        {"sasaran": sasaran_with("    relevansi: Relevansi indikator.\n", "")},
        [
            "sasaran/01-disiplin.yaml:6:5: indikator[0].relevansi: kunci 'relevansi' wajib ada; "
            "tambahkan baris 'relevansi: ...'"
        ],
    ),
    "missing_dokumen_keys": (
        {"dokumen": "lampiran: 2\n"},
        [
            "dokumen.yaml:1:1: instansi: kunci 'instansi' wajib ada; tambahkan baris "
            "'instansi: ...'",
            "dokumen.yaml:1:1: tahun: kunci 'tahun' wajib ada; tambahkan baris 'tahun: ...'",
        ],
    ),
    "list_where_text_expected": (
        {
            "sasaran": sasaran_with(
                "relevansi: Relevansi indikator.", "relevansi:\n      - satu\n      - dua"
            )
        },
        ["sasaran/01-disiplin.yaml:8:7: indikator[0].relevansi: harus berupa teks, bukan daftar"],
    ),
    "mapping_where_list_expected": (
        {"sasaran": {"01-disiplin.yaml": "sasaran: A\nuraian: B\nindikator:\n  nama: C\n"}},
        [
            "sasaran/01-disiplin.yaml:4:3: indikator: harus berupa daftar; awali setiap butir "
            "dengan '- ' di baris baru"
        ],
    ),
    "text_where_indikator_item_expected": (
        {"sasaran": {"01-disiplin.yaml": "sasaran: A\nuraian: B\nindikator:\n  - C\n"}},
        [
            "sasaran/01-disiplin.yaml:4:5: indikator[0]: setiap butir 'indikator' harus berisi "
            "pasangan 'kunci: nilai' (nama, relevansi, formulasi, sumber_data, target, "
            "penjelasan_target), bukan satu nilai saja"
        ],
    ),
    "empty_indikator_list": (
        {"sasaran": {"01-disiplin.yaml": "sasaran: A\nuraian: B\nindikator: []\n"}},
        ["sasaran/01-disiplin.yaml:3:12: indikator: daftar 'indikator' minimal berisi satu butir"],
    ),
    "empty_required_prose": (
        {"sasaran": sasaran_with("relevansi: Relevansi indikator.", 'relevansi: "  "')},
        [
            "sasaran/01-disiplin.yaml:7:16: indikator[0].relevansi: tidak boleh kosong; tulis "
            "uraiannya (boleh beberapa kalimat)"
        ],
    ),
    "empty_target": (
        {"sasaran": sasaran_with("target: 99,99%", "target:")},
        [
            "sasaran/01-disiplin.yaml:10:12: indikator[0].target: target tidak boleh kosong; "
            "tulis targetnya, misalnya 99,99%"
        ],
    ),
    "empty_quoted_target": (
        {"sasaran": sasaran_with("99,99%", '""')},
        [
            "sasaran/01-disiplin.yaml:10:13: indikator[0].target: target tidak boleh kosong; "
            "tulis targetnya, misalnya 99,99%"
        ],
    ),
    "target_hidden_by_comment": (
        {"sasaran": sasaran_with("99,99%", "#1 nasional")},
        [
            "sasaran/01-disiplin.yaml:10:12: indikator[0].target: target tidak boleh kosong; "
            "tulis targetnya, misalnya 99,99% (teks setelah '#' dibaca sebagai komentar; bila "
            "'#' bagian dari nilai, apit seluruh nilai dengan tanda kutip)"
        ],
    ),
    "unquoted_number_with_three_decimals": (
        {"sasaran": sasaran_with("99,99%", "1.000")},
        [
            "sasaran/01-disiplin.yaml:10:13: indikator[0].target: angka 1.000 bisa dibaca seribu "
            "atau desimal; tulis '1.000' dalam tanda kutip bila ribuan, atau 1,000 bila desimal"
        ],
    ),
    "one_line_field_written_on_two_lines": (
        {
            "sasaran": sasaran_with(
                "sasaran: Meningkatnya Disiplin Aparatur",
                "sasaran: |\n  Meningkatnya\n  Disiplin Aparatur",
            )
        },
        [
            "sasaran/01-disiplin.yaml:1:10: sasaran: harus ditulis dalam satu baris; gabungkan "
            "barisnya atau hapus tanda '|'"
        ],
    ),
    "nip_too_short_and_not_digits": (
        {
            "dokumen": SIGNED.replace('"19700101 199003 1 001"', "1970 0101").replace(
                "jabatan: Bupati Contoh", "jabatan: Bupati Contoh\n    nip: 19700101199003100a"
            )
        },
        [
            "dokumen.yaml:9:10: penandatangan.pihak_pertama.nip: NIP harus 18 angka, yang "
            "tertulis 8 angka; periksa kembali",
            "dokumen.yaml:13:10: penandatangan.pihak_kedua.nip: NIP '19700101199003100a' hanya "
            'boleh berisi angka dan spasi, misalnya "19700101 199003 1 001"',
        ],
    ),
    "date_not_in_calendar": (
        {"dokumen": SIGNED.replace("2024-01-31", "2025-02-30")},
        [
            "dokumen.yaml:5:12: penandatangan.tanggal: tanggal tidak valid (tertulis "
            "'2025-02-30'); tulis tanggal yang ada di kalender dengan format TTTT-BB-HH, misalnya "
            "2024-01-31"
        ],
    ),
    "date_as_unix_timestamp": (
        {"dokumen": SIGNED.replace("2024-01-31", "1706659200")},
        [
            "dokumen.yaml:5:12: penandatangan.tanggal: tanggal '1706659200' harus ditulis dengan "
            "format TTTT-BB-HH, misalnya 2024-01-31"
        ],
    ),
    "date_with_a_time": (
        {"dokumen": SIGNED.replace("2024-01-31", "2024-01-31T08:00:00")},
        [
            "dokumen.yaml:5:12: penandatangan.tanggal: tanggal '2024-01-31T08:00:00' harus ditulis "
            "dengan format TTTT-BB-HH, misalnya 2024-01-31"
        ],
    ),
    "date_outside_the_year": (
        {"dokumen": SIGNED.replace("2024-01-31", "2020-01-31")},
        [
            "dokumen.yaml:5:12: penandatangan.tanggal: peringatan: tanggal 2020-01-31 tidak "
            "berada di tahun 2024 (atau Desember 2023); perbarui tanggal penandatanganan"
        ],
    ),
    "tahun_differs_from_folder": (
        {"dokumen": VALID_DOKUMEN.replace("2024", "2023")},
        [
            "dokumen.yaml:2:8: tahun: tahun 2023 tidak sama dengan nama folder '2024'; samakan "
            "keduanya (tahun: 2024)"
        ],
    ),
    "tahun_not_a_number": (
        {"dokumen": VALID_DOKUMEN.replace("2024", "dua ribu dua puluh empat")},
        [
            "dokumen.yaml:2:8: tahun: tahun harus empat angka, misalnya 2024 (tertulis 'dua ribu "
            "dua puluh empat')"
        ],
    ),
    "tahun_out_of_range": (
        {"dokumen": VALID_DOKUMEN.replace("2024", "3024")},
        [
            "dokumen.yaml:2:8: tahun: tahun harus antara 2000 dan 2100 (tertulis '3024')",
        ],
    ),
    "no_sasaran": (
        {"sasaran": {}},
        [
            "sasaran:1:1: belum ada sasaran; tambahkan minimal satu berkas .yaml, misalnya "
            "01-disiplin.yaml"
        ],
    ),
    "no_dokumen": (
        {"dokumen": None},
        [
            "dokumen.yaml:1:1: berkas dokumen.yaml tidak ada; buat berkas itu dengan paling "
            "sedikit 'instansi:' dan 'tahun:' (lihat contoh di README)"
        ],
    ),
    "duplicate_indicator_name_within_a_sasaran": (
        {"sasaran": {"01-disiplin.yaml": S + S[S.index("  - nama") :]}},
        [
            "sasaran/01-disiplin.yaml:12:11: indikator[1].nama: nama indikator sama dengan "
            "indikator[0] di berkas ini; setiap indikator dalam satu sasaran harus bernama beda"
        ],
    ),
    "duplicate_indicator_name_in_a_file_with_another_error": (
        {
            "sasaran": {
                "01-disiplin.yaml": S.replace("target: 99,99%", "target: 99.99%")
                + S[S.index("  - nama") :]
            }
        },
        [
            "sasaran/01-disiplin.yaml:10:13: indikator[0].target: target '99.99%' memakai titik "
            "sebagai pemisah desimal; tulis 99,99%",
            "sasaran/01-disiplin.yaml:12:11: indikator[1].nama: nama indikator sama dengan "
            "indikator[0] di berkas ini; setiap indikator dalam satu sasaran harus bernama beda",
        ],
    ),
    "duplicate_title_beside_a_file_with_an_error": (
        {
            "sasaran": {
                "01-disiplin.yaml": S.replace("target: 99,99%", "target:"),
                "02-lain.yaml": S.replace("Cakupan", "Jumlah"),
            }
        },
        [
            "sasaran/01-disiplin.yaml:10:12: indikator[0].target: target tidak boleh kosong; "
            "tulis targetnya, misalnya 99,99%",
            "sasaran/02-lain.yaml:1:10: sasaran: judul sasaran sama dengan di 01-disiplin.yaml; "
            "setiap sasaran harus berjudul beda",
        ],
    ),
    "duplicate_indicator_name_across_sasaran": (
        {"sasaran": {"01-disiplin.yaml": S, "02-lain.yaml": S.replace("Disiplin", "Lain")}},
        [
            "sasaran/02-lain.yaml:6:11: indikator[0].nama: peringatan: indikator yang sama juga "
            "ada di 01-disiplin.yaml; pastikan memang dipakai di dua sasaran"
        ],
    ),
    "duplicate_sasaran_title": (
        {"sasaran": {"01-disiplin.yaml": S, "02-lain.yaml": S.replace("Cakupan", "Jumlah")}},
        [
            "sasaran/02-lain.yaml:1:10: sasaran: judul sasaran sama dengan di 01-disiplin.yaml; "
            "setiap sasaran harus berjudul beda"
        ],
    ),
    "two_yaml_documents": (
        {"sasaran": {"01-disiplin.yaml": S + "---\n" + S}},
        [
            "sasaran/01-disiplin.yaml:12:1: satu berkas hanya boleh berisi satu dokumen YAML; "
            "hapus baris '---' kedua atau pindahkan isinya ke berkas lain"
        ],
    ),
    "empty_file": (
        {"sasaran": {"01-disiplin.yaml": ""}},
        ["sasaran/01-disiplin.yaml:1:1: berkas ini kosong; isi sesuai contoh di README"],
    ),
    "file_with_only_comments": (
        {"sasaran": {"01-disiplin.yaml": "# belum diisi\n"}},
        ["sasaran/01-disiplin.yaml:1:1: berkas ini kosong; isi sesuai contoh di README"],
    ),
    "file_that_is_a_list": (
        {"sasaran": {"01-disiplin.yaml": "- sasaran: A\n"}},
        [
            "sasaran/01-disiplin.yaml:1:1: isi berkas harus berupa pasangan 'kunci: nilai'; "
            "lihat contoh di README"
        ],
    ),
    "control_character": (
        {"sasaran": sasaran_with("Kalimat pertama", "Kalimat\x07 pertama")},
        [
            "sasaran/01-disiplin.yaml:3:10: karakter kendali tak terlihat (kode 0x0007) tidak "
            "boleh ada di berkas isi; hapus karakter itu (biasanya terbawa saat menyalin dari "
            "dokumen lain)"
        ],
    ),
    "escaped_control_character": (
        {"sasaran": sasaran_with("Relevansi indikator.", '"Relevansi\\x0c indikator."')},
        [
            "sasaran/01-disiplin.yaml:7:16: indikator[0].relevansi: teks memuat karakter kendali "
            "yang tidak dapat dicetak (kode 0x000c, biasanya tertulis sebagai kode dengan '\\' di "
            "dalam tanda kutip ganda); hapus karakter itu"
        ],
    ),
    "unicode_line_separator": (
        {"sasaran": sasaran_with("Relevansi indikator.", "Relevansi\u2028indikator.")},
        [
            "sasaran/01-disiplin.yaml:7:25: ada karakter pemisah baris tak terlihat (kode "
            "0x2028); hapus karakter itu atau ganti dengan baris baru biasa (biasanya terbawa "
            "saat menyalin dari dokumen lain)"
        ],
    ),
    "colon_space_in_unquoted_value": (
        {"sasaran": sasaran_with("Relevansi indikator.", "Relevansi: indikator.")},
        [
            "sasaran/01-disiplin.yaml:7:25: ada tanda titik dua (:) yang tidak diharapkan; jika "
            "nilai memuat ': ', apit seluruh nilai dengan tanda kutip, atau periksa indentasi "
            "baris ini"
        ],
    ),
    "unclosed_quote": (
        {"sasaran": sasaran_with("Relevansi indikator.", '"Relevansi indikator.')},
        [
            "sasaran/01-disiplin.yaml:7:16: tanda kutip dibuka tetapi tidak ditutup; tambahkan "
            "tanda kutip penutup"
        ],
    ),
    "text_after_closing_quote": (
        {"sasaran": sasaran_with("Relevansi indikator.", "'ASN's data'")},
        [
            "sasaran/01-disiplin.yaml:7:21: ada teks setelah tanda kutip penutup; bila teksnya "
            'memuat tanda kutip, apit seluruh nilai dengan jenis tanda kutip yang lain ("..." '
            "atau '...'), atau tulis tanda kutip tunggal dua kali ('')"
        ],
    ),
    "text_on_the_block_scalar_line": (
        {"sasaran": sasaran_with("relevansi: Relevansi", "relevansi: | Relevansi")},
        [
            "sasaran/01-disiplin.yaml:7:18: teks tidak boleh ditulis di baris yang sama setelah "
            "'|' atau '>'; pindahkan teksnya ke baris berikutnya, menjorok ke dalam"
        ],
    ),
    "backslash_in_double_quotes": (
        {"sasaran": sasaran_with("Laporan Realisasi Kinerja", '"D:\\data\\kinerja"')},
        [
            "sasaran/01-disiplin.yaml:9:22: garis miring terbalik (\\) di dalam tanda kutip ganda "
            "dibaca sebagai kode khusus; pakai tanda kutip tunggal ('...') atau tulis \\\\"
        ],
    ),
    "misaligned_key": (
        {"sasaran": sasaran_with("    target:", "   target:")},
        [
            "sasaran/01-disiplin.yaml:10:4: indentasi atau susunan baris ini tidak sesuai dengan "
            "baris di atasnya; pastikan setiap 'kunci: nilai' sejajar dengan kunci lain di "
            "tingkat yang sama"
        ],
    ),
    "absurdly_deep_nesting": (
        {"dokumen": "instansi: X\ntahun: 2024\nlampiran: " + "[" * 50 + "]" * 50 + "\n"},
        [
            "dokumen.yaml:3:11: lampiran: harus berupa teks, bukan daftar",
            "dokumen.yaml:3:18: susunan di sini lebih dari 8 tingkat, padahal isi lampiran paling "
            "banyak tiga tingkat; periksa indentasi dan tanda kurung '[' '{'",
        ],
    ),
    "problems_before_a_syntax_error_are_reported_too": (
        {
            "sasaran": {
                "01-disiplin.yaml": S.replace("99,99%", "99.99%").replace(
                    "sumber_data:", "sumber_dta:"
                )
                + "catatan: [belum selesai\n"
            }
        },
        [
            "sasaran/01-disiplin.yaml:9:5: indikator[0].sumber_dta: kunci 'sumber_dta' tidak "
            "dikenal; maksud Anda 'sumber_data'?",
            "sasaran/01-disiplin.yaml:10:13: indikator[0].target: target '99.99%' memakai titik "
            "sebagai pemisah desimal; tulis 99,99%",
            "sasaran/01-disiplin.yaml:12:1: catatan: kunci 'catatan' tidak dikenal; kunci yang "
            "dikenal di sini: sasaran, uraian, indikator",
            "sasaran/01-disiplin.yaml:12:10: kurung '[' atau '{' dibuka tetapi tidak ditutup; "
            "tutup kurungnya",
        ],
    ),
    "keys_cut_off_by_a_syntax_error_are_not_called_missing": (
        {"sasaran": {"01-disiplin.yaml": "sasaran: A\nuraian: 'belum ditutup\n"}},
        [
            "sasaran/01-disiplin.yaml:2:9: tanda kutip dibuka tetapi tidak ditutup; tambahkan "
            "tanda kutip penutup"
        ],
    ),
    "every_file_is_checked": (
        {
            "dokumen": VALID_DOKUMEN.replace("2024", "2023"),
            "sasaran": {
                "01-disiplin.yaml": S.replace("99,99%", "99.99%"),
                "02-lain.yaml": "sasaran: Lain\nuraian: [\n",
            },
        },
        [
            "dokumen.yaml:2:8: tahun: tahun 2023 tidak sama dengan nama folder '2024'; samakan "
            "keduanya (tahun: 2024)",
            "sasaran/01-disiplin.yaml:10:13: indikator[0].target: target '99.99%' memakai titik "
            "sebagai pemisah desimal; tulis 99,99%",
            "sasaran/02-lain.yaml:2:9: kurung '[' atau '{' dibuka tetapi tidak ditutup; tutup "
            "kurungnya",
        ],
    ),
    # Pasted from Word, typed in a hurry: what planning staff really write.
    "word_smart_quotes_around_target": (
        {"sasaran": sasaran_with("99,99%", "\u201c99,99%\u201d")},
        [
            "sasaran/01-disiplin.yaml:10:13: indikator[0].target: target diapit tanda kutip miring "
            "(\u201c\u201d) dari Word, yang akan ikut tercetak; hapus tanda kutip itu: 99,99%"
        ],
    ),
    "word_smart_quotes_taken_for_yaml_quotes": (
        {"sasaran": sasaran_with("Relevansi indikator.", "\u201cCatatan: penting\u201d")},
        [
            "sasaran/01-disiplin.yaml:7:24: nilai diawali tanda kutip miring (\u201c) dari Word, "
            "yang tidak dikenali YAML sebagai tanda kutip; ganti tanda kutip di awal dan akhir "
            'nilai dengan tanda kutip lurus ("...")'
        ],
    ),
    "non_breaking_space_in_indentation": (
        {"sasaran": sasaran_with("    target: 99,99%", "\u00a0" * 4 + "target: 99,99%")},
        [
            "sasaran/01-disiplin.yaml:10:1: indentasi baris ini memuat spasi tak-putus (kode "
            "0x00a0), biasanya terbawa saat menyalin dari Word; hapus indentasinya lalu "
            "ketik ulang dengan spasi biasa"
        ],
    ),
    "ideographic_space_in_indentation": (
        {"sasaran": sasaran_with("    target: 99,99%", "\u3000   target: 99,99%")},
        [
            "sasaran/01-disiplin.yaml:10:1: indentasi baris ini memuat spasi khusus (kode 0x3000), "
            "biasanya terbawa saat menyalin dari Word; hapus indentasinya lalu ketik ulang dengan "
            "spasi biasa"
        ],
    ),
    "byte_order_mark_inside_the_file": (
        {"sasaran": sasaran_with("  - nama:", "\ufeff  - nama:")},
        [
            "sasaran/01-disiplin.yaml:6:1: indentasi baris ini memuat tanda BOM tak terlihat (kode "
            "0xfeff), biasanya terbawa saat menyalin dari Word; hapus indentasinya lalu "
            "ketik ulang dengan spasi biasa"
        ],
    ),
    "non_breaking_space_after_colon": (
        {"sasaran": sasaran_with("target: 99,99%", "target:\u00a099,99%")},
        [
            "sasaran/01-disiplin.yaml:10:5: setelah 'target:' ada spasi tak-putus (kode 0x00a0), "
            "padahal YAML memerlukan spasi biasa setelah titik dua; hapus lalu ketik ulang spasinya"
        ],
    ),
    "non_breaking_space_inside_text_is_fine": (
        {"sasaran": sasaran_with("Laporan Realisasi", "Laporan\u00a0Realisasi")},
        [],
    ),
    "tab_after_colon": (
        {"sasaran": sasaran_with("target: 99,99%", "target:\t99,99%")},
        [
            "sasaran/01-disiplin.yaml:10:12: ada karakter tab setelah titik dua; YAML hanya "
            "menerima spasi di sini, ganti tab dengan spasi"
        ],
    ),
    "word_bullet_as_list_item": (
        {"sasaran": sasaran_with("  - nama:", "  \u2022 nama:")},
        [
            "sasaran/01-disiplin.yaml:6:3: butir daftar ditulis dengan '\u2022' (tanda butir dari "
            "Word), padahal YAML hanya mengenal '-'; ganti '\u2022' dengan '-'"
        ],
    ),
    "en_dash_as_list_item": (
        {"sasaran": sasaran_with("  - nama:", "  \u2013 nama:")},
        [
            "sasaran/01-disiplin.yaml:6:3: butir daftar ditulis dengan '\u2013' (tanda butir dari "
            "Word), padahal YAML hanya mengenal '-'; ganti '\u2013' dengan '-'"
        ],
    ),
    "word_bullets_in_prose": (
        {"sasaran": sasaran_with("  Kalimat kedua.", "  \u2022 satu hal\n  \u2022 dua hal")},
        [
            "sasaran/01-disiplin.yaml:4:3: uraian: peringatan: baris ini diawali '\u2022' (tanda "
            "butir dari Word), yang tidak menjadi butir daftar (baris-barisnya digabung menjadi "
            "satu paragraf); untuk daftar butir, ganti '\u2022' dengan '- '",
            "sasaran/01-disiplin.yaml:5:3: uraian: peringatan: baris ini diawali '\u2022' (tanda "
            "butir dari Word), yang tidak menjadi butir daftar (baris-barisnya digabung menjadi "
            "satu paragraf); untuk daftar butir, ganti '\u2022' dengan '- '",
        ],
    ),
    "zero_width_space_in_key": (
        {"sasaran": sasaran_with("target: 99,99%", "target\u200b: 99,99%")},
        [
            "sasaran/01-disiplin.yaml:10:11: indikator[0].target: kunci 'target' memuat karakter "
            "tak terlihat (kode 0x200b), biasanya terbawa saat menyalin; hapus karakter itu (ketik "
            "ulang kuncinya)"
        ],
    ),
    "zero_width_space_in_text": (
        {"sasaran": sasaran_with("nama: Cakupan ASN", "nama: Cakupan\u200b ASN")},
        [
            "sasaran/01-disiplin.yaml:6:18: indikator[0].nama: peringatan: ada karakter tak "
            "terlihat (kode 0x200b) di sini (biasanya terbawa saat menyalin dari Word); hapus "
            "karakter itu agar teks tercetak, dicari dan diperiksa ejaannya dengan benar"
        ],
    ),
    "soft_hyphen_in_text": (
        {"sasaran": sasaran_with("Kalimat pertama", "Kali\u00admat pertama")},
        [
            "sasaran/01-disiplin.yaml:3:7: uraian: peringatan: ada tanda pemenggalan tersembunyi "
            "(kode 0x00ad) di sini (biasanya terbawa saat menyalin dari Word); hapus karakter itu "
            "agar teks tercetak, dicari dan diperiksa ejaannya dengan benar"
        ],
    ),
    "forgotten_colon": (
        {"sasaran": sasaran_with("target: 99,99%", "target 99,99%")},
        [
            "sasaran/01-disiplin.yaml:10:5: baris ini tidak berisi titik dua (:) sesudah kuncinya. "
            "Bila ini kunci, tambahkan titik dua dan spasi sesudah kuncinya, misalnya 'target: "
            "99,99%'; bila ini lanjutan teks baris sebelumnya, tulis teksnya di bawah 'kunci: |' "
            "dan menjorok lebih dalam daripada kuncinya"
        ],
    ),
    "forgotten_colon_on_the_last_line": (
        {"sasaran": sasaran_with("penjelasan_target: Penjelasan", "penjelasan_target Penjelasan")},
        [
            "sasaran/01-disiplin.yaml:11:5: baris ini tidak berisi titik dua (:) sesudah kuncinya. "
            "Bila ini kunci, tambahkan titik dua dan spasi sesudah kuncinya, misalnya "
            "'penjelasan_target: Penjelasan target.'; bila ini lanjutan teks baris sebelumnya, "
            "tulis teksnya di bawah 'kunci: |' dan menjorok lebih dalam daripada kuncinya"
        ],
    ),
    "no_space_after_colon": (
        {"sasaran": sasaran_with("target: 99,99%", "target:99,99%")},
        [
            "sasaran/01-disiplin.yaml:10:5: setelah titik dua harus ada spasi; tulis 'target: "
            "99,99%'"
        ],
    ),
    "continuation_line_not_indented": (
        {"sasaran": sasaran_with("Laporan Realisasi Kinerja", "Laporan Realisasi\n    Kinerja")},
        [
            "sasaran/01-disiplin.yaml:10:5: baris ini tidak berisi titik dua (:) sesudah kuncinya. "
            "Bila ini kunci, tambahkan titik dua dan spasi sesudah kuncinya; bila ini lanjutan "
            "teks baris sebelumnya, tulis teksnya di bawah 'kunci: |' dan menjorok lebih dalam "
            "daripada kuncinya"
        ],
    ),
    "block_text_not_indented": (
        {
            "sasaran": sasaran_with(
                "uraian: |\n  Kalimat pertama.\n  Kalimat kedua.",
                "uraian: |\nKalimat pertama.\nKalimat kedua.",
            )
        },
        [
            "sasaran/01-disiplin.yaml:3:1: teks di bawah 'uraian: |' harus menjorok lebih dalam "
            "daripada kunci 'uraian'; tambahkan spasi di awal setiap baris teksnya"
        ],
    ),
    "item_key_indented_too_deep": (
        {"sasaran": sasaran_with("    target: 99,99%", "      target: 99,99%")},
        [
            "sasaran/01-disiplin.yaml:10:13: kunci 'target' menjorok lebih dalam daripada kunci di "
            "atasnya, sehingga dibaca sebagai lanjutan teks baris sebelumnya; samakan indentasinya "
            "dengan kunci lain di tingkat yang sama"
        ],
    ),
    "second_indikator_without_its_dash": (
        {
            "sasaran": {
                "01-disiplin.yaml": S + "    nama: Indikator kedua\n"
                "    relevansi: R\n    target: 5\n    penjelasan_target: P\n"
            }
        },
        [
            "sasaran/01-disiplin.yaml:12:5: indikator[0].nama: kunci 'nama' ditulis dua kali di "
            "butir yang sama (pertama di baris 6); bila baris ini memulai butir baru, awali dengan "
            "'- ' ('- nama: ...') seperti butir sebelumnya, bila tidak, hapus salah satunya"
        ],
    ),
    "misspelt_key_is_not_also_called_missing": (
        {"sasaran": sasaran_with("    target:", "    Target:")},
        [
            "sasaran/01-disiplin.yaml:10:5: indikator[0].Target: kunci 'Target' tidak dikenal; "
            "maksud Anda 'target'?"
        ],
    ),
    "target_percent_sign_first": (
        {"sasaran": sasaran_with("99,99%", "%85")},
        [
            "sasaran/01-disiplin.yaml:10:13: tanda '%' ditulis di belakang angka, tidak di "
            "depannya; tulis 85%"
        ],
    ),
    "target_percent_sign_first_quoted": (
        {"sasaran": sasaran_with("99,99%", "'% 85'")},
        [
            "sasaran/01-disiplin.yaml:10:13: indikator[0].target: tanda '%' ditulis di belakang "
            "angka, tidak di depannya; tulis 85%"
        ],
    ),
    "target_unquoted_leading_dot": (
        {"sasaran": sasaran_with("99,99%", ".5")},
        [
            "sasaran/01-disiplin.yaml:10:13: indikator[0].target: angka .5 perlu angka 0 di "
            "depannya dan koma sebagai pemisah desimal; tulis 0,5"
        ],
    ),
    "target_unquoted_with_underscores": (
        {"sasaran": sasaran_with("99,99%", "1_000")},
        [
            "sasaran/01-disiplin.yaml:10:13: indikator[0].target: angka 1_000 tidak dapat dicetak "
            "seperti itu; tulis '1.000' (titik sebagai pemisah ribuan, dalam tanda kutip)"
        ],
    ),
    "target_ratio_stays_as_written": (
        {"sasaran": sasaran_with("99,99%", "1:30")},
        [],
    ),
    "date_day_first": (
        {"dokumen": SIGNED.replace("2024-01-31", "31-01-2024")},
        [
            "dokumen.yaml:5:12: penandatangan.tanggal: tanggal '31-01-2024' harus ditulis dengan "
            "format TTTT-BB-HH; tulis 2024-01-31"
        ],
    ),
    "date_in_words": (
        {"dokumen": SIGNED.replace("2024-01-31", "31 Januari 2024")},
        [
            "dokumen.yaml:5:12: penandatangan.tanggal: tanggal '31 Januari 2024' harus ditulis "
            "dengan format TTTT-BB-HH; tulis 2024-01-31"
        ],
    ),
    "date_without_leading_zero": (
        {"dokumen": SIGNED.replace("2024-01-31", "2024-1-31")},
        [
            "dokumen.yaml:5:12: penandatangan.tanggal: tanggal '2024-1-31' harus ditulis dengan "
            "format TTTT-BB-HH; tulis 2024-01-31"
        ],
    ),
    "file_saved_as_utf16": (
        {"sasaran": {"01-disiplin.yaml": S.encode("utf-16")}},
        [
            "sasaran/01-disiplin.yaml:1:1: berkas ini tersimpan sebagai UTF-16 (di Notepad disebut "
            "'Unicode'), bukan UTF-8; buka di editor lalu simpan ulang dengan encoding UTF-8"
        ],
    ),
    "sasaran_file_saved_with_txt_suffix": (
        {"sasaran": {"01-disiplin.yaml": S, "02-lain.yaml.txt": S.replace("Disiplin", "X")}},
        [
            "sasaran/02-lain.yaml.txt:1:1: berkas ini berakhiran '.yaml.txt' (Notepad menambahkan "
            "'.txt' saat menyimpan) sehingga tidak dibaca; ganti nama menjadi '02-lain.yaml'"
        ],
    ),
    "list_dash_followed_by_non_breaking_space": (
        {"sasaran": sasaran_with("  - nama:", "  -\u00a0nama:")},
        [
            "sasaran/01-disiplin.yaml:6:3: setelah tanda butir '-' ada spasi tak-putus (kode "
            "0x00a0), padahal YAML memerlukan spasi biasa; hapus lalu ketik ulang spasinya"
        ],
    ),
    "list_dash_without_space": (
        {"sasaran": sasaran_with("  - nama:", "  -nama:")},
        ["sasaran/01-disiplin.yaml:6:3: tanda butir '-' harus diikuti spasi; tulis '- nama: ...'"],
    ),
    "line_of_only_a_non_breaking_space_inside_a_block": (
        {"sasaran": sasaran_with("  Kalimat kedua.", "\u00a0\n  Kalimat kedua.")},
        [
            "sasaran/01-disiplin.yaml:4:1: baris ini diawali spasi tak-putus (kode 0x00a0), "
            "biasanya terbawa saat menyalin dari Word; hapus karakter itu, lalu ketik ulang "
            "indentasinya dengan spasi biasa"
        ],
    ),
    "non_breaking_space_between_key_and_colon": (
        {"sasaran": sasaran_with("target: 99,99%", "target\u00a0: 99,99%")},
        [
            "sasaran/01-disiplin.yaml:10:11: indikator[0].target: kunci 'target' memuat spasi "
            "tak-putus (kode 0x00a0), biasanya terbawa saat menyalin; hapus karakter itu (ketik "
            "ulang kuncinya)"
        ],
    ),
    "indicator_names_differing_only_by_an_invisible_character": (
        {
            "sasaran": {
                "01-disiplin.yaml": S
                + S[S.index("  - nama") :].replace("Cakupan ASN", "Cakupan\u200b ASN")
            }
        },
        [
            "sasaran/01-disiplin.yaml:12:11: indikator[1].nama: nama indikator sama dengan "
            "indikator[0] di berkas ini; setiap indikator dalam satu sasaran harus bernama beda",
            "sasaran/01-disiplin.yaml:12:18: indikator[1].nama: peringatan: ada karakter tak "
            "terlihat (kode 0x200b) di sini (biasanya terbawa saat menyalin dari Word); hapus "
            "karakter itu agar teks tercetak, dicari dan diperiksa ejaannya dengan benar",
        ],
    ),
    "no_space_after_the_colon_of_the_first_key": (
        {"sasaran": sasaran_with("sasaran: Meningkatnya", "sasaran:Meningkatnya")},
        [
            "sasaran/01-disiplin.yaml:1:1: setelah titik dua harus ada spasi; tulis 'sasaran: "
            "Meningkatnya Disiplin Aparatur'"
        ],
    ),
}


@pytest.mark.parametrize(("files", "expected"), CASES.values(), ids=CASES.keys())
def test_broken_year_is_reported_at_each_place(
    tmp_path: Path, files: dict[str, Any], expected: list[str]
) -> None:
    folder = write_year(tmp_path, **files)

    year, report = load_year(folder)

    assert [p.format(relative_to=folder) for p in report.sorted()] == expected
    assert (year is None) == report.has_errors


@pytest.mark.parametrize("name", ["Program.yaml", "program.yml", "program.yaml.txt"])
def test_program_file_under_another_name_is_named(tmp_path: Path, name: str) -> None:
    folder = write_year(tmp_path)
    (folder / name).write_text("program:\n  - nama: A\n    anggaran: 1\n", encoding="utf-8")

    year, report = load_year(folder)

    assert year is None
    assert [p.format(relative_to=folder) for p in report.sorted()] == [
        f"{name}:1:1: berkas ini tidak dibaca; ganti nama '{name}' menjadi 'program.yaml'"
    ]


def test_dokumen_saved_by_notepad_with_txt_suffix_is_named(tmp_path: Path) -> None:
    folder = write_year(tmp_path, dokumen=None)
    (folder / "dokumen.yaml.txt").write_text(VALID_DOKUMEN, encoding="utf-8")

    _, report = load_year(folder)

    assert [p.format(relative_to=folder) for p in report.sorted()] == [
        "dokumen.yaml:1:1: berkas dokumen.yaml tidak ada; ganti nama 'dokumen.yaml.txt' "
        "menjadi 'dokumen.yaml'"
    ]


def test_sasaran_folder_with_a_capital_letter_is_named(tmp_path: Path) -> None:
    folder = write_year(tmp_path)
    (folder / "sasaran").rename(folder / "Sasaran")

    _, report = load_year(folder)

    assert [p.format(relative_to=folder) for p in report.sorted()] == [
        "sasaran:1:1: folder sasaran/ tidak ada; ganti nama folder 'Sasaran' menjadi "
        "'sasaran' (huruf kecil semua)"
    ]


def test_dokumen_that_is_a_folder_is_named(tmp_path: Path) -> None:
    folder = write_year(tmp_path, dokumen=None)
    (folder / "dokumen.yaml").mkdir()

    _, report = load_year(folder)

    assert [p.format(relative_to=folder) for p in report.sorted()] == [
        "dokumen.yaml:1:1: dokumen.yaml adalah folder, padahal harus berupa berkas"
    ]


def test_broken_shortcut_in_sasaran_is_explained_in_indonesian(tmp_path: Path) -> None:
    folder = write_year(tmp_path)
    (folder / "sasaran" / "02-lain.yaml").symlink_to(tmp_path / "tidak-ada.yaml")

    _, report = load_year(folder)

    assert [p.format(relative_to=folder) for p in report.sorted()] == [
        "sasaran/02-lain.yaml:1:1: ini pintasan (symlink), sehingga tidak dibaca: lampiran "
        "hanya membaca berkas biasa, agar tidak ada berkas dari luar folder isi yang ikut "
        "terbaca; ganti pintasan itu dengan salinan aslinya"
    ]
