"""Checks of prose fields that need the Markdown parser's view of them.

Lists deeper than the document prints (a list and one level of lists inside it) are
moved up to the second level by the parser, so that no input can exhaust it; the
author is told where, because the printed list is then not what they wrote.
"""

from __future__ import annotations

from collections.abc import Iterator

from lampiran.content.models import Sasaran
from lampiran.errors import Problem, Severity
from lampiran.source.yamlreader import FieldPath, SourceFile, format_field
from lampiran.text.listlines import too_deep_lines

_DEEP_LIST = (
    "daftar bertingkat lebih dari dua tingkat (baris ke-{line} teks ini); butir itu dicetak "
    "pada tingkat kedua. Kurangi indentasinya atau tulis sebagai kalimat"
)


def prose_fields(model: Sasaran) -> Iterator[tuple[FieldPath, str]]:
    """Every prose (Markdown) field of a sasaran file with its place."""
    yield ("uraian",), model.uraian
    for index, indikator in enumerate(model.indikator):
        for key in ("relevansi", "formulasi", "sumber_data", "penjelasan_target"):
            text = getattr(indikator, key)
            if text:
                yield ("indikator", index, key), text


def check_prose(model: Sasaran, source: SourceFile) -> Iterator[Problem]:
    """Warnings for list items nested deeper than printed, at their field."""
    for where, text in prose_fields(model):
        for line in too_deep_lines(text)[:1]:
            yield Problem(
                source.path,
                *source.locate(where),
                format_field(where),
                _DEEP_LIST.format(line=line),
                Severity.WARNING,
            )
