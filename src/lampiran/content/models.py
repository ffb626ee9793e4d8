"""The content model, version 1.1 (``shared/design/content-format.md``), in pydantic.

Version 1.1 only adds optional keys (``perubahan``, ``status`` of each party) and the
optional ``program.yaml``; every version 1 year is still valid.

The descriptions of the fields are written in Bahasa Indonesia because they are shown to
planning staff: in the JSON Schema their editor reads and in the documentation. They use
``Field(description=...)`` rather than attribute docstrings, which would make pydantic
re-read this source file at every start.

Validators raise :class:`pydantic_core.PydanticCustomError` with a finished Indonesian
message; ``content.py`` turns every error into a located problem.
"""

from __future__ import annotations

import datetime
import os
import re
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, field_validator
from pydantic.functional_validators import BeforeValidator
from pydantic_core import PydanticCustomError

from lampiran.content.anggaran import (
    ACCEPTED_FORMS,
    MAX_ANGGARAN,
    AnggaranTextError,
    check_amount,
    parse_anggaran,
)
from lampiran.content.targets import TargetTextError, normalize_target
from lampiran.errors import shorten
from lampiran.source.yamlreader import PlainNumber
from lampiran.text.formatting import BULAN
from lampiran.workspace import MAX_TAHUN, MIN_TAHUN

# No pydantic plugin is used. Without this, creating the first model below scans the
# metadata of every installed distribution for plugins, at every start of the command.
# It is read when the models are created, so setting it here (not before the imports)
# is early enough; a user who wants a plugin can still set the variable themselves.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

CONTENT_FORMAT_VERSION = "1.1"

_NIP_DIGITS = 18


def _custom(message: str) -> PydanticCustomError:
    return PydanticCustomError("lampiran", message)


# Characters that cannot be printed in a Word document (XML refuses most of them). They
# can only reach a value through an escape in double quotes ("\x07", "\ud800"), since the
# reader refuses them written raw. A lone surrogate cannot even be written as UTF-8.
# Noncharacters (U+FDD0..U+FDEF) are never text; the Markdown parser uses them internally.
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)

MAX_PROSE_CHARACTERS = 100_000
"""The longest prose field (about thirty printed pages); longer is refused, never cut."""
MAX_LINE_CHARACTERS = 2_000
"""The longest one-line value (a title, a name, a target)."""


def _as_text(value: Any) -> Any:
    """Accept an unquoted number or word as the text the author typed; refuse unprintables."""
    if isinstance(value, bool | int | float):
        return str(value)
    if isinstance(value, str):
        _refuse_unprintable(value)
    return value


def _refuse_unprintable(text: str) -> None:
    found = _UNPRINTABLE.search(text)
    if found is not None:
        raise _custom(
            f"teks memuat karakter kendali yang tidak dapat dicetak "
            f"(kode {ord(found.group()):#06x}, biasanya tertulis sebagai kode dengan '\\' "
            "di dalam tanda kutip ganda); hapus karakter itu"
        )


def _one_line(value: Any) -> Any:
    value = _as_text(value)
    if isinstance(value, str):
        value = value.strip()
        if not value:
            raise _custom("tidak boleh kosong; isi dengan teks satu baris")
        if "\n" in value:
            raise _custom("harus ditulis dalam satu baris; gabungkan barisnya atau hapus tanda '|'")
        _refuse_longer_than(value, MAX_LINE_CHARACTERS)
    return value


def _prose(value: Any) -> Any:
    value = _as_text(value)
    if isinstance(value, str):
        value = value.strip()
        if not value:
            raise _custom("tidak boleh kosong; tulis uraiannya (boleh beberapa kalimat)")
        _refuse_longer_than(value, MAX_PROSE_CHARACTERS)
    return value


def _optional_prose(value: Any) -> Any:
    value = _as_text(value)
    if isinstance(value, str):
        value = value.strip()
        _refuse_longer_than(value, MAX_PROSE_CHARACTERS)
        return value or None
    return value


def _refuse_longer_than(text: str, limit: int) -> None:
    """Refuse a value over ``limit`` characters: it is a pasting accident, not content.

    The bound also keeps the Markdown parser, whose inline processing grows with the
    square of the number of marks in one paragraph, within a fraction of a second.
    """
    if len(text) > limit:
        raise _custom(
            f"teks ini {_thousands(len(text))} karakter, lebih panjang dari batas "
            f"{_thousands(limit)} karakter; periksa apakah ada teks yang tertempel berulang, "
            "atau ringkas uraiannya"
        )


