"""Loading a year of content: files, YAML with positions, validation, checks across files.

Everything that can be wrong with a year is collected into one :class:`Report` before
anything stops, so that ``lampiran check`` shows every problem in a single run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from lampiran.content.models import Dokumen, Program, ProgramFile, Sasaran
from lampiran.content.prosecheck import check_prose
from lampiran.errors import ContentError, Problem, Report, shorten
from lampiran.source.files import FileRefused, check_real_folder
from lampiran.source.yamlreader import FieldPath, SourceFile, format_field
from lampiran.source.yearfiles import FolderFiles, YearFiles
from lampiran.text.names import name_key
from lampiran.workspace import MAX_TAHUN, MIN_TAHUN, is_year_name

DOKUMEN_FILE = "dokumen.yaml"
PROGRAM_FILE = "program.yaml"
SASARAN_DIR = "sasaran"

ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True)
class SasaranFile:
    """One sasaran file, validated, with its source positions."""

    path: Path
    source: SourceFile
    model: Sasaran

    @property
    def slug(self) -> str:
        """The file name without ``.yaml``: how years are matched with each other."""
        return self.path.stem


@dataclass(frozen=True)
class Year:
    """A whole year of content, valid: ``dokumen.yaml``, the sasaran in file order, and
    the programs of ``program.yaml`` (none when the year has no such file)."""

    folder: Path
    dokumen: Dokumen
    dokumen_source: SourceFile
    sasaran: tuple[SasaranFile, ...]
    program: tuple[Program, ...] = ()
    program_source: SourceFile | None = None

    @property
    def jumlah_anggaran(self) -> int:
        """The total of every program's anggaran (0 without programs)."""
        return sum(program.anggaran for program in self.program)


def load_year(folder: Path, *, compare_previous: bool = True) -> tuple[Year | None, Report]:
    """Read and validate every file of a year; the year is ``None`` when any error exists.

    Only regular files in real folders are read (:mod:`lampiran.source.files`): a year
    folder, ``sasaran/`` or content file that is a link, a FIFO or a device is a located
    error, and nothing of what it points to is read.

    With ``compare_previous``, a valid year is also compared with the year before it
    when that folder sits beside it (``content/2024`` for ``content/2025``): what a
    reviewer would flag comes back as warnings (:mod:`lampiran.content.previous`).
    """
    try:
        check_real_folder(folder)
    except FileRefused as exc:
        report = Report()
        report.add(exc.problem())
        return None, report
    year, report = load_year_files(FolderFiles(folder))
    if year is not None and compare_previous:
        from lampiran.content.previous import compare_with_previous_year

        report.extend(compare_with_previous_year(year))
    return year, report


def load_year_files(files: YearFiles) -> tuple[Year | None, Report]:
    """:func:`load_year` for a year kept anywhere (a git revision, in memory)."""
    report = Report()
    dokumen = _load_dokumen(files, report)
    loaded = _load_all_sasaran(files, report)
    program = _load_program(files, report)
    sasaran = loaded[0] if loaded is not None else None
    if dokumen is not None:
        _check_tahun_matches_folder(files.name, dokumen, report)
        _check_tanggal_in_year(dokumen, report)
        _check_status_not_in_jabatan(dokumen, report)
    if loaded is not None:
        _check_unique_titles(loaded[1], report)
        _check_unique_indicator_names(loaded[1], report)
    if program is not None:
        _check_programs(*program, report)
    if report.has_errors or dokumen is None or sasaran is None:
        return None, report
    dokumen_model, dokumen_source = dokumen
    programs, program_source = program if program is not None else (None, None)
    year = Year(
        files.root,
        dokumen_model,
        dokumen_source,
        tuple(sasaran),
        tuple(programs.program) if programs is not None else (),
        program_source,
    )
    return year, report


def require_year(folder: Path) -> tuple[Year, Report]:
    """Load a year for a command that needs valid content; raise :class:`ContentError`."""
    year, report = load_year(folder)
    if year is None:
        raise ContentError(report)
    return year, report


def _load_dokumen(files: YearFiles, report: Report) -> tuple[Dokumen, SourceFile] | None:
    path = files.shown(DOKUMEN_FILE)
    kind = files.kind(DOKUMEN_FILE)
    if kind == "dir":
        report.error(
            path,
            1,
            1,
            "",
            f"{DOKUMEN_FILE} adalah folder, padahal harus berupa berkas",
        )
        return None
    if kind is None:
        hint = (
            "; buat berkas itu dengan paling sedikit 'instansi:' dan 'tahun:' "
            "(lihat contoh di README)"
        )
        for other in _names(files, ""):
            if files.kind(other) == "file" and _misnamed(other, DOKUMEN_FILE):
                hint = f"; ganti nama '{other}' menjadi '{DOKUMEN_FILE}'"
        report.error(path, 1, 1, "", f"berkas {DOKUMEN_FILE} tidak ada{hint}")
        return None
    source = _read(files, DOKUMEN_FILE, report)
    if source is None:
        return None
    model = validate_source(source, Dokumen, report)
    return (model, source) if model is not None else None


