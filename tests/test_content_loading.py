"""Valid content loads into the models with the author's text kept as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CONTENT_2024, VALID_DOKUMEN, VALID_SASARAN, write_year
from lampiran.content.loading import load_year, require_year
from lampiran.content.models import Indikator
from lampiran.errors import ContentError, Problem, Report, Severity, UsageProblem
from lampiran.workspace import resolve_year_folder


def only_indikator(folder: Path) -> Indikator:
    year, report = load_year(folder)
    assert year is not None, [p.format() for p in report]
    return year.sasaran[0].model.indikator[0]


def test_content_2024_loads_without_any_problem() -> None:
    year, report = load_year(CONTENT_2024)

    assert report.problems == []
    assert year is not None
    assert year.dokumen.tahun == 2024
    assert [s.slug for s in year.sasaran] == [
        "01-disiplin-aparatur",
        "02-kompetensi-sdm",
        "03-kinerja-perangkat-daerah",
    ]


def test_windows_line_endings_and_byte_order_mark_load_like_any_other(tmp_path: Path) -> None:
    plain = write_year(tmp_path / "plain")
    windows = write_year(
        tmp_path / "windows",
        dokumen=b"\xef\xbb\xbf" + VALID_DOKUMEN.replace("\n", "\r\n").encode(),
        sasaran={
            "01-disiplin.yaml": b"\xef\xbb\xbf" + VALID_SASARAN.replace("\n", "\r\n").encode(),
        },
    )

    expected, _ = load_year(plain)
    year, report = load_year(windows)

    assert report.problems == []
    assert year is not None and expected is not None
    assert year.dokumen == expected.dokumen
    assert year.sasaran[0].model == expected.sasaran[0].model
    assert year.sasaran[0].model.uraian == "Kalimat pertama.\nKalimat kedua."


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("83.50", "83,50"),
        ("77", "77"),
        ("3.25", "3,25"),
        ("0.5", "0,5"),
        ("'1.000'", "1.000"),
        ("99,99%", "99,99%"),
        ("83,50%", "83,50%"),
        ("BB", "BB"),
        ("WTP", "WTP"),
        ("100 dokumen", "100 dokumen"),
        ("90 per 100.000 KH", "90 per 100.000 KH"),
        ('"  99,99%  "', "99,99%"),
    ],
)
def test_target_keeps_the_text_the_author_meant(tmp_path: Path, written: str, printed: str) -> None:
    folder = write_year(
        tmp_path,
        sasaran={
            "01.yaml": VALID_SASARAN.replace("target: 99,99%", f"target: {written}"),
        },
    )

    assert only_indikator(folder).target == printed


def test_one_line_field_in_a_block_with_a_single_line_is_accepted(tmp_path: Path) -> None:
    folder = write_year(
        tmp_path,
        sasaran={
            "01.yaml": VALID_SASARAN.replace(
                "  - nama: Cakupan ASN yang tidak dijatuhi hukuman disiplin",
                "  - nama: |\n      Cakupan ASN yang tidak dijatuhi hukuman disiplin",
            )
        },
    )

    assert only_indikator(folder).nama == "Cakupan ASN yang tidak dijatuhi hukuman disiplin"


def test_prose_keeps_markdown_and_special_characters_literally(tmp_path: Path) -> None:
    prose = "|\n      **Tebal** & <b>bukan HTML</b> {{ x }} {% y %}\n\n      - butir\n"
    folder = write_year(
        tmp_path,
        sasaran={
            "01.yaml": VALID_SASARAN.replace(
                "relevansi: Relevansi indikator.", f"relevansi: {prose}"
            ),
        },
    )

    assert only_indikator(folder).relevansi == (
        "**Tebal** & <b>bukan HTML</b> {{ x }} {% y %}\n\n- butir"
    )


@pytest.mark.parametrize("empty", ['""', "", "'  '"])
def test_empty_optional_prose_means_not_given(tmp_path: Path, empty: str) -> None:
    folder = write_year(
        tmp_path,
        sasaran={
            "01.yaml": VALID_SASARAN.replace(
                "formulasi: Jumlah ASN / jumlah keseluruhan ASN X 100%",
                f"formulasi: {empty}",
            )
        },
    )

    assert only_indikator(folder).formulasi is None


def test_unquoted_words_stay_text_instead_of_becoming_yes_no(tmp_path: Path) -> None:
    folder = write_year(
        tmp_path,
        sasaran={
            "01.yaml": VALID_SASARAN.replace(
                "relevansi: Relevansi indikator.",
                "relevansi: yes",
            ).replace("target: 99,99%", "target: off")
        },
    )

    indikator = only_indikator(folder)

    assert (indikator.relevansi, indikator.target) == ("yes", "off")


def test_nip_is_kept_as_its_18_digits(tmp_path: Path) -> None:
    folder = write_year(
        tmp_path,
        dokumen=VALID_DOKUMEN
        + """\