def _thousands(number: int) -> str:
    """``20000`` -> ``20.000``, as Indonesian writes numbers."""
    return f"{number:,}".replace(",", ".")


# JSON Schema of each kind of value, for editors (``lampiran schema``). Each one mirrors
# the validator beside it: the YAML loader keeps the text of unquoted scalars, so a value
# that an editor sees as a number or a boolean (``target: 77``, ``lampiran: 2``) is text
# here and must be accepted by the schema too.
_TEXT_TYPES = ["string", "number", "boolean"]

_ONE_LINE_SCHEMA = {
    "type": _TEXT_TYPES,
    "pattern": r"^\s*[^\n]*\S[^\n]*\s*$",
    "patternErrorMessage": "Isi dengan teks satu baris (tidak boleh kosong).",
    "maxLength": MAX_LINE_CHARACTERS,
}

_PROSE_SCHEMA = {
    "type": _TEXT_TYPES,
    "pattern": r"\S",
    "patternErrorMessage": "Tidak boleh kosong; tulis uraiannya.",
    "maxLength": MAX_PROSE_CHARACTERS,
}

OneLine = Annotated[str, BeforeValidator(_one_line), WithJsonSchema(_ONE_LINE_SCHEMA)]
"""A single line of text, such as a title or a name."""

Prose = Annotated[str, BeforeValidator(_prose), WithJsonSchema(_PROSE_SCHEMA)]
"""Required Markdown prose."""

OptionalProse = Annotated[
    str | None,
    BeforeValidator(_optional_prose),
    WithJsonSchema({"type": [*_TEXT_TYPES, "null"], "maxLength": MAX_PROSE_CHARACTERS}),
]
"""Markdown prose that may be left out (printed as ``-``)."""

# Keywords only apply to their own type ("pattern" to strings, "minimum" to numbers), so
# one flat schema per value lets editors show the Indonesian message of the rule broken
# instead of a list of alternatives.
_NIP_SCHEMA = {
    "type": ["string", "integer", "null"],
    "pattern": r"^\s*(?:(?:[0-9]\s*){18})?$",
    "patternErrorMessage": "NIP harus 18 angka, boleh dengan spasi: 19700101 199003 1 001",
    "minimum": 10**17,
    "maximum": 10**18 - 1,
}

_TAHUN_SCHEMA = {
    "type": ["integer", "string"],
    "minimum": MIN_TAHUN,
    "maximum": MAX_TAHUN,
    # The pattern spells out 2000-2100 (a regular expression cannot take the constants).
    "pattern": r"^\s*(?:20[0-9]{2}|2100)\s*$",
    "patternErrorMessage": (
        f"Tahun harus empat angka antara {MIN_TAHUN} dan {MAX_TAHUN}, misalnya 2024."
    ),
}

_TANGGAL_SCHEMA = {
    "type": "string",
    "format": "date",
    "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    "patternErrorMessage": "Tulis tanggal dengan format TTTT-BB-HH, misalnya 2024-01-31.",
}

# A target in text must not use a dot for decimals (99.99%) nor English thousands
# (1,000.50), nor put '%' first or sit in Word's curly quotes: the rules of
# ``targets.normalize_target`` that can be told from the text alone.
_TARGET_SCHEMA = {
    "type": _TEXT_TYPES,
    "pattern": (
        r"^(?!\s*[+-]?[0-9]+\.[0-9]{1,2}(?![0-9]))"
        r"(?!\s*[+-]?[0-9]{1,3}(?:,[0-9]{3})+\.[0-9])"
        r"(?!\s*%\s*[0-9])"
        "(?!\\s*[\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb].*"
        "[\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb]\\s*$)"
        r"\s*[^\n]*\S[^\n]*\s*$"
    ),
    "patternErrorMessage": (
        "Target ditulis satu baris dengan koma sebagai pemisah desimal, misalnya 99,99%."
    ),
    "maxLength": MAX_LINE_CHARACTERS,
}

STATUS_WORDS = {"Plt.": "pelaksana tugas", "Plh.": "pelaksana harian", "Pj.": "penjabat"}
"""The acting titles printed before a jabatan, and what each one means."""

