"""The content model, version 1 (``shared/design/content-format.md``), in pydantic.

The descriptions of the fields are written in Bahasa Indonesia because they are shown to
planning staff: in the JSON Schema their editor reads and in the documentation. They use
``Field(description=...)`` rather than attribute docstrings, which would make pydantic
re-read this source file at every start.

Validators raise :class:`pydantic_core.PydanticCustomError` with a finished Indonesian
message; ``content.py`` turns every error into a located problem.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.functional_validators import BeforeValidator
from pydantic_core import PydanticCustomError

from lampiran.targets import TargetTextError, normalize_target
from lampiran.yamlsource import PlainNumber

CONTENT_FORMAT_VERSION = 1

_NIP_DIGITS = 18


def _custom(message: str) -> PydanticCustomError:
    return PydanticCustomError("lampiran", message)


def _as_text(value: Any) -> Any:
    """Accept an unquoted number or word as the text the author typed."""
    if isinstance(value, bool | int | float):
        return str(value)
    return value


def _one_line(value: Any) -> Any:
    value = _as_text(value)
    if isinstance(value, str):
        value = value.strip()
        if not value:
            raise _custom("tidak boleh kosong; isi dengan teks satu baris")
        if "\n" in value:
            raise _custom(
                "harus ditulis dalam satu baris; gabungkan barisnya atau hapus tanda '|'"
            )
    return value


def _prose(value: Any) -> Any:
    value = _as_text(value)
    if isinstance(value, str):
        value = value.strip()
        if not value:
            raise _custom("tidak boleh kosong; tulis uraiannya (boleh beberapa kalimat)")
    return value


def _optional_prose(value: Any) -> Any:
    value = _as_text(value)
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


OneLine = Annotated[str, BeforeValidator(_one_line)]
"""A single line of text, such as a title or a name."""

Prose = Annotated[str, BeforeValidator(_prose)]
"""Required Markdown prose."""

OptionalProse = Annotated[str | None, BeforeValidator(_optional_prose)]
"""Markdown prose that may be left out (printed as ``-``)."""


class _Strict(BaseModel):
    """Shared configuration: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Pihak(_Strict):
    """One party of the agreement, as printed in the signature block."""

    nama: OneLine = Field(
        description="Nama lengkap beserta gelar, dicetak tebal dan bergaris bawah.",
        examples=["Dr. NAMA KEPALA, S.Sos., M.Si."],
    )
    jabatan: OneLine = Field(
        description="Jabatan yang dicetak di bawah 'PIHAK PERTAMA,' atau 'PIHAK KEDUA,'.",
        examples=["Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"],
    )
    pangkat: OneLine | None = Field(
        default=None,
        description="Pangkat/golongan (boleh dikosongkan), dicetak di bawah nama.",
        examples=["Pembina Utama Muda"],
    )
    nip: str | None = Field(
        default=None,
        description=(
            "NIP 18 angka, boleh dengan atau tanpa spasi; dicetak 'NIP. 19700101 199003 1 001'."
        ),
        examples=["19700101 199003 1 001"],
    )

    @field_validator("nip", mode="before")
    @classmethod
    def _nip_has_18_digits(cls, value: Any) -> Any:
        value = _as_text(value)
        if not isinstance(value, str):
            return value
        compact = re.sub(r"\s+", "", value)
        if not compact:
            return None
        if not compact.isdigit() or not compact.isascii():
            raise _custom(
                f"NIP '{value.strip()}' hanya boleh berisi angka dan spasi, "
                "misalnya \"19700101 199003 1 001\""
            )
        if len(compact) != _NIP_DIGITS:
            raise _custom(
                f"NIP harus 18 angka, yang tertulis {len(compact)} angka; periksa kembali"
            )
        return compact


class Penandatangan(_Strict):
    """The signature block that closes the document."""

    tempat: OneLine = Field(
        description="Tempat penandatanganan, dicetak di baris tanggal.",
        examples=["Contoh"],
    )
    tanggal: datetime.date = Field(
        description="Tanggal penandatanganan dalam format TTTT-BB-HH; dicetak '31 Januari 2024'.",
        examples=["2024-01-31"],
    )
    pihak_pertama: Pihak = Field(
        description="Pihak pertama: kepala perangkat daerah (kolom kanan)."
    )
    pihak_kedua: Pihak = Field(
        description="Pihak kedua: kepala daerah (kolom kiri)."
    )


