"""The JSON Schemas for editors: shipped, wired into VS Code, and agreeing with check."""

from __future__ import annotations

import fnmatch
import json
import re
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from conftest import (
    CONTENT_2024,
    PK_2025,
    REPO_ROOT,
    SIGNING_BLOCK,
    VALID_DOKUMEN,
    VALID_PROGRAM,
    VALID_SASARAN,
    run_lampiran,
    write_year,
)
from lampiran.content.loading import load_year
from lampiran.content.schema import SCHEMAS, render_schema

SCHEMA_DIR = REPO_ROOT / "schema"


class Yaml12Loader(yaml.SafeLoader):
    """Reads YAML as yaml-language-server does (YAML 1.2 core): no dates, no yes/no."""

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 - PyYAML's own protocol


Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")
)
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


def schema_for(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return loaded


def schema_accepts(schema_name: str, text: str) -> bool:
    schema = schema_for(schema_name)
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    data = yaml.load(textwrap.dedent(text), Loader=Yaml12Loader)
    return bool(validator.is_valid(data))


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_shipped_schema_equals_the_one_generated_from_the_models(name: str) -> None:
    shipped = (SCHEMA_DIR / name).read_text(encoding="utf-8")

    generated = render_schema(SCHEMAS[name])

    assert shipped == generated, f"schema/{name} is stale: run 'lampiran schema'"


def test_schema_command_writes_the_shipped_schemas(tmp_path: Path) -> None:
    outcome = run_lampiran("schema", "-o", str(tmp_path / "out"))

    assert outcome.code == 0, outcome.err
    for name in SCHEMAS:
        written = (tmp_path / "out" / name).read_text(encoding="utf-8")
        assert written == (SCHEMA_DIR / name).read_text(encoding="utf-8")
        assert f"{name} ditulis." in outcome.out


def test_schema_command_refuses_a_file_as_output_folder(tmp_path: Path) -> None:
    occupied = tmp_path / "schema"
    occupied.write_text("bukan folder", encoding="utf-8")

    outcome = run_lampiran("schema", "-o", str(occupied))

    assert outcome.code == 2
    assert occupied.read_text(encoding="utf-8") == "bukan folder"


def test_schemas_describe_fields_in_indonesian_with_examples() -> None:
    sasaran = schema_for("sasaran.schema.json")
    indikator = sasaran["$defs"]["Indikator"]

    assert sasaran["description"].startswith("Berkas di folder sasaran/")
    assert "Desimal memakai koma" in indikator["properties"]["target"]["description"]
    assert "99,99%" in indikator["properties"]["target"]["examples"]
    assert indikator["additionalProperties"] is False


def content_files() -> list[Path]:
    return [CONTENT_2024 / "dokumen.yaml", *sorted((CONTENT_2024 / "sasaran").glob("*.yaml"))]


@pytest.mark.parametrize("path", content_files(), ids=lambda p: p.name)
def test_content_file_names_its_schema_on_the_first_line(path: Path) -> None:
    first_line = path.read_text(encoding="utf-8").splitlines()[0]

    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first_line)

    assert match is not None, first_line
    expected = "dokumen.schema.json" if path.name == "dokumen.yaml" else "sasaran.schema.json"
    assert (path.parent / match.group(1)).resolve() == (SCHEMA_DIR / expected).resolve()


def test_vscode_settings_map_each_schema_onto_its_content_files() -> None:
    settings = json.loads((REPO_ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))

    mapping = settings["yaml.schemas"]

    for path in content_files():
        relative = path.relative_to(REPO_ROOT).as_posix()
        matched = [
            schema
            for schema, globs in mapping.items()
            if any(fnmatch.fnmatch(relative, glob) for glob in globs)
        ]
        expected = "dokumen.schema.json" if path.name == "dokumen.yaml" else "sasaran.schema.json"
        assert [Path(schema).name for schema in matched] == [expected], relative
        assert (REPO_ROOT / matched[0]).is_file()