_STATUS_SCHEMA = {
    "type": ["string", "null"],
    "enum": [*STATUS_WORDS, None],
    "errorMessage": "Tulis Plt., Plh. atau Pj. (dengan titik), atau hapus baris ini.",
}

_PERUBAHAN_TRUE = {"true", "ya", "yes"}
_PERUBAHAN_FALSE = {"false", "tidak", "no"}


def _any_case(word: str) -> str:
    """A regular expression matching ``word`` in any case (JSON Schema has no flags)."""
    return "".join(f"[{c.upper()}{c.lower()}]" for c in word)


_PERUBAHAN_SCHEMA = {
    "type": ["boolean", "string", "null"],
    "pattern": (
        r"^\s*(?:"
        + "|".join(_any_case(w) for w in sorted(_PERUBAHAN_TRUE | _PERUBAHAN_FALSE))
        + r")\s*$"
    ),
    "patternErrorMessage": "Tulis true (PK Perubahan) atau false; ya dan tidak juga diterima.",
}

# Whole rupiah: dots grouping thousands or plain digits, an optional ",00". An editor
# reads an unquoted 4.100.832.755 as text and 1589645600 as a whole number; a decimal
# such as 155.2 is a number that is not whole, which this schema refuses like check.
_ANGGARAN_SCHEMA = {
    "type": ["integer", "string"],
    "minimum": 0,
    "maximum": MAX_ANGGARAN,
    "pattern": r"^\s*(?:0|[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[1-9][0-9]*)(?:,00)?\s*$",
    "patternErrorMessage": (f"Anggaran ditulis dalam rupiah penuh, tanpa Rp: {ACCEPTED_FORMS}."),
}


def _read_other_date_format(text: str) -> datetime.date | None:
    """The date meant by ``31-01-2024``, ``31/01/2024``, ``2024-1-31`` or ``31 Januari 2024``.

    Only used to propose the ISO spelling in the message; such dates are still refused,
    because ``01-02-2024`` means a different day to different readers.
    """
    text = text.strip()
    day_first = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
    year_first = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text)
    in_words = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})", text)
    try:
        if day_first:
            return datetime.date(int(day_first[3]), int(day_first[2]), int(day_first[1]))
        if year_first:
            return datetime.date(int(year_first[1]), int(year_first[2]), int(year_first[3]))
        if in_words and in_words[2].lower() in BULAN:
            month = BULAN.index(in_words[2].lower()) + 1
            return datetime.date(int(in_words[3]), month, int(in_words[1]))
    except ValueError:
        return None
    return None


class _Strict(BaseModel):
    """Shared configuration: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Pihak(_Strict):
    """One party of the agreement, as printed in the signature block."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Salah satu pihak perjanjian, sebagaimana dicetak di blok tanda tangan."
        }
    )

    nama: OneLine = Field(
        description="Nama lengkap beserta gelar, dicetak tebal dan bergaris bawah.",
        examples=["Dr. NAMA KEPALA, S.Sos., M.Si."],
    )
    jabatan: OneLine = Field(
        description="Jabatan yang dicetak di bawah 'PIHAK PERTAMA,' atau 'PIHAK KEDUA,'.",
        examples=["Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"],
    )
    status: Annotated[str | None, WithJsonSchema(_STATUS_SCHEMA)] = Field(
        default=None,
        description=(
            "Plt. (pelaksana tugas), Plh. (pelaksana harian) atau Pj. (penjabat), dicetak "
            "di depan jabatan: 'Plt. Kepala Dinas ...'. Hapus bila pejabat definitif."
        ),
        examples=["Plt."],
    )
    pangkat: OneLine | None = Field(
        default=None,
        description="Pangkat/golongan (boleh dikosongkan), dicetak di bawah nama.",
        examples=["Pembina Utama Muda"],
    )
    nip: Annotated[str | None, WithJsonSchema(_NIP_SCHEMA)] = Field(
        default=None,
        title="NIP",
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
                f"NIP '{shorten(value)}' hanya boleh berisi angka dan spasi, "
                'misalnya "19700101 199003 1 001"'
            )
        if len(compact) != _NIP_DIGITS:
            raise _custom(
                f"NIP harus 18 angka, yang tertulis {len(compact)} angka; periksa kembali"
            )
        return compact

    @field_validator("status", mode="before")
    @classmethod
    def _status_is_an_acting_title(cls, value: Any) -> Any:
        value = _as_text(value)
        if not isinstance(value, str):
            return value
        written = value.strip()
        if not written:
            return None
        if written in STATUS_WORDS:
            return written
        meant = _meant_status(written)
        if meant is not None:
            raise _custom(f"tulis status '{shorten(written)}' sebagai {meant}")
        raise _custom(
            f"status '{shorten(written)}' tidak dikenal; tulis Plt. (pelaksana tugas), "
            "Plh. (pelaksana harian) atau Pj. (penjabat), atau hapus baris ini bila "
            "pejabatnya definitif"
        )

    @property
    def jabatan_tercetak(self) -> str:
        """The jabatan as printed: ``Plt. Kepala Dinas ...`` for an acting official."""
        return f"{self.status} {self.jabatan}" if self.status else self.jabatan