def _load_program(files: YearFiles, report: Report) -> tuple[ProgramFile, SourceFile] | None:
    """``program.yaml`` when the year has one (it is optional), validated.

    A file meant to be it under another name (``Program.yaml``, ``program.yml``) is an
    error: skipping it would print Lampiran 1 without its program table.
    """
    kind = files.kind(PROGRAM_FILE)
    if kind == "dir":
        report.error(
            files.shown(PROGRAM_FILE),
            1,
            1,
            "",
            f"{PROGRAM_FILE} adalah folder, padahal harus berupa berkas",
        )
        return None
    if kind is None:
        for other in _names(files, ""):
            if files.kind(other) == "file" and _misnamed(other, PROGRAM_FILE):
                report.error(
                    files.shown(other),
                    1,
                    1,
                    "",
                    f"berkas ini tidak dibaca; ganti nama '{other}' menjadi '{PROGRAM_FILE}'",
                )
        return None
    source = _read(files, PROGRAM_FILE, report)
    if source is None:
        return None
    model = validate_source(source, ProgramFile, report)
    return (model, source) if model is not None else None


def _load_all_sasaran(
    files: YearFiles, report: Report
) -> tuple[list[SasaranFile], list[SourceFile]] | None:
    directory = files.shown(SASARAN_DIR)
    refused = files.refusal(SASARAN_DIR)
    if refused is not None:
        report.add(refused)
        return None
    if files.kind(SASARAN_DIR) != "dir":
        misnamed = [
            name
            for name in _names(files, "")
            if files.kind(name) == "dir" and name.strip().lower() == SASARAN_DIR
        ]
        fix = (
            f"ganti nama folder '{misnamed[0]}' menjadi '{SASARAN_DIR}' (huruf kecil semua)"
            if misnamed
            else "buat folder itu dan isi satu berkas per sasaran"
        )
        report.error(directory, 1, 1, "", f"folder {SASARAN_DIR}/ tidak ada; {fix}")
        return None
    names = sasaran_names(files, SASARAN_DIR, report)
    if not names:
        report.error(
            directory,
            1,
            1,
            "",
            "belum ada sasaran; tambahkan minimal satu berkas .yaml, misalnya 01-disiplin.yaml",
        )
        return None
    # Files that fail validation stay out of the valid list, but every readable file
    # takes part in the checks across files, so one run reports those problems too.
    loaded: list[SasaranFile] = []
    sources: list[SourceFile] = []
    for name in names:
        relative = f"{SASARAN_DIR}/{name}"
        source = _read(files, relative, report)
        if source is None:
            continue
        sources.append(source)
        model = validate_source(source, Sasaran, report)
        if model is not None:
            loaded.append(SasaranFile(files.shown(relative), source, model))
            report.extend(check_prose(model, source))
    return loaded, sources


def _names(files: YearFiles, relative: str) -> list[str]:
    """The names in a folder of the year, none when it is not a folder."""
    return files.names(relative) if files.kind(relative) == "dir" else []


def sasaran_paths(directory: Path, report: Report) -> list[Path]:
    """The ``*.yaml`` files of a ``sasaran/`` folder on the disk; see :func:`sasaran_names`."""
    return [directory / name for name in sasaran_names(FolderFiles(directory), "", report)]


def sasaran_names(files: YearFiles, relative: str, report: Report) -> list[str]:
    """The ``*.yaml`` names in the folder ``relative``, in name order; the rest is reported."""
    names: list[str] = []
    for name in files.names(relative):
        if name.startswith("."):
            continue
        where = f"{relative}/{name}" if relative else name
        entry = files.shown(where)
        named = PurePosixPath(name)
        suffix = named.suffix
        if suffix == ".yaml":
            # Read whatever it is: reading says why a folder, link or FIFO is refused.
            names.append(name)
        elif files.kind(where) == "dir":
            report.warning(
                entry,
                1,
                1,
                "",
                "folder di dalam sasaran/ tidak dibaca; pindahkan berkasnya ke sasaran/",
            )
        elif suffix.lower() in {".yaml", ".yml"}:
            report.error(
                entry,
                1,
                1,
                "",
                f"berkas sasaran harus berakhiran .yaml; ganti nama menjadi '{named.stem}.yaml'",
            )
        elif _saved_with_extra_suffix(name):
            report.error(
                entry,
                1,
                1,
                "",
                f"berkas ini berakhiran '{''.join(named.suffixes[-2:])}' (Notepad menambahkan "
                f"'{suffix}' saat menyimpan) sehingga tidak dibaca; ganti nama menjadi "
                f"'{name.rsplit('.', 2)[0]}.yaml'",
            )
        else:
            report.warning(
                entry,
                1,
                1,
                "",
                "berkas ini bukan .yaml sehingga tidak dibaca; "
                "pindahkan atau hapus bila tidak perlu",
            )
    return names