penandatangan:
  tempat: Contoh
  tanggal: 2024-01-31
  pihak_pertama:
    nama: A
    jabatan: B
    nip: "19700101 199003 1 001"
  pihak_kedua:
    nama: C
    jabatan: D
    nip: 197001011990031002
""",
    )

    year, report = load_year(folder)

    assert report.problems == []
    assert year is not None and year.dokumen.penandatangan is not None
    signing = year.dokumen.penandatangan
    assert (signing.pihak_pertama.nip, signing.pihak_kedua.nip) == (
        "197001011990031001",
        "197001011990031002",
    )


def test_sasaran_are_read_in_file_name_order(tmp_path: Path) -> None:
    folder = write_year(
        tmp_path,
        sasaran={
            "10-akhir.yaml": VALID_SASARAN.replace("Disiplin", "Akhir").replace("Cakupan", "C"),
            "02-awal.yaml": VALID_SASARAN,
        },
    )

    year, _ = load_year(folder)

    assert year is not None
    assert [s.path.name for s in year.sasaran] == ["02-awal.yaml", "10-akhir.yaml"]


def test_a_year_with_only_warnings_is_usable(tmp_path: Path) -> None:
    folder = write_year(
        tmp_path,
        sasaran={
            "01.yaml": VALID_SASARAN,
            "02.yaml": VALID_SASARAN.replace("Disiplin", "Lain"),
        },
    )

    year, report = load_year(folder)

    assert year is not None
    assert [p.severity for p in report.problems] == [Severity.WARNING]
    assert report.summary() == "0 kesalahan, 1 peringatan"


def test_require_year_raises_with_every_problem(tmp_path: Path) -> None:
    folder = write_year(
        tmp_path,
        dokumen="tahun: 2023\n",
        sasaran={
            "01.yaml": VALID_SASARAN.replace("99,99%", "99.99%"),
        },
    )

    with pytest.raises(ContentError) as raised:
        require_year(folder)

    assert [p.format(relative_to=folder) for p in raised.value.report] == [
        "dokumen.yaml:1:1: instansi: kunci 'instansi' wajib ada; tambahkan baris 'instansi: ...'",
        "sasaran/01.yaml:10:13: indikator[0].target: target '99.99%' memakai titik sebagai "
        "pemisah desimal; tulis 99,99%",
    ]


def test_report_sorts_by_file_then_line_and_drops_repeats() -> None:
    a, b = Path("a.yaml"), Path("b.yaml")
    report = Report()
    report.error(b, 1, 1, "", "satu")
    report.warning(a, 9, 1, "x", "dua")
    report.error(a, 2, 5, "", "tiga")
    report.error(a, 2, 5, "", "tiga")

    assert [(p.path.name, p.line) for p in report.sorted()] == [
        ("a.yaml", 2),
        ("a.yaml", 9),
        ("b.yaml", 1),
    ]
    assert report.summary() == "2 kesalahan, 1 peringatan"


def test_problem_is_shown_compiler_style_with_forward_slashes(tmp_path: Path) -> None:
    problem = Problem(tmp_path / "sasaran" / "02.yaml", 14, 7, "indikator[0].target", "pesan")

    shown = problem.format(relative_to=tmp_path)

    assert shown == "sasaran/02.yaml:14:7: indikator[0].target: pesan"


def test_newest_year_is_the_default_folder(tmp_path: Path) -> None:
    write_year(tmp_path, year="2024")
    write_year(tmp_path, year="2025")
    (tmp_path / "content" / "draf").mkdir()

    assert resolve_year_folder(None, root=tmp_path) == tmp_path / "content" / "2025"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        ("missing", "folder '{folder}' tidak ada; periksa penulisannya"),
        ("file", "'{folder}' bukan folder; sebutkan folder tahunnya"),
        (
            "not_a_year",
            "nama folder 'draf' bukan tahun; folder isi dinamai dengan tahunnya, "
            "misalnya content/2024",
        ),
    ],
)
def test_folder_that_is_not_a_year_is_a_usage_problem(
    tmp_path: Path, make: str, message: str
) -> None:
    folder = tmp_path / "draf"
    if make == "file":
        folder.write_text("x")
    elif make == "not_a_year":
        folder.mkdir()

    with pytest.raises(UsageProblem) as raised:
        resolve_year_folder(folder)

    assert str(raised.value) == message.format(folder=folder.as_posix())