SASARAN_CASES: dict[str, tuple[bool, str]] = {
    "the example file": (True, VALID_SASARAN),
    "target as an unquoted whole number": (True, VALID_SASARAN.replace("99,99%", "77")),
    "target as an unquoted decimal": (True, VALID_SASARAN.replace("99,99%", "83.50")),
    "target as words": (True, VALID_SASARAN.replace("99,99%", "WTP")),
    "target with thousands and a unit": (
        True,
        VALID_SASARAN.replace("99,99%", "90 per 100.000 KH"),
    ),
    "title as a one-line block": (
        True,
        VALID_SASARAN.replace(
            "sasaran: Meningkatnya Disiplin Aparatur",
            "sasaran: |\n  Meningkatnya Disiplin Aparatur",
        ),
    ),
    "title that looks like a number": (
        True,
        VALID_SASARAN.replace("sasaran: Meningkatnya Disiplin Aparatur", "sasaran: 2024"),
    ),
    "formulasi left empty": (
        True,
        VALID_SASARAN.replace(
            "formulasi: Jumlah ASN / jumlah keseluruhan ASN X 100%", "formulasi:"
        ),
    ),
    "formulasi empty in quotes": (
        True,
        VALID_SASARAN.replace(
            "formulasi: Jumlah ASN / jumlah keseluruhan ASN X 100%", 'formulasi: ""'
        ),
    ),
    "sumber_data left out": (
        True,
        VALID_SASARAN.replace("    sumber_data: Laporan Realisasi Kinerja\n", ""),
    ),
    "Markdown list in relevansi": (
        True,
        VALID_SASARAN.replace(
            "relevansi: Relevansi indikator.",
            "relevansi: |\n      Dua hal:\n\n      - **satu**\n      - dua",
        ),
    ),
    "misspelled key": (False, VALID_SASARAN.replace("sumber_data:", "sumber_dta:")),
    "relevansi missing": (
        False,
        VALID_SASARAN.replace("    relevansi: Relevansi indikator.\n", ""),
    ),
    "no indikator": (False, VALID_SASARAN.split("indikator:")[0] + "indikator: []\n"),
    "indikator as a mapping": (False, VALID_SASARAN.replace("  - nama:", "    nama:")),
    "target with a dot for decimals": (False, VALID_SASARAN.replace("99,99%", "99.99%")),
    "target in English notation": (False, VALID_SASARAN.replace("99,99%", '"1,000.50"')),
    "target empty": (False, VALID_SASARAN.replace("99,99%", '""')),
    "target missing a value": (False, VALID_SASARAN.replace("target: 99,99%", "target:")),
    "title on two lines": (
        False,
        VALID_SASARAN.replace(
            "sasaran: Meningkatnya Disiplin Aparatur", "sasaran: |\n  Meningkatnya\n  Disiplin"
        ),
    ),
    "uraian empty": (
        False,
        VALID_SASARAN.replace("uraian: |\n  Kalimat pertama.\n  Kalimat kedua.", 'uraian: "  "'),
    ),
    "relevansi as a list": (
        False,
        VALID_SASARAN.replace("relevansi: Relevansi indikator.", "relevansi:\n      - satu"),
    ),
}

# The NIP unquoted: editors must accept it as YAML reads it, a plain number.
SIGNED = VALID_DOKUMEN + SIGNING_BLOCK.replace('"19700101 199003 1 001"', "19700101 199003 1 001")

DOKUMEN_CASES: dict[str, tuple[bool, str]] = {
    "the example file": (True, VALID_DOKUMEN),
    "lampiran as an unquoted number": (True, VALID_DOKUMEN + "lampiran: 2\n"),
    "tahun in quotes": (True, VALID_DOKUMEN.replace("tahun: 2024", 'tahun: "2024"')),
    "penandatangan left empty": (True, VALID_DOKUMEN + "penandatangan:\n"),
    "signature block": (True, SIGNED),
    "NIP as an unquoted number": (
        True,
        SIGNED.replace("19700101 199003 1 001", "197001011990031001"),
    ),
    "NIP left empty": (True, SIGNED.replace("nip: 19700101 199003 1 001", "nip:")),
    "tahun out of range": (False, VALID_DOKUMEN.replace("tahun: 2024", "tahun: 1999")),
    "tahun in words": (False, VALID_DOKUMEN.replace("tahun: 2024", "tahun: dua ribu")),
    "instansi missing": (False, "tahun: 2024\n"),
    "misspelled key": (False, VALID_DOKUMEN.replace("instansi:", "instansii:")),
    "NIP with 17 digits": (False, SIGNED.replace("19700101 199003 1 001", "19700101 199003 1 01")),
    "NIP with letters": (False, SIGNED.replace("19700101 199003 1 001", "19700101 199003 1 OO1")),
    "NIP as a short number": (False, SIGNED.replace("19700101 199003 1 001", "12345")),
    "date written day first": (False, SIGNED.replace("2024-01-31", "31-01-2024")),
    "date that does not exist": (False, SIGNED.replace("2024-01-31", "2024-02-30")),
    "pihak_kedua missing": (False, SIGNED.split("  pihak_kedua:")[0]),
    "perubahan true": (True, VALID_DOKUMEN + "perubahan: true\n"),
    "perubahan ya": (True, VALID_DOKUMEN + "perubahan: ya\n"),
    "perubahan Tidak": (True, VALID_DOKUMEN + "perubahan: Tidak\n"),
    "perubahan left empty": (True, VALID_DOKUMEN + "perubahan:\n"),
    "perubahan maybe": (False, VALID_DOKUMEN + "perubahan: mungkin\n"),
    "status Plt.": (
        True,
        SIGNED.replace(
            "    jabatan: Kepala Badan\n", "    jabatan: Kepala Badan\n    status: Plt.\n"
        ),
    ),
    "status Pj.": (
        True,
        SIGNED.replace(
            "    jabatan: Bupati Contoh\n", "    jabatan: Bupati Contoh\n    status: Pj.\n"
        ),
    ),
    "status without its dot": (
        False,
        SIGNED.replace(
            "    jabatan: Bupati Contoh\n", "    jabatan: Bupati Contoh\n    status: Pj\n"
        ),
    ),
    "status unknown": (
        False,
        SIGNED.replace(
            "    jabatan: Bupati Contoh\n", "    jabatan: Bupati Contoh\n    status: Kepala\n"
        ),
    ),
}