def _saved_with_extra_suffix(name: str) -> bool:
    """``01-disiplin.yaml.txt``: a content file that an editor saved with its own suffix."""
    parts = name.lower().rsplit(".", 2)
    return len(parts) == 3 and parts[1] in {"yaml", "yml"} and parts[2] in {"txt", "text"}


def _misnamed(name: str, wanted: str) -> bool:
    """A file meant to be ``wanted``: other case, ``.yml``, or saved as ``.yaml.txt``."""
    stem = wanted.rsplit(".", 1)[0]
    lowered = name.lower()
    return name != wanted and lowered in {
        wanted,
        f"{stem}.yml",
        f"{stem}.yaml.txt",
        f"{stem}.yml.txt",
        f"{stem}.txt",
    }


def _read(files: YearFiles, relative: str, report: Report) -> SourceFile | None:
    source, problems = files.read_yaml(relative)
    report.extend(problems)
    return source


def validate_source(source: SourceFile, model: type[ModelT], report: Report) -> ModelT | None:
    """Validate a file's data against ``model``; every pydantic error becomes a problem.

    For a file cut short by a syntax error (``stopped_at``), only problems with what was
    written before the error are reported: everything after it looks missing, and saying
    so would bury the one message that matters.
    """
    try:
        return model.model_validate(source.data)
    except ValidationError as exc:
        errors = exc.errors()
        misspelt = _misspelt_keys(errors, model)
        for error in errors:
            problem = _located(source, model, error)
            if _before_stop(source, error, problem) and _key_path(error) not in misspelt:
                report.add(problem)
        return None


def _key_path(error: Any) -> FieldPath | None:
    """The place of a missing key, ``None`` for other errors."""
    return tuple(error["loc"]) if error["type"] == "missing" else None


def _misspelt_keys(errors: list[Any], model: type[BaseModel]) -> set[FieldPath]:
    """Missing keys that an unknown key beside them is a near miss of (``Target``).

    "kunci 'Target' tidak dikenal; maksud Anda 'target'?" says it all; reporting the
    missing 'target' as well would only send the author looking for a second mistake.
    """
    import difflib

    missing = {tuple(e["loc"]) for e in errors if e["type"] == "missing"}
    covered: set[FieldPath] = set()
    for error in errors:
        if error["type"] != "extra_forbidden" or not error["loc"]:
            continue
        where = tuple(error["loc"])
        allowed = _allowed_keys(model, where)
        match = difflib.get_close_matches(str(where[-1]), allowed, n=1, cutoff=0.6)
        if match and (*where[:-1], match[0]) in missing:
            covered.add((*where[:-1], match[0]))
    return covered


_INCOMPLETE_KINDS = {"missing", "too_short"}
"""Errors that mean "something is not there", which a cut-short file always has."""


def _before_stop(source: SourceFile, error: Any, problem: Problem) -> bool:
    if source.stopped_at is None:
        return True
    if error["type"] in _INCOMPLETE_KINDS:
        return False
    value = error.get("input", "")
    if (value is None or (isinstance(value, str) and not value.strip())) and (
        problem.line == source.stopped_at[0] - 1
    ):
        # An empty value right above the error: its text is what YAML could not read.
        return False
    return (problem.line, problem.column) < source.stopped_at


def _located(source: SourceFile, model: type[BaseModel], error: Any) -> Problem:
    where: FieldPath = tuple(error["loc"])
    if error["type"] == "extra_forbidden":
        line, column = source.locate_key(where)
    else:
        line, column = source.locate(where)
    allowed = _allowed_keys(model, where)
    if error["type"] in _MAPPING_KINDS and where and isinstance(where[-1], int):
        allowed = _allowed_keys(model, (*where, ""))
    message = describe_error(error, allowed)
    if where in source.values and error.get("input", "") is None:
        message += _comment_hint(source.line_text(line), column)
    return Problem(source.path, line, column, format_field(where), message)


