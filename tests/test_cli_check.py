"""``lampiran check``: what a planning officer sees and the exit codes scripts rely on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO_ROOT, VALID_SASARAN, run_lampiran, write_year
from lampiran import __version__

BROKEN = {
    "01-disiplin.yaml": VALID_SASARAN.replace("99,99%", "99.99%"),
    "02-sdm.yaml": VALID_SASARAN.replace("Disiplin", "SDM").replace("sumber_data", "sumber_dta"),
}


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in an empty folder, as a user in their own repository would."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_clean_year_prints_a_summary_and_exits_0(in_tmp: Path) -> None:
    write_year(in_tmp)

    result = run_lampiran("check", "content/2024")

    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "content/2024: 1 sasaran, 1 indikator diperiksa.\n0 kesalahan, 0 peringatan\n"
    )


def test_broken_year_lists_every_problem_in_file_order_and_exits_1(in_tmp: Path) -> None:
    write_year(in_tmp, sasaran=BROKEN)

    result = run_lampiran("check", "content/2024")

    assert result.code == 1
    assert result.out == (
        "content/2024/sasaran/01-disiplin.yaml:10:13: indikator[0].target: target '99.99%' "
        "memakai titik sebagai pemisah desimal; tulis 99,99%\n"
        "content/2024/sasaran/02-sdm.yaml:6:11: indikator[0].nama: peringatan: indikator yang "
        "sama juga ada di 01-disiplin.yaml; pastikan memang dipakai di dua sasaran\n"
        "content/2024/sasaran/02-sdm.yaml:9:5: indikator[0].sumber_dta: kunci 'sumber_dta' "
        "tidak dikenal; maksud Anda 'sumber_data'?\n"
        "2 kesalahan, 1 peringatan\n"
    )


def test_warnings_alone_do_not_fail_the_check(in_tmp: Path) -> None:
    write_year(
        in_tmp,
        sasaran={
            "01-disiplin.yaml": VALID_SASARAN,
            "02-sdm.yaml": VALID_SASARAN.replace("Disiplin", "SDM"),
        },
    )

    result = run_lampiran("check", "content/2024")

    assert result.code == 0
    assert result.out.splitlines()[-2:] == [
        "content/2024/sasaran/02-sdm.yaml:6:11: indikator[0].nama: peringatan: indikator yang "
        "sama juga ada di 01-disiplin.yaml; pastikan memang dipakai di dua sasaran",
        "0 kesalahan, 1 peringatan",
    ]


def test_text_pasted_from_word_is_pointed_out_without_failing_the_check(in_tmp: Path) -> None:
    pasted = VALID_SASARAN.replace("  Kalimat kedua.\n", "  \u2022 satu hal\n  \u2022 dua hal\n")
    write_year(in_tmp, sasaran={"01-disiplin.yaml": pasted.replace("ASN yang", "ASN\u00ad yang")})

    result = run_lampiran("check", "content/2024")

    assert result.code == 0
    assert result.out.splitlines()[1:] == [
        "content/2024/sasaran/01-disiplin.yaml:4:3: uraian: peringatan: baris ini diawali '\u2022' "
        "(tanda butir dari Word), yang tidak menjadi butir daftar (baris-barisnya digabung "
        "menjadi satu paragraf); untuk daftar butir, ganti '\u2022' dengan '- '",
        "content/2024/sasaran/01-disiplin.yaml:5:3: uraian: peringatan: baris ini diawali '\u2022' "
        "(tanda butir dari Word), yang tidak menjadi butir daftar (baris-barisnya digabung "
        "menjadi satu paragraf); untuk daftar butir, ganti '\u2022' dengan '- '",
        "content/2024/sasaran/01-disiplin.yaml:7:22: indikator[0].nama: peringatan: ada tanda "
        "pemenggalan tersembunyi (kode 0x00ad) di sini (biasanya terbawa saat menyalin dari "
        "Word); hapus karakter itu agar teks tercetak, dicari dan diperiksa ejaannya dengan benar",
        "0 kesalahan, 3 peringatan",
    ]


def test_without_a_folder_the_newest_year_is_checked(in_tmp: Path) -> None:
    write_year(in_tmp, year="2024", sasaran=BROKEN)
    write_year(in_tmp, year="2025", dokumen="instansi: Badan Contoh\ntahun: 2025\n")

    result = run_lampiran("check")

    assert (result.code, result.out.splitlines()[0]) == (
        0,
        "content/2025: 1 sasaran, 1 indikator diperiksa.",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "content/2030"], "Galat: folder 'content/2030' tidak ada; periksa penulisannya"),
        (
            ["check", "content"],
            "Galat: nama folder 'content' bukan tahun; folder isi dinamai "
            "dengan tahunnya, misalnya content/2024",
        ),
        (
            ["check", "content/2024/dokumen.yaml"],
            "Galat: 'content/2024/dokumen.yaml' bukan folder; sebutkan folder tahunnya",
        ),
        (["check", "--bogus"], "Galat: Tidak ada pilihan '--bogus'."),
        (["check", "2024"], "Galat: folder '2024' tidak ada; maksud Anda content/2024?"),
        (
            ["check", "content/2024/sasaran"],
            "Galat: 'content/2024/sasaran' ada di dalam folder tahun; sebutkan folder tahunnya "
            "sendiri, yaitu content/2024",
        ),
        (["check", "--spellng"], "Galat: Tidak ada pilihan '--spellng'. Maksud Anda '--spelling'?"),
        (["check", "--spelling=ya"], "Galat: Pilihan '--spelling' tidak menerima nilai."),
        (
            ["check", "content/2024", "lagi"],
            "Galat: folder 'lagi' tidak ada; periksa penulisannya",
        ),
        (
            ["chek"],
            "Galat: Tidak ada perintah 'chek'. (Maksud Anda salah satu dari: 'check', 'schema'?)",
        ),
        (
            ["build", "--paper", "Letter"],
            "Galat: Nilai tidak sah untuk '--paper': 'Letter' tidak dikenal; pilih salah satu: "
            "F4, A4",
        ),
        (["build", "-o"], "Galat: Pilihan '-o' memerlukan nilai."),
    ],
)
def test_usage_mistakes_exit_2_with_a_message(in_tmp: Path, args: list[str], message: str) -> None:
    write_year(in_tmp)

    result = run_lampiran(*args)

    assert result.code == 2
    assert message in result.err.splitlines()
    assert result.out == ""


def test_no_year_folder_at_all_is_a_usage_mistake(in_tmp: Path) -> None:
    result = run_lampiran("check")

    assert result.code == 2
    assert result.err == (
        "Galat: tidak ada folder tahun di content/; sebutkan foldernya, misalnya: "
        "lampiran check content/2024\n"
    )


def test_version() -> None:
    result = run_lampiran("--version")

    assert (result.code, result.out) == (0, f"lampiran {__version__}\n")


def test_a_bug_is_reported_without_traceback_unless_debug(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_loader(folder: Path) -> None:
        raise RuntimeError("rusak")

    write_year(in_tmp)
    monkeypatch.setattr("lampiran.content.loading.load_year", broken_loader)

    result = run_lampiran("check", "content/2024")

    assert result.code == 1
    assert result.err == (
        "Galat: terjadi kesalahan di dalam lampiran sendiri (RuntimeError: rusak). Ini bukan "
        "kesalahan isi Anda; jalankan ulang dengan --debug dan laporkan hasilnya.\n"
    )
    with pytest.raises(RuntimeError, match="rusak"):
        run_lampiran("check", "content/2024", "--debug")


def run_module(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lampiran", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_content_2024_checks_clean_through_python_m_lampiran() -> None:
    result = run_module("check", "content/2024", cwd=REPO_ROOT)

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[-1] == "0 kesalahan, 0 peringatan"


def test_badly_broken_content_never_shows_a_traceback(tmp_path: Path) -> None:
    write_year(
        tmp_path,
        dokumen=b"\x00\xff\xfe garbage",
        sasaran={
            "01-a.yaml": "sasaran: [" * 200,
            "02-b.yaml": b"\xef\xbb\xbf" + b"indikator:\r\n  - nama: &x [*x]\r\n",
            "03-c.yaml": "sasaran: !!python/object/apply:os.system ['true']\n",
            "04-d.yaml": "- \t- :\n\x1b",
        },
    )

    result = run_module("check", "content/2024", cwd=tmp_path)

    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr == ""
    shown = result.stdout.splitlines()
    assert sorted({line.split(":")[0] for line in shown[:-1]}) == [
        "content/2024/dokumen.yaml",
        "content/2024/sasaran/01-a.yaml",
        "content/2024/sasaran/02-b.yaml",
        "content/2024/sasaran/03-c.yaml",
        "content/2024/sasaran/04-d.yaml",
    ]
    assert shown[-1] == "6 kesalahan, 0 peringatan"


def test_help_of_every_command_is_in_indonesian() -> None:
    english = ["Usage", "Options", "Show this", "default:", "Error", "[required]", "<="]
    for command in ["check", "build", "new", "diff", "spelling", "schema"]:
        result = run_lampiran(command, "--help")

        assert result.code == 0
        assert result.out.startswith(f"Cara pakai: lampiran {command} [PILIHAN]")
        assert [word for word in english if word in result.out] == [], command


def test_help_of_build_keeps_the_output_file_name_on_one_line() -> None:
    result = run_lampiran("build", "--help")

    assert "    FOLDER_TUJUAN/lampiran-2-perjanjian-kinerja-<tahun>.docx\n" in result.out


def test_a_reader_that_closes_the_pipe_early_is_no_bug_of_lampiran(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """``lampiran check | head -1``: printing the report fails, and that is not a bug."""

    def closed_pipe(*args: object, **kwargs: object) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr("lampiran.cli.print_report", closed_pipe)
    folder = write_year(tmp_path, sasaran={"01-a.yaml": "sasaran: [tidak ditutup\n"})

    outcome = run_lampiran("build", str(folder), "-o", str(tmp_path / "dist"))

    assert outcome.code == 1
    assert outcome.err == ""