def _meant_status(written: str) -> str | None:
    """``plt``, ``PLT.``, ``Pelaksana Tugas``: the acting title the author meant."""
    folded = " ".join(written.casefold().split())
    for word, meaning in STATUS_WORDS.items():
        if folded in {word.casefold(), word.casefold().rstrip("."), meaning}:
            return word
    return None


class Penandatangan(_Strict):
    """The signature block that closes the document."""

    model_config = ConfigDict(
        json_schema_extra={"description": "Blok tanda tangan yang menutup dokumen."}
    )

    tempat: OneLine = Field(
        description="Tempat penandatanganan, dicetak di baris tanggal.",
        examples=["Contoh"],
    )
    tanggal: Annotated[datetime.date, WithJsonSchema(_TANGGAL_SCHEMA)] = Field(
        description="Tanggal penandatanganan dalam format TTTT-BB-HH; dicetak '31 Januari 2024'.",
        examples=["2024-01-31"],
    )
    pihak_pertama: Pihak = Field(
        description="Pihak pertama: kepala perangkat daerah (kolom kanan)."
    )
    pihak_kedua: Pihak = Field(description="Pihak kedua: kepala daerah (kolom kiri).")

    @field_validator("tanggal", mode="before")
    @classmethod
    def _tanggal_is_iso_date(cls, value: Any) -> Any:
        """Only TTTT-BB-HH: pydantic would also take a Unix timestamp or a date-time."""
        if isinstance(value, str) and not re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", value):
            meant = _read_other_date_format(value)
            example = f"; tulis {meant.isoformat()}" if meant else ", misalnya 2024-01-31"
            raise _custom(
                f"tanggal '{shorten(value)}' harus ditulis dengan format TTTT-BB-HH{example}"
            )
        return value


