"""The docxtpl template: loading it safely, checking it, and rendering its parts.

A custom template may come from anywhere (another agency, a forum, an e-mail), so it is
treated as untrusted (security.md): :mod:`.package` keeps only the parts a Word document
needs and checks them (no macros, no DOCTYPE, safe zip names), and Jinja runs in a
sandbox bounded in time and size (:mod:`.sandbox`) with autoescape and strict undefined.
Before any document is written, the template is checked: a broken tag, a tag Jinja
cannot run here (``include``, an unknown filter), or a variable the content does not
provide, is refused with the part and paragraph it sits in, so that a Word user can find
it. What a part renders to is checked again as XML, since ``|safe`` can put anything in.

docxtpl's own preprocessing (``patch_xml``: joining tags split across runs, ``{%tr %}``,
``{{p }}``, ``{{r }}``) turns the Word XML into Jinja source. The rendering itself is
done here, not by ``DocxTemplate.render``: that one re-reads the package and recompiles
Jinja for every document, renders core properties through the escaping environment
(double-escaping ``&``), and rewrites ``{_{``/``}_}`` and control characters in the
output, which would change content that contains them.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2 import nodes

from lampiran.errors import StepFailed, shorten
from lampiran.source.files import FileRefused, read_regular_file
from lampiran.writers.docx import sandbox, templatepackage

DEFAULT_TEMPLATE = "templates/lampiran2.docx"
"""The template of Lampiran 2 inside the package (the same file as ``templates/``'s)."""

PREPARED_SOURCES = "templates/lampiran2.jinja.json"
"""docxtpl's preprocessing of the package's template, made by ``scripts/make_template.py``."""

DEFAULT_TEMPLATES = {
    "lampiran2": (DEFAULT_TEMPLATE, PREPARED_SOURCES),
    "perjanjian-kinerja": (
        "templates/perjanjian-kinerja.docx",
        "templates/perjanjian-kinerja.jinja.json",
    ),
}
"""The package's templates by name, each with its prepared Jinja sources: Lampiran 2
alone, and the whole Perjanjian Kinerja (whose parts can also be made one by one)."""

CONTEXT_NAMES = frozenset(
    {
        "lampiran",
        "instansi",
        "tahun",
        "pemerintah_daerah",
        "sasaran",
        "penandatangan",
        "perubahan",
        "perjanjian",
        "bagian",
        "program",
        "jumlah_anggaran",
    }
)
"""The variables a template may use; ``render.py`` provides exactly these."""

_RENDERED_PART = re.compile(r"word/(document|header\d*|footer\d*)\.xml")
_PARAGRAPH_START = re.compile(r"<w:p([ >])")
_TAG = re.compile(r"</?[A-Za-z][\w.-]*:[\w.-]+(?:\s[^>]*)?/?>|<\?xml\s[^>]*\?>")
"""An element of Word's XML (always with a namespace prefix) or the XML declaration;
other ``<`` (in a tag's text: ``{% if a < b %}``, ``'<!DOCTYPE'``) are shown as typed."""
_MISSING_ATTRIBUTE = re.compile(r"has no attribute '([^']+)'|'([^']+)' is undefined")
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold (control characters, lone surrogates)."""
_UNKNOWN_FILTER = re.compile(r"No (filter|test) named '([^']+)'")
_UNSUPPORTED_TAGS = {
    nodes.Extends: "extends",
    nodes.Include: "include",
    nodes.Import: "import",
    nodes.FromImport: "from ... import",
}
_TEMPLATE_FAILURES = (
    ArithmeticError,
    RecursionError,
    MemoryError,
    TypeError,
    ValueError,
    LookupError,
)
"""What Python raises for a tag that computes nonsense (``1/0``, ``'a' - 1``, ...)."""


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
    relationship_ids: frozenset[str]
    """The relationships the part may refer to (those its ``.rels`` part keeps)."""
    variables: frozenset[str] = frozenset()
    """The context names its tags use."""
    bagian: frozenset[str] = frozenset()
    """The parts it tests with ``bagian.<part>``."""

    def render(self, context: Mapping[str, Any], label: str) -> str:
        """The rendered XML, checked; any failure becomes a located :class:`TemplateError`."""
        try:
            xml = sandbox.render(self.template, context)
        except sandbox.RenderRefused as exc:
            place = self._place(_template_line(exc.__traceback__))
            raise TemplateError([f"templat '{label}' {exc.what} ({place}); {exc.fix}"]) from None
        except jinja2.TemplateError as exc:
            line = _template_line(exc.__traceback__)
            raise TemplateError([_describe(exc, label, self.name, self._where(line))]) from None
        except _TEMPLATE_FAILURES as exc:
            place = self._place(_template_line(exc.__traceback__))
            raise TemplateError([_describe_failure(exc, label, place)]) from None
        self._check_rendered(xml, label)
        return xml.replace("\n<w:p", "<w:p")

    def _check_rendered(self, xml: str, label: str) -> None:
        """What ``|safe`` put in must still be a well-formed part without declarations.

        The rendered text keeps one paragraph per line, so a problem is shown with the
        text of the paragraph it is in.
        """
        unstorable = _NOT_IN_XML.search(xml)
        if unstorable is not None:
            near = _rendered_paragraph(xml, xml.count("\n", 0, unstorable.start()) + 1)
            raise TemplateError(
                [
                    f"templat '{label}' menghasilkan karakter yang tidak dapat disimpan "
                    f"(U+{ord(unstorable.group()):04X}) di {self.name}{_near_hint(near)}; "
                    "hapus karakter itu dari tag di templat"
                ]
            )
        data = xml.encode("utf-8")
        try:
            root = templatepackage.check_xml(self.name, data)
            templatepackage.check_references(self.name, root, self.relationship_ids)
        except templatepackage.PackageProblem as exc:
            near = _rendered_paragraph(xml, exc.line)
            raise TemplateError(
                [
                    f"templat '{label}' setelah diisi {exc.what}{_near_hint(near)}; "
                    "periksa tag yang memakai |safe di paragraf itu"
                ]
            ) from None

    def _place(self, line: int | None) -> str:
        return f"di {self.name}{_paragraph_hint(self._where(line))}"

    def _where(self, line: int | None) -> str:
        if line is None or not 0 < line <= len(self.lines):
            return ""
        return paragraph_text(self.lines[line - 1])


@dataclass(frozen=True)
class Template:
    """A loaded template: every part's bytes in package order, and the compiled parts.

    ``variables`` are the context names its tags use and ``bagian`` the parts of the
    Perjanjian Kinerja it can print (``{% if bagian.lampiran_1 %}``...): a template
    without ``bagian`` is a Lampiran 2 template. ``says_perubahan`` is true when its
    titles can say PERUBAHAN (through ``perjanjian`` or ``perubahan``, or as text).
    """

    label: str
    entries: tuple[tuple[str, bytes], ...]
    parts: Mapping[str, TemplatePart]
    variables: frozenset[str] = frozenset()
    bagian: frozenset[str] = frozenset()
    says_perubahan: bool = False

    def entry(self, name: str) -> bytes | None:
        for entry_name, data in self.entries:
            if entry_name == name:
                return data
        return None


def load_template(path: Path | None = None, default: str = "lampiran2") -> Template:
    """Load, check and compile a template (the package's ``default`` when ``path`` is None).

    Results are cached per file content, so rendering many documents reads it once.
    """
    if path is None:
        return _compile(_default_template_bytes(default), "bawaan", default)
    try:
        # Named by the user, so a link is followed; a FIFO or /dev/zero is still refused.
        data = read_regular_file(path, templatepackage.MAX_UNCOMPRESSED, follow_links=True)
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
def _default_template_bytes(name: str) -> bytes:
    return resources.files("lampiran").joinpath(DEFAULT_TEMPLATES[name][0]).read_bytes()


@cache
def _compile(data: bytes, label: str, default: str | None = None) -> Template:
    try:
        entries = templatepackage.read_package(data, label)
    except templatepackage.PackageProblem as exc:
        raise TemplateError([f"templat '{label}' {exc}"]) from None
    environment = _environment()
    prepared, code, names = _prepared_sources(data, default)
    parts: dict[str, TemplatePart] = {}
    problems: list[str] = []
    contents = dict(entries)
    says_perubahan = False
    for name, content in entries:
        if not _RENDERED_PART.fullmatch(name) or b"{" not in content:
            continue
        incomplete = incomplete_tags(content)
        if incomplete:
            problems.extend(
                f"templat '{label}': tag tidak lengkap di {name}{_paragraph_hint(text)}: "
                f"{what}; {_TAG_HELP}"
                for text, what in incomplete
            )
            continue
        source = prepared.get(name) or jinja_source(content.decode("utf-8"))
        says_perubahan = says_perubahan or "PERUBAHAN" in _TAG.sub("", source)
        ids = templatepackage.relationship_ids(contents, name)
        if name in code and name in names:
            parts[name] = _precompiled_part(environment, name, source, code[name], ids, names[name])
            continue
        part = _compile_part(environment, name, source, label, problems, ids)
        if part is not None:
            parts[name] = part
    if problems:
        raise TemplateError(problems)
    variables = frozenset().union(*(part.variables for part in parts.values()))
    bagian = frozenset().union(*(part.bagian for part in parts.values()))
    says_perubahan = says_perubahan or bool(variables & {"perjanjian", "perubahan"})
    return Template(label, tuple(entries), parts, variables, bagian, says_perubahan)


_TAG_HELP = (
    "perbaiki tag itu di Word (setiap '{{' perlu '}}', setiap '{%' perlu '%}', "
    "setiap 'for'/'if' perlu 'endfor'/'endif')"
)
_DELIMITERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
_DELIMITER = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")


def incomplete_tags(xml: bytes) -> list[tuple[str, str]]:
    """Every paragraph holding a ``{{``/``{%`` that is not a complete tag, and why.

    Jinja would read a tag missing one brace (``{{ s.sasaran }``) on into the next
    tag and print nothing, without an error; docxtpl tags never span paragraphs, so
    each paragraph's text is checked on its own: every opening delimiter closes with
    its own closing one before the next tag opens, and no closing one stands alone.
    """
    from lampiran.writers.docx.oxml import parse_xml, qn

    texts: dict[Any, list[str]] = {}
    for text in parse_xml(xml).iter(qn("w:t")):
        paragraph = next(text.iterancestors(qn("w:p")), None)
        if paragraph is not None:
            texts.setdefault(paragraph, []).append(text.text or "")
    found = []
    for parts in texts.values():
        text = "".join(parts)
        problem = _delimiter_problem(text)
        if problem is not None:
            found.append((_shorten(text), problem))
    return found


def _delimiter_problem(text: str) -> str | None:
    opened: str | None = None
    for match in _DELIMITER.finditer(text):
        token = match.group()
        if token in _DELIMITERS:
            if opened is not None:
                return f"'{opened}' tidak ditutup dengan '{_DELIMITERS[opened]}'"
            opened = token
        elif opened is None:
            return f"'{token}' tanpa pembuka"
        elif token != _DELIMITERS[opened]:
            return f"'{opened}' ditutup dengan '{token}', seharusnya '{_DELIMITERS[opened]}'"
        else:
            opened = None
    if opened is not None:
        return f"'{opened}' tidak ditutup dengan '{_DELIMITERS[opened]}'"
    return None


def jinja_source(xml: str) -> str:
    """docxtpl's preprocessing of one part, one paragraph per line (for error places)."""
    from docxtpl.template import DocxTemplate

    return _PARAGRAPH_START.sub(r"\n<w:p\1", DocxTemplate.patch_xml(None, xml))


def _prepared_sources(
    data: bytes, default: str | None
) -> tuple[Mapping[str, str], Mapping[str, str], Mapping[str, UsedNames]]:
    """The Jinja sources, compiled code and used names of one of the package's templates.

    Importing docxtpl (and python-docx with it) costs about 0.1 s at every start, only to
    run its preprocessing on a template that never changes, and compiling its Jinja
    another 30 ms; ``scripts/make_template.py`` stores both next to the template, keyed
    by the template's SHA-256 (a test keeps them equal to what the script makes), with
    the names each part uses (:func:`used_names`). A template named by the user may be
    an unchanged copy of one of them; any other template (or a changed one) goes
    through docxtpl and is compiled and checked.
    """
    digest = hashlib.sha256(data).hexdigest()
    for name in [default] if default is not None else list(DEFAULT_TEMPLATES):
        prepared = resources.files("lampiran").joinpath(DEFAULT_TEMPLATES[name][1])
        if not prepared.is_file():
            continue
        stored = json.loads(prepared.read_text(encoding="utf-8"))
        if stored.get("sha256") != digest:
            continue
        parts: dict[str, str] = stored["parts"]
        code: dict[str, str] = stored.get("code", {})
        names = {
            part: UsedNames(frozenset(used["variables"]), frozenset(used["bagian"]))
            for part, used in stored.get("names", {}).items()
        }
        return parts, code, names
    return {}, {}, {}


@dataclass(frozen=True)
class UsedNames:
    """The context names a part's tags use, and the parts it tests (``bagian.<part>``)."""

    variables: frozenset[str]
    bagian: frozenset[str]


def used_names(parsed: nodes.Template) -> UsedNames:
    """What :class:`UsedNames` says of a parsed part."""
    from jinja2 import meta

    return UsedNames(
        frozenset(meta.find_undeclared_variables(parsed)),
        frozenset(
            node.attr
            for node in parsed.find_all(nodes.Getattr)
            if isinstance(node.node, nodes.Name) and node.node.name == "bagian"
        ),
    )


def source_names(source: str) -> UsedNames:
    """:func:`used_names` of a part's Jinja source (for ``scripts/make_template.py``)."""
    return used_names(_environment().parse(source))


def compiled_code(name: str, source: str) -> str:
    """The Python code Jinja compiles ``source`` to, in the bounded environment."""
    code: str = _environment().compile(source, name=name, raw=True)
    return code


def _precompiled_part(
    environment: sandbox.BoundedEnvironment,
    name: str,
    source: str,
    code: str,
    relationship_ids: frozenset[str],
    used: UsedNames,
) -> TemplatePart:
    """A part of the package's own template from its stored code (checked when made)."""
    compiled = environment.template_class.from_code(
        environment, compile(code, name, "exec"), environment.make_globals(None), None
    )
    return TemplatePart(
        name, compiled, tuple(source.split("\n")), relationship_ids, used.variables, used.bagian
    )


def _compile_part(
    environment: sandbox.BoundedEnvironment,
    name: str,
    source: str,
    label: str,
    problems: list[str],
    relationship_ids: frozenset[str],
) -> TemplatePart | None:
    lines = tuple(source.split("\n"))

    def paragraph_at(line: int | None) -> str:
        return paragraph_text(lines[line - 1]) if line and 0 < line <= len(lines) else ""

    try:
        parsed = environment.parse(source)
    except jinja2.TemplateSyntaxError as exc:
        problems.append(
            f"templat '{label}': tag rusak di {name}{_paragraph_hint(paragraph_at(exc.lineno))}: "
            f"{exc.message}; perbaiki tag itu di Word (setiap '{{{{' perlu '}}}}', setiap "
            "'{%' perlu '%}', setiap 'for'/'if' perlu 'endfor'/'endif')"
        )
        return None
    except RecursionError:
        problems.append(_too_deep(label, name))
        return None
    unsupported = list(parsed.find_all(tuple(_UNSUPPORTED_TAGS)))
    for node in unsupported:
        problems.append(
            f"templat '{label}': tag '{{% {_UNSUPPORTED_TAGS[type(node)]} %}}' tidak didukung "
            f"(di {name}{_paragraph_hint(paragraph_at(node.lineno))}); templat harus memuat "
            "seluruh isinya sendiri: salin isi yang dimaksud langsung ke templat"
        )
    if unsupported:
        return None
    try:
        used = used_names(parsed)
        undeclared = used.variables
        compiled = environment.from_string(parsed)
    except jinja2.TemplateSyntaxError as exc:
        problems.append(_describe_compile_error(exc, label, name, paragraph_at(exc.lineno)))
        return None
    except RecursionError:
        problems.append(_too_deep(label, name))
        return None
    for variable in sorted(undeclared - CONTEXT_NAMES):
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
    return TemplatePart(name, compiled, lines, relationship_ids, used.variables, used.bagian)


@cache
def _environment() -> sandbox.BoundedEnvironment:
    """Sandboxed and bounded (untrusted templates), escaping (content is text), strict
    (no blanks)."""
    return sandbox.BoundedEnvironment(
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )


def paragraph_text(xml_line: str) -> str:
    """The visible text of one line of template XML, shortened for a message."""
    return _shorten(html.unescape(_TAG.sub("", xml_line)))


def _shorten(text: str) -> str:
    text = " ".join(text.split())
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


def _near_hint(text: str) -> str:
    return f' (dekat paragraf "{text}")' if text else ""


def _rendered_paragraph(xml: str, line: int | None) -> str:
    """The text of the paragraph at (or last before) one line of a rendered part."""
    lines = xml.split("\n")
    if line is None or not 0 < line <= len(lines):
        return ""
    return next((text for text in map(paragraph_text, reversed(lines[:line])) if text), "")


def _too_deep(label: str, part: str) -> str:
    return (
        f"templat '{label}': tag di {part} bertingkat terlalu dalam; "
        "sederhanakan tag itu (kurangi kurung dan tag di dalam tag)"
    )


def _describe_compile_error(
    exc: jinja2.TemplateSyntaxError, label: str, part: str, where: str
) -> str:
    place = f"di {part}{_paragraph_hint(where)}"
    unknown = _UNKNOWN_FILTER.search(exc.message or "")
    if unknown:
        kind = "filter" if unknown.group(1) == "filter" else "pengujian (is ...)"
        return (
            f"templat '{label}': {kind} '{unknown.group(2)}' tidak dikenal ({place}); "
            f"periksa ejaan nama {kind} itu (yang tersedia hanya bawaan Jinja, misalnya "
            "upper, lower, default, join, length)"
        )
    return f"templat '{label}': tag tidak dapat dipakai ({place}): {exc.message}"


def _describe_failure(exc: Exception, label: str, place: str) -> str:
    """A Python error raised by a tag, in the user's words."""
    if isinstance(exc, ZeroDivisionError):
        what, fix = "membagi dengan nol", "periksa pembagian ('/', '//' atau '%') di tag itu"
    elif isinstance(exc, ArithmeticError):
        what, fix = "menghitung bilangan yang terlalu besar", "periksa perhitungan di tag itu"
    elif isinstance(exc, RecursionError):
        what = "memanggil macro (atau loop rekursif) terlalu dalam"
        fix = "pastikan macro yang memanggil dirinya sendiri berhenti"
    elif isinstance(exc, MemoryError):
        what, fix = "kehabisan memori saat diisi", "periksa pengulangan dan perhitungan di tag itu"
    else:
        what = f"gagal diisi karena nilai yang tidak cocok ({type(exc).__name__}: "
        what += f"{shorten(str(exc), 80)})"
        fix = "periksa tag itu"
    return f"templat '{label}' {what} ({place}); {fix}"


def _describe(exc: jinja2.TemplateError, label: str, part: str, where: str) -> str:
    place = f"di {part}{_paragraph_hint(where)}"
    unknown = _UNKNOWN_FILTER.search(exc.message or "")
    if unknown:
        return (
            f"templat '{label}': filter '{unknown.group(2)}' tidak dikenal ({place}); "
            "periksa ejaan nama filter itu"
        )
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
