"""The docxtpl template: loading it safely, checking it, and rendering its parts.

A custom template may come from anywhere (another agency, a forum, an e-mail), so it is
treated as untrusted (security.md): the package size is limited, XML parts with a
DOCTYPE are refused (no entity can ever be expanded), and Jinja runs in its sandbox with
autoescape and strict undefined. Before any document is written, the template is
checked: a broken tag, or a variable the content does not provide, is refused with the
part and paragraph it sits in, so that a Word user can find it.

docxtpl's own preprocessing (``patch_xml``: joining tags split across runs, ``{%tr %}``,
``{{p }}``, ``{{r }}``) turns the Word XML into Jinja source. The rendering itself is
done here, not by ``DocxTemplate.render``: that one re-reads the package and recompiles
Jinja for every document, renders core properties through the escaping environment
(double-escaping ``&``), and rewrites ``{_{``/``}_}`` and control characters in the
output, which would change content that contains them.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from lampiran.errors import StepFailed
from lampiran.source.files import FileRefused, read_regular_file

DEFAULT_TEMPLATE = "templates/lampiran2.docx"
"""The template inside the package (the same file as ``templates/lampiran2.docx``)."""

PREPARED_SOURCES = "templates/lampiran2.jinja.json"
"""docxtpl's preprocessing of the package's template, made by ``scripts/make_template.py``."""

CONTEXT_NAMES = frozenset(
    {"lampiran", "instansi", "tahun", "pemerintah_daerah", "sasaran", "penandatangan"}
)
"""The variables a template may use; ``render.py`` provides exactly these."""

REQUIRED_PARTS = ("[Content_Types].xml", "_rels/.rels", "word/document.xml")
"""Without these Word cannot open the package (the renderer keeps the rest as it is)."""

MAX_UNCOMPRESSED = 64 * 1024 * 1024
MAX_ENTRIES = 2000
_RENDERED_PART = re.compile(r"word/(document|header\d*|footer\d*)\.xml")
_PARAGRAPH_START = re.compile(r"<w:p([ >])")
_TAG = re.compile(r"<[^>]+>")
_MISSING_ATTRIBUTE = re.compile(r"has no attribute '([^']+)'|'([^']+)' is undefined")


class TemplateError(StepFailed):
    """The template cannot be used; ``problems`` says what and where, in Indonesian."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class TemplatePart:
    """One XML part holding template tags, compiled once."""

    name: str
    template: jinja2.Template
    lines: tuple[str, ...]

    def render(self, context: Mapping[str, Any], label: str) -> str:
        """The rendered XML; a Jinja failure becomes a located :class:`TemplateError`."""
        try:
            xml = self.template.render(context)
        except jinja2.TemplateError as exc:
            line = _template_line(exc.__traceback__)
            raise TemplateError([_describe(exc, label, self.name, self._where(line))]) from None
        return xml.replace("\n<w:p", "<w:p")

    def _where(self, line: int | None) -> str:
        if line is None or not 0 < line <= len(self.lines):
            return ""
        return paragraph_text(self.lines[line - 1])


@dataclass(frozen=True)
class Template:
    """A loaded template: every part's bytes in package order, and the compiled parts."""

    label: str
    entries: tuple[tuple[str, bytes], ...]
    parts: Mapping[str, TemplatePart]

    def entry(self, name: str) -> bytes | None:
        for entry_name, data in self.entries:
            if entry_name == name:
                return data
        return None


def load_template(path: Path | None = None) -> Template:
    """Load, check and compile a template (the package's own when ``path`` is None).

    Results are cached per file content, so rendering many documents reads it once.
    """
    if path is None:
        return _compile(_default_template_bytes(), "bawaan")
    try:
        # Named by the user, so a link is followed; a FIFO or /dev/zero is still refused.
        data = read_regular_file(path, MAX_UNCOMPRESSED, follow_links=True)
    except FileRefused as exc:
        if exc.missing:
            raise TemplateError(
                [f"templat '{path.as_posix()}' tidak ada; periksa lokasi dan nama berkasnya"]
            ) from None
        raise TemplateError(
            [
                f"templat '{path.as_posix()}' tidak dapat dipakai: {exc.reason}; "
                "sebutkan berkas templat Word (.docx)"
            ]
        ) from None
    return _compile(data, path.as_posix())


@cache
def _default_template_bytes() -> bytes:
    return resources.files("lampiran").joinpath(DEFAULT_TEMPLATE).read_bytes()


@cache
def _compile(data: bytes, label: str) -> Template:
    entries = _read_package(data, label)
    environment = _environment()
    prepared = _prepared_sources(data)
    parts: dict[str, TemplatePart] = {}
    problems: list[str] = []
    for name, content in entries:
        if not _RENDERED_PART.fullmatch(name) or b"{" not in content:
            continue
        # The package's own template was checked when it was made (tests hold it to
        # that): its variables need no second look at every start.
        known = name in prepared
        source = prepared.get(name) or jinja_source(content.decode("utf-8"))
        part = _compile_part(environment, name, source, label, problems, checked=known)
        if part is not None:
            parts[name] = part
    if problems:
        raise TemplateError(problems)
    names = {name for name, _ in entries}
    for required in REQUIRED_PARTS:
        if required not in names:
            raise TemplateError(
                [
                    f"templat '{label}' tidak memiliki {required}; "
                    "simpan ulang templat sebagai dokumen Word (.docx)"
                ]
            )
    return Template(label, tuple(entries), parts)


def jinja_source(xml: str) -> str:
    """docxtpl's preprocessing of one part, one paragraph per line (for error places)."""
    from docxtpl.template import DocxTemplate

    return _PARAGRAPH_START.sub(r"\n<w:p\1", DocxTemplate.patch_xml(None, xml))