class Dokumen(_Strict):
    """``dokumen.yaml``: the document as a whole."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Berkas dokumen.yaml: keterangan dokumen secara keseluruhan."
        }
    )

    instansi: OneLine = Field(
        description="Nama perangkat daerah, dicetak di bawah judul.",
        examples=["Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"],
    )
    tahun: Annotated[int, WithJsonSchema(_TAHUN_SCHEMA)] = Field(
        ge=MIN_TAHUN,
        le=MAX_TAHUN,
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
        description=(
            "Blok tanda tangan di akhir dokumen; bila dihapus, blok itu tidak dicetak. "
            "Wajib untuk perjanjian kinerja lengkap, pernyataan dan Lampiran 1."
        ),
    )
    perubahan: Annotated[bool, WithJsonSchema(_PERUBAHAN_SCHEMA)] = Field(
        default=False,
        description=(
            "true untuk Perjanjian Kinerja Perubahan: setiap judul menjadi "
            "'PERJANJIAN KINERJA PERUBAHAN'. PK aslinya tetap ada di riwayat git."
        ),
        examples=[True],
    )

    @field_validator("perubahan", mode="before")
    @classmethod
    def _perubahan_is_yes_or_no(cls, value: Any) -> Any:
        if value is None:
            return False
        if isinstance(value, str):
            word = value.strip().casefold()
            if word in _PERUBAHAN_TRUE:
                return True
            if word in _PERUBAHAN_FALSE:
                return False
        if isinstance(value, bool):
            return value
        raise _custom(
            f"perubahan harus true (Perjanjian Kinerja Perubahan) atau false "
            f"(tertulis '{shorten(str(value))}')"
        )

    @field_validator("tahun", mode="before")
    @classmethod
    def _tahun_is_whole_year(cls, value: Any) -> Any:
        if isinstance(value, str) and not re.fullmatch(r"\s*\d{4}\s*", value):
            raise _custom(f"tahun harus empat angka, misalnya 2024 (tertulis '{shorten(value)}')")
        return value


class Indikator(_Strict):
    """One performance indicator: a row in each of the two tables."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Satu indikator kinerja: satu baris di tabel uraian dan di tabel target."
        }
    )

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
        examples=[
            "Jumlah ASN yang tidak dijatuhi hukuman disiplin / jumlah keseluruhan ASN X 100%"
        ],
    )
    sumber_data: OptionalProse = Field(
        default=None,
        description="Sumber data (Markdown); bila dikosongkan dicetak '-'.",
        examples=["Laporan Realisasi Kinerja Sub Bidang Pengadaan dan Pemberhentian"],
    )
    target: Annotated[str, WithJsonSchema(_TARGET_SCHEMA)] = Field(
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
        _refuse_unprintable(value)
        _refuse_longer_than(value.strip(), MAX_LINE_CHARACTERS)
        try:
            return normalize_target(value, unquoted_number=unquoted)
        except TargetTextError as exc:
            raise _custom(str(exc)) from None


class Sasaran(_Strict):
    """A file in ``sasaran/``: one strategic objective and its indicators."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Berkas di folder sasaran/: satu sasaran beserta indikator kinerjanya."
        }
    )

    sasaran: OneLine = Field(
        description="Judul sasaran strategis, satu baris.",
        examples=["Meningkatnya Disiplin Aparatur"],
    )
    uraian: Prose = Field(
        description=(
            "Uraian sasaran dalam Markdown (**tebal**, *miring*, daftar '- ' atau '1. '); "
            "tulis satu kalimat per baris agar perubahan mudah dilihat."
        ),
    )
    indikator: list[Indikator] = Field(
        min_length=1,
        description="Daftar indikator kinerja; minimal satu.",
    )


def _anggaran(value: Any) -> Any:
    """Whole rupiah from the author's text (see :mod:`lampiran.content.anggaran`)."""
    try:
        if value is None:
            return parse_anggaran("")
        if isinstance(value, bool):
            raise AnggaranTextError(
                f"anggaran '{str(value).lower()}' bukan jumlah rupiah; "
                f"bentuk yang diterima: {ACCEPTED_FORMS}"
            )
        if isinstance(value, int):
            return check_amount(value)
        if isinstance(value, float):
            return parse_anggaran(repr(value))
        if isinstance(value, str):
            _refuse_unprintable(value)
            return parse_anggaran(value)
    except AnggaranTextError as exc:
        raise _custom(str(exc)) from None
    return value


Anggaran = Annotated[int, BeforeValidator(_anggaran), WithJsonSchema(_ANGGARAN_SCHEMA)]
"""Whole rupiah, written ``4.100.832.755``, ``4100832755`` or ``4.100.832.755,00``."""


class Program(_Strict):
    """One program of Lampiran 1 and its budget."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Satu program beserta anggarannya, satu baris di tabel program."
        }
    )

    nama: OneLine = Field(
        description="Nama program, satu baris (kolom 'Program').",
        examples=["Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"],
    )
    anggaran: Anggaran = Field(
        description=(
            "Anggaran dalam rupiah penuh, tanpa Rp; titik memisahkan ribuan: "
            f"{ACCEPTED_FORMS}. Dicetak 'Rp4.100.832.755'."
        ),
        examples=["4.100.832.755", 1589645600],
    )
    keterangan: OneLine | None = Field(
        default=None,
        description="Keterangan (boleh dikosongkan), biasanya sumber dana: APBD.",
        examples=["APBD"],
    )


class ProgramFile(_Strict):
    """``program.yaml``: the programs and budget printed in Lampiran 1."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": (
                "Berkas program.yaml (boleh tidak ada): program dan anggaran yang dicetak "
                "di Lampiran 1 beserta jumlahnya."
            )
        }
    )

    program: list[Program] = Field(
        min_length=1,
        description="Daftar program; minimal satu. Jumlah anggarannya dihitung sendiri.",
    )