class Dokumen(_Strict):
    """``dokumen.yaml``: the document as a whole."""

    instansi: OneLine = Field(
        description="Nama perangkat daerah, dicetak di bawah judul.",
        examples=["Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"],
    )
    tahun: int = Field(
        ge=2000,
        le=2100,
        description="Tahun perjanjian kinerja; harus sama dengan nama folder (content/2024).",
        examples=[2024],
    )
    lampiran: OneLine = Field(
        default="2",
        description="Nomor lampiran pada judul: 2 menjadi 'LAMPIRAN 2 PERJANJIAN KINERJA'.",
        examples=["2"],
    )
    pemerintah_daerah: OneLine | None = Field(
        default=None,
        description="Nama pemerintah daerah (boleh dikosongkan).",
        examples=["Pemerintah Kabupaten Contoh"],
    )
    penandatangan: Penandatangan | None = Field(
        default=None,
        description="Blok tanda tangan di akhir dokumen; bila dihapus, blok itu tidak dicetak.",
    )

    @field_validator("tahun", mode="before")
    @classmethod
    def _tahun_is_whole_year(cls, value: Any) -> Any:
        if isinstance(value, str) and not re.fullmatch(r"\s*\d{4}\s*", value):
            raise _custom(f"tahun harus empat angka, misalnya 2024 (tertulis '{value}')")
        return value


class Indikator(_Strict):
    """One performance indicator: a row in each of the two tables."""

    nama: OneLine = Field(
        description="Nama indikator kinerja (kolom 'Uraian' dan 'Indikator Kinerja').",
        examples=["Cakupan ASN yang tidak dijatuhi hukuman disiplin"],
    )
    relevansi: Prose = Field(
        description="Relevansi indikator terhadap sasaran (Markdown), kolom 'Relevansi'.",
    )
    formulasi: OptionalProse = Field(
        default=None,
        description="Cara menghitung (Markdown); bila dikosongkan dicetak '-'.",
        examples=["Jumlah ASN yang tidak dijatuhi hukuman disiplin / jumlah keseluruhan ASN X 100%"],
    )
    sumber_data: OptionalProse = Field(
        default=None,
        description="Sumber data (Markdown); bila dikosongkan dicetak '-'.",
        examples=["Laporan Realisasi Kinerja Sub Bidang Pengadaan dan Pemberhentian"],
    )
    target: str = Field(
        description=(
            "Target, dicetak persis seperti ditulis: 99,99% / 83,50% / 77 / WTP / 100 dokumen. "
            "Desimal memakai koma."
        ),
        examples=["99,99%", "77", "BB"],
    )
    penjelasan_target: Prose = Field(
        description="Penjelasan target (Markdown), kolom 'Penjelasan' pada tabel target.",
    )

    @field_validator("target", mode="before")
    @classmethod
    def _target_as_written(cls, value: Any) -> Any:
        if value is None:
            raise _custom("target tidak boleh kosong; tulis targetnya, misalnya 99,99%")
        unquoted = isinstance(value, PlainNumber | int | float) and not isinstance(value, bool)
        if not isinstance(value, str):
            value = str(value) if unquoted else value
        if not isinstance(value, str):
            return value
        try:
            return normalize_target(value, unquoted_number=unquoted)
        except TargetTextError as exc:
            raise _custom(str(exc)) from None


class Sasaran(_Strict):
    """A file in ``sasaran/``: one strategic objective and its indicators."""

    sasaran: OneLine = Field(
        description="Judul sasaran strategis, satu baris.",
        examples=["Meningkatnya Disiplin Aparatur"],
    )
    uraian: Prose = Field(
        description="Uraian sasaran (Markdown): satu kalimat per baris memudahkan melihat perubahan.",
    )
    indikator: list[Indikator] = Field(
        min_length=1,
        description="Daftar indikator kinerja; minimal satu.",
    )