def _comment_hint(line_text: str, column: int) -> str:
    """Explain a value that is empty because a '#' turned the rest of the line into a comment."""
    if line_text[column - 1 :].lstrip().startswith("#"):
        return (
            " (teks setelah '#' dibaca sebagai komentar; bila '#' bagian dari nilai, "
            "apit seluruh nilai dengan tanda kutip)"
        )
    return ""


def _allowed_keys(model: type[BaseModel], where: FieldPath) -> list[str]:
    """The keys accepted in the mapping that holds ``where`` (for 'maksud Anda')."""
    current: Any = model
    for part in where[:-1]:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return []
        current = _model_in(info.annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside ``X``, ``list[X]`` or ``X | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


_KIND_NAMES: dict[type, str] = {list: "daftar", dict: "pasangan 'kunci: nilai'"}
_MAPPING_KINDS = {"model_type", "model_attributes_type", "dict_type"}


def _written(value: Any) -> str:
    """What the author wrote, short enough to quote in a message: `` (tertulis '...')``."""
    kind = _KIND_NAMES.get(type(value))
    if kind is not None:
        return f", bukan {kind}"
    return f" (tertulis '{shorten(str(value))}')"


def describe_error(error: Any, allowed: list[str]) -> str:
    """An Indonesian message for one pydantic error, saying what to do about it."""
    kind = error["type"]
    where = error["loc"]
    full_name = str(where[-1]) if where else ""
    name = shorten(full_name)
    value = error.get("input")
    if kind == "lampiran":
        return str(error["msg"])
    if kind == "missing":
        return f"kunci '{name}' wajib ada; tambahkan baris '{name}: ...'"
    if kind == "extra_forbidden":
        import difflib  # only needed for an unknown key, so not at every start

        matches = difflib.get_close_matches(full_name, allowed, n=1, cutoff=0.6)
        if matches:
            return f"kunci '{name}' tidak dikenal; maksud Anda '{matches[0]}'?"
        known = ", ".join(allowed)
        return f"kunci '{name}' tidak dikenal; kunci yang dikenal di sini: {known}"
    if value is None:
        return "nilai ini kosong; isi nilainya"
    if kind in {"string_type", "str_type"}:
        shown = _KIND_NAMES.get(type(value), "teks")
        return f"harus berupa teks, bukan {shown}"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"harus berupa angka bulat, misalnya 2024{_written(value)}"
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        return f"tahun harus antara {MIN_TAHUN} dan {MAX_TAHUN}{_written(value)}"
    if kind == "list_type":
        return "harus berupa daftar; awali setiap butir dengan '- ' di baris baru"
    if kind == "too_short" and where == ("program",):
        return (
            "daftar 'program' minimal berisi satu butir; hapus berkas program.yaml "
            "bila Lampiran 1 tidak memuat tabel program"
        )
    if kind == "too_short":
        return f"daftar '{name}' minimal berisi satu butir"
    if kind in _MAPPING_KINDS:
        if not where:
            return "isi berkas harus berupa pasangan 'kunci: nilai'; lihat contoh di README"
        if isinstance(where[-1], int):
            parent = str(where[-2]) if len(where) > 1 else "daftar"
            return (
                f"setiap butir '{parent}' harus berisi pasangan 'kunci: nilai' "
                f"({', '.join(allowed)}), bukan satu nilai saja"
            )
        return (
            f"'{name}' harus berisi pasangan 'kunci: nilai' di baris-baris berikutnya "
            "yang menjorok ke dalam"
        )
    if kind.startswith("date"):
        return (
            f"tanggal tidak valid{_written(value)}; tulis tanggal yang ada di kalender "
            "dengan format TTTT-BB-HH, misalnya 2024-01-31"
        )
    return f"nilai tidak sesuai: {error['msg']}"


def _check_tahun_matches_folder(
    name: str, dokumen: tuple[Dokumen, SourceFile], report: Report
) -> None:
    model, source = dokumen
    if is_year_name(name) and model.tahun != int(name):
        line, column = source.locate(("tahun",))
        report.error(
            source.path,
            line,
            column,
            "tahun",
            f"tahun {model.tahun} tidak sama dengan nama folder '{name}'; "
            f"samakan keduanya (tahun: {name})",
        )


def _check_tanggal_in_year(dokumen: tuple[Dokumen, SourceFile], report: Report) -> None:
    """A signing date outside the year (or its December before) is usually a stale copy."""
    model, source = dokumen
    signing = model.penandatangan
    if signing is None:
        return
    date = signing.tanggal
    if date.year == model.tahun or (date.year == model.tahun - 1 and date.month == 12):
        return
    line, column = source.locate(("penandatangan", "tanggal"))
    report.warning(
        source.path,
        line,
        column,
        "penandatangan.tanggal",
        f"tanggal {date.isoformat()} tidak berada di tahun {model.tahun} "
        f"(atau Desember {model.tahun - 1}); perbarui tanggal penandatanganan",
    )


def _check_status_not_in_jabatan(dokumen: tuple[Dokumen, SourceFile], report: Report) -> None:
    """``status: Plt.`` with ``jabatan: Plt. Kepala ...`` would print "Plt. Plt. Kepala"."""
    model, source = dokumen
    signing = model.penandatangan
    if signing is None:
        return
    parties = (("pihak_pertama", signing.pihak_pertama), ("pihak_kedua", signing.pihak_kedua))
    for key, pihak in parties:
        if pihak.status is None:
            continue
        first_word = pihak.jabatan.split(maxsplit=1)[0]
        if first_word.casefold().rstrip(".") != pihak.status.casefold().rstrip("."):
            continue
        line, column = source.locate(("penandatangan", key, "jabatan"))
        report.error(
            source.path,
            line,
            column,
            f"penandatangan.{key}.jabatan",
            f"jabatan sudah diawali '{first_word}' dan status juga '{pihak.status}', sehingga "
            f"akan tercetak '{pihak.status} {shorten(pihak.jabatan)}'; hapus '{first_word}' "
            "dari jabatan",
        )


def _check_programs(model: ProgramFile, source: SourceFile, report: Report) -> None:
    """Program names are unique; a program with anggaran 0 deserves a second look."""
    seen: dict[str, int] = {}
    for index, program in enumerate(model.program):
        key = name_key(program.nama)
        if key in seen:
            line, column = source.locate(("program", index, "nama"))
            report.error(
                source.path,
                line,
                column,
                f"program[{index}].nama",
                f"nama program sama dengan program[{seen[key]}]; setiap program ditulis sekali, "
                "gabungkan anggarannya",
            )
        else:
            seen[key] = index
        if program.anggaran == 0:
            line, column = source.locate(("program", index, "anggaran"))
            report.warning(
                source.path,
                line,
                column,
                f"program[{index}].anggaran",
                "anggaran program ini 0; isi anggarannya, atau hapus program ini bila tidak "
                "dilaksanakan tahun ini",
            )


def _check_unique_titles(sources: Iterable[SourceFile], report: Report) -> None:
    seen: dict[str, SourceFile] = {}
    for source in sources:
        title = _text_at(source.data, "sasaran")
        if title is None:
            continue
        first = seen.setdefault(name_key(title), source)
        if first is source:
            continue
        line, column = source.locate(("sasaran",))
        report.error(
            source.path,
            line,
            column,
            "sasaran",
            f"judul sasaran sama dengan di {first.path.name}; setiap sasaran harus berjudul beda",
        )


def _check_unique_indicator_names(sources: Iterable[SourceFile], report: Report) -> None:
    seen_anywhere: dict[str, SourceFile] = {}
    for source in sources:
        seen_here: dict[str, int] = {}
        for index, nama in _indicator_names(source.data):
            key = name_key(nama)
            line, column = source.locate(("indikator", index, "nama"))
            field = f"indikator[{index}].nama"
            if key in seen_here:
                report.error(
                    source.path,
                    line,
                    column,
                    field,
                    f"nama indikator sama dengan indikator[{seen_here[key]}] di berkas ini; "
                    "setiap indikator dalam satu sasaran harus bernama beda",
                )
                continue
            seen_here[key] = index
            other = seen_anywhere.setdefault(key, source)
            if other is not source:
                report.warning(
                    source.path,
                    line,
                    column,
                    field,
                    f"indikator yang sama juga ada di {other.path.name}; "
                    "pastikan memang dipakai di dua sasaran",
                )


def _text_at(data: Any, key: str) -> str | None:
    """The non-empty text under ``key`` of a mapping as read, whatever else is wrong."""
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, str) and value.strip() else None


def _indicator_names(data: Any) -> list[tuple[int, str]]:
    """``(index, nama)`` of every indicator that has a name, even in a file with errors."""
    items = data.get("indikator") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return []
    named = ((index, _text_at(item, "nama")) for index, item in enumerate(items))
    return [(index, nama) for index, nama in named if nama is not None]


def raise_for_errors(report: Report) -> None:
    """Stop an operation when the report holds an error."""
    if report.has_errors:
        raise ContentError(report)