PROGRAM_CASES: dict[str, tuple[bool, str]] = {
    "the example file": (True, VALID_PROGRAM),
    "anggaran in quotes": (True, VALID_PROGRAM.replace("4.100.832.755", '"4.100.832.755"')),
    "anggaran with ,00": (True, VALID_PROGRAM.replace("4.100.832.755", "4.100.832.755,00")),
    "anggaran 0": (True, VALID_PROGRAM.replace("1589645600", "0")),
    "keterangan left empty": (True, VALID_PROGRAM.replace("keterangan: APBD", "keterangan:")),
    "anggaran as a decimal": (False, VALID_PROGRAM.replace("4.100.832.755", "155.2")),
    "anggaran abbreviated": (False, VALID_PROGRAM.replace("4.100.832.755", "1.5 M")),
    "anggaran with Rp": (False, VALID_PROGRAM.replace("4.100.832.755", "Rp 5 juta")),
    "anggaran negative": (False, VALID_PROGRAM.replace("1589645600", "-1589645600")),
    "anggaran with English commas": (
        False,
        VALID_PROGRAM.replace("4.100.832.755", '"4,100,832,755"'),
    ),
    "anggaran missing": (False, VALID_PROGRAM.replace("    anggaran: 1589645600\n", "")),
    "anggaran too large": (False, VALID_PROGRAM.replace("1589645600", "1000000000000000")),
    "empty list": (False, "program: []\n"),
    "misspelled key": (False, VALID_PROGRAM.replace("keterangan:", "keteranga:")),
    "nama on two lines": (
        False,
        VALID_PROGRAM.replace(
            "nama: Program Pengelolaan Aplikasi Informatika",
            "nama: |\n      Program\n      Aplikasi",
        ),
    ),
}


def check_accepts(tmp_path: Path, dokumen: str, sasaran: str, program: str | None = None) -> bool:
    folder = write_year(
        tmp_path, dokumen=dokumen, sasaran={"01-disiplin.yaml": sasaran}, program=program
    )
    _, report = load_year(folder)
    return not report.has_errors


AGREEMENT_CASES = [
    *(("sasaran", case) for case in sorted(SASARAN_CASES)),
    *(("dokumen", case) for case in sorted(DOKUMEN_CASES)),
    *(("program", case) for case in sorted(PROGRAM_CASES)),
]


@pytest.mark.parametrize(("kind", "case"), AGREEMENT_CASES)
def test_schema_agrees_with_check(kind: str, case: str, tmp_path: Path) -> None:
    cases = {"sasaran": SASARAN_CASES, "dokumen": DOKUMEN_CASES, "program": PROGRAM_CASES}
    valid, text = cases[kind][case]
    dokumen = text if kind == "dokumen" else VALID_DOKUMEN
    sasaran = text if kind == "sasaran" else VALID_SASARAN

    by_check = check_accepts(tmp_path, dokumen, sasaran, text if kind == "program" else None)
    by_schema = schema_accepts(f"{kind}.schema.json", text)

    assert (by_check, by_schema) == (valid, valid)


@pytest.mark.parametrize(
    "path", [PK_2025 / "dokumen.yaml", PK_2025 / "program.yaml"], ids=lambda p: p.name
)
def test_schema_accepts_the_pk_fixture(path: Path) -> None:
    assert schema_accepts(path.name.replace(".yaml", ".schema.json"), path.read_text("utf-8"))


def test_vscode_settings_map_program_yaml_onto_its_schema() -> None:
    settings = json.loads((REPO_ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))

    matched = [
        schema
        for schema, globs in settings["yaml.schemas"].items()
        if any(fnmatch.fnmatch("content/2025/program.yaml", glob) for glob in globs)
    ]

    assert matched == ["./schema/program.schema.json"]
    first_line = (PK_2025 / "program.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../../../../schema/program.schema.json"


@pytest.mark.parametrize("path", content_files(), ids=lambda p: p.name)
def test_schema_accepts_the_signed_2024_content(path: Path) -> None:
    name = "dokumen.schema.json" if path.name == "dokumen.yaml" else "sasaran.schema.json"

    assert schema_accepts(name, path.read_text(encoding="utf-8"))