def _prepared_sources(data: bytes) -> Mapping[str, str]:
    """The Jinja sources of the package's own template, prepared when it was generated.

    Importing docxtpl (and python-docx with it) costs about 0.1 s at every start, only to
    run its preprocessing on a template that never changes; ``scripts/make_template.py``
    stores the result next to the template, keyed by the template's SHA-256. Any other
    template (or a changed one) goes through docxtpl.
    """
    prepared = resources.files("lampiran").joinpath(PREPARED_SOURCES)
    if not prepared.is_file():
        return {}
    stored = json.loads(prepared.read_text(encoding="utf-8"))
    if stored.get("sha256") != hashlib.sha256(data).hexdigest():
        return {}
    parts: dict[str, str] = stored["parts"]
    return parts


def _compile_part(
    environment: SandboxedEnvironment,
    name: str,
    source: str,
    label: str,
    problems: list[str],
    *,
    checked: bool = False,
) -> TemplatePart | None:
    lines = tuple(source.split("\n"))
    try:
        parsed = environment.parse(source)
    except jinja2.TemplateSyntaxError as exc:
        where = paragraph_text(lines[exc.lineno - 1]) if 0 < exc.lineno <= len(lines) else ""
        problems.append(
            f"templat '{label}': tag rusak di {name}{_paragraph_hint(where)}: {exc.message}; "
            "perbaiki tag itu di Word (setiap '{{' perlu '}}', setiap '{%' perlu '%}', "
            "setiap 'for'/'if' perlu 'endfor'/'endif')"
        )
        return None
    if not checked:
        problems += unknown_variables(parsed, lines, name, label)
    return TemplatePart(name, environment.from_string(parsed), lines)


def unknown_variables(
    parsed: jinja2.nodes.Template, lines: tuple[str, ...], name: str, label: str
) -> list[str]:
    """A message for each variable of a part that the content does not provide."""
    from jinja2 import meta

    problems = []
    for variable in sorted(meta.find_undeclared_variables(parsed) - CONTEXT_NAMES):
        where = next(
            (
                paragraph_text(line)
                for line in lines
                if re.search(rf"\b{re.escape(variable)}\b", paragraph_text(line))
            ),
            "",
        )
        problems.append(
            f"templat '{label}': variabel '{variable}' tidak disediakan oleh isi "
            f"(di {name}{_paragraph_hint(where)}); variabel yang tersedia: "
            f"{', '.join(sorted(CONTEXT_NAMES))}"
        )
    return problems


@cache
def _environment() -> SandboxedEnvironment:
    """Sandboxed (untrusted templates), escaping (content is text), strict (no blanks)."""
    return SandboxedEnvironment(
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )


def _read_package(data: bytes, label: str) -> list[tuple[str, bytes]]:
    """Every part of the package, in order, within the size limits."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
    except zipfile.BadZipFile:
        raise TemplateError(
            [
                f"templat '{label}' bukan berkas Word (.docx) yang sah; "
                "buka dan simpan ulang di Word sebagai .docx"
            ]
        ) from None
    total = sum(info.file_size for info in infos)
    if len(infos) > MAX_ENTRIES or total > MAX_UNCOMPRESSED:
        raise TemplateError(
            [
                f"templat '{label}' terlalu besar setelah diekstrak "
                f"({len(infos)} bagian, {total // (1024 * 1024)} MB); "
                "gunakan templat Word biasa tanpa lampiran berukuran besar"
            ]
        )
    entries: list[tuple[str, bytes]] = []
    seen: set[str] = set()
    for info in infos:
        if info.is_dir():
            continue
        # Part names are case-insensitive (OPC); a package holding one twice makes Word
        # report unreadable content, and which copy wins is anyone's guess.
        if info.filename.casefold() in seen:
            raise TemplateError(
                [
                    f"templat '{label}' memuat bagian {info.filename} dua kali; "
                    "buka dan simpan ulang templat di Word sebagai .docx"
                ]
            )
        seen.add(info.filename.casefold())
        content = package.read(info)
        if info.filename.endswith((".xml", ".rels")) and b"<!DOCTYPE" in content.upper():
            raise TemplateError(
                [
                    f"templat '{label}' memuat deklarasi DOCTYPE di "
                    f"{info.filename}, yang tidak diizinkan; simpan ulang "
                    "templat dari Word"
                ]
            )
        entries.append((info.filename, content))
    return entries


def paragraph_text(xml_line: str) -> str:
    """The visible text of one line of template XML, shortened for a message."""
    text = " ".join(_TAG.sub("", xml_line).split())
    return text if len(text) <= 80 else text[:77] + "..."


def _paragraph_hint(text: str) -> str:
    return f', paragraf "{text}"' if text else ""


def _template_line(traceback: TracebackType | None) -> int | None:
    """The template line of the innermost frame that runs template code."""
    line = None
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == "<template>":
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line


def _describe(exc: jinja2.TemplateError, label: str, part: str, where: str) -> str:
    place = f"di {part}{_paragraph_hint(where)}"
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return (
            f"templat '{label}' mencoba mengakses bagian Python yang tidak diizinkan "
            f"({place}); hapus tag itu dari templat"
        )
    if isinstance(exc, jinja2.UndefinedError):
        match = _MISSING_ATTRIBUTE.search(exc.message or "")
        name = next((g for g in match.groups() if g), "?") if match else "?"
        return (
            f"templat '{label}' meminta '{name}' yang tidak disediakan oleh isi "
            f"({place}); periksa ejaan nama variabel di tag itu"
        )
    return f"templat '{label}' gagal diisi ({place}): {exc.message}"
