"""What the template's styles make of a paragraph or run: its font, size and indents.

Column widths are measured with the font a word is printed in, and that font is a
property of the styles (docDefaults, then the paragraph style and its ``basedOn``
chain, then a character style, then direct formatting), as Word resolves it. Only what
measuring needs is resolved: font family, size, bold, italic, underline, indents and
line spacing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from lampiran.writers.docx.oxml import Element, parse_xml, qn, val

STYLES_PART = "word/styles.xml"
THEME_PART = "word/theme/theme1.xml"

DEFAULT_FONT = "Arial"
DEFAULT_SIZE_PT = 10.0
"""Word's size when nothing in the styles says otherwise."""

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@dataclass(frozen=True)
class RunLook:
    """How a run is printed, as far as its width is concerned."""

    font: str = DEFAULT_FONT
    size_pt: float = DEFAULT_SIZE_PT
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass(frozen=True)
class ParagraphLook:
    """Indents (twips), line spacing and the space around a paragraph."""

    left: int = 0
    first_line: int = 0
    """Positive for a first-line indent, negative for a hanging one."""
    line_factor: float = 1.0
    before: int = 0
    after: int = 0


class StyleSheet:
    """The styles part of a template, resolved on demand (each style once)."""

    def __init__(self, styles: Element | None, theme: Element | None = None) -> None:
        self._styles: dict[str, Element] = {}
        self._names: dict[str, str] = {}
        self._default_paragraph: str | None = None
        self._run_defaults: Element | None = None
        self._paragraph_defaults: Element | None = None
        self._theme_fonts = _theme_fonts(theme)
        if styles is not None:
            for style in styles.iter(qn("w:style")):
                style_id = style.get(qn("w:styleId"))
                if style_id is None:
                    continue
                self._styles[style_id] = style
                name = val(style.find(qn("w:name")))
                if name:
                    self._names[name.casefold()] = style_id
                if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in (
                    "1",
                    "true",
                ):
                    self._default_paragraph = style_id
            defaults = styles.find(qn("w:docDefaults"))
            if defaults is not None:
                self._run_defaults = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
                self._paragraph_defaults = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
        self._run_cache: dict[tuple[str | None, str | None], RunLook] = {}
        self._paragraph_cache: dict[str | None, ParagraphLook] = {}

    @classmethod
    def from_parts(cls, parts: Mapping[str, bytes | None]) -> StyleSheet:
        """From the package's ``word/styles.xml`` and ``word/theme/theme1.xml`` bytes."""
        styles = parts.get(STYLES_PART)
        theme = parts.get(THEME_PART)
        return cls(parse_xml(styles) if styles else None, parse_xml(theme) if theme else None)

    def style_id(self, name: str) -> str | None:
        """The id of the style called ``name`` (names survive a re-save, ids may not)."""
        return self._names.get(name.casefold())

    def paragraph_style(self, paragraph: Element) -> str | None:
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        return val(style) if style is not None else self._default_paragraph

    def run_look(self, paragraph_style: str | None, run: Element | None = None) -> RunLook:
        """The look of a run (or of the paragraph's text when ``run`` is None)."""
        character_style = None
        properties = run.find(qn("w:rPr")) if run is not None else None
        if properties is not None:
            character_style = val(properties.find(qn("w:rStyle")))
        key = (paragraph_style, character_style)
        look = self._run_cache.get(key)
        if look is None:
            look = self._apply_run(RunLook(), self._run_defaults)
            for style in self._chain(paragraph_style or self._default_paragraph):
                look = self._apply_run(look, style.find(qn("w:rPr")))
            for style in self._chain(character_style):
                look = self._apply_run(look, style.find(qn("w:rPr")))
            self._run_cache[key] = look
        return self._apply_run(look, properties)

    def paragraph_look(self, paragraph: Element) -> ParagraphLook:
        """Indents and spacing of a paragraph: its style, then its own properties."""
        look = self.style_look(self.paragraph_style(paragraph))
        return _apply_paragraph(look, paragraph.find(qn("w:pPr")))

    def style_look(self, style_id: str | None) -> ParagraphLook:
        """Indents and spacing that a paragraph style gives (through ``basedOn``)."""
        look = self._paragraph_cache.get(style_id)
        if look is None:
            look = _apply_paragraph(ParagraphLook(), self._paragraph_defaults)
            for style in self._chain(style_id or self._default_paragraph):
                look = _apply_paragraph(look, style.find(qn("w:pPr")))
            self._paragraph_cache[style_id] = look
        return look

    def table_style_properties(self, style_id: str) -> list[Element]:
        """The ``w:tblPr`` of a table style and its ancestors, the most general first."""
        return [
            found
            for style in self._chain(style_id)
            if (found := style.find(qn("w:tblPr"))) is not None
        ]

    def _chain(self, style_id: str | None) -> list[Element]:
        """The style and its ``basedOn`` ancestors, the most general first."""
        chain: list[Element] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            style = self._styles[style_id]
            chain.append(style)
            style_id = val(style.find(qn("w:basedOn")))
        return chain[::-1]

    def _apply_run(self, look: RunLook, properties: Element | None) -> RunLook:
        if properties is None:
            return look
        changes: dict[str, Any] = {}
        fonts = properties.find(qn("w:rFonts"))
        if fonts is not None:
            family = fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi"))
            theme = fonts.get(qn("w:asciiTheme")) or fonts.get(qn("w:hAnsiTheme"))
            if theme and theme in self._theme_fonts:
                family = self._theme_fonts[theme]
            if family:
                changes["font"] = family
        size = val(properties.find(qn("w:sz")))
        if size is not None and size.isdigit():
            changes["size_pt"] = int(size) / 2
        for name, element in (("bold", "w:b"), ("italic", "w:i")):
            found = properties.find(qn(element))
            if found is not None:
                changes[name] = _on(found)
        underline = properties.find(qn("w:u"))
        if underline is not None:
            changes["underline"] = val(underline, "single") != "none"
        return replace(look, **changes) if changes else look


def _apply_paragraph(look: ParagraphLook, properties: Element | None) -> ParagraphLook:
    if properties is None:
        return look
    changes: dict[str, Any] = {}
    indent = properties.find(qn("w:ind"))
    if indent is not None:
        left = indent.get(qn("w:left")) or indent.get(qn("w:start"))
        if left is not None and _is_int(left):
            changes["left"] = int(left)
        first, hanging = indent.get(qn("w:firstLine")), indent.get(qn("w:hanging"))
        if hanging is not None and _is_int(hanging):
            changes["first_line"] = -int(hanging)
        elif first is not None and _is_int(first):
            changes["first_line"] = int(first)
    spacing = properties.find(qn("w:spacing"))
    if spacing is not None:
        line, rule = spacing.get(qn("w:line")), spacing.get(qn("w:lineRule"), "auto")
        if line is not None and _is_int(line) and rule == "auto":
            changes["line_factor"] = int(line) / 240
        for name in ("before", "after"):
            value = spacing.get(qn(f"w:{name}"))
            if value is not None and _is_int(value):
                changes[name] = int(value)
    return replace(look, **changes) if changes else look


def _on(element: Element) -> bool:
    return val(element, "true") not in ("0", "false", "off")


def _is_int(text: str) -> bool:
    return text.lstrip("-").isdigit()


def _theme_fonts(theme: Element | None) -> dict[str, str]:
    """``minorHAnsi`` and friends: the theme's Latin body and heading fonts."""
    if theme is None:
        return {}
    fonts: dict[str, str] = {}
    for kind in ("minor", "major"):
        latin = theme.find(f".//{_A}{kind}Font/{_A}latin")
        if latin is not None and latin.get("typeface"):
            for slot in ("HAnsi", "Ascii", "Bidi", "EastAsia"):
                fonts[f"{kind}{slot}"] = latin.get("typeface")
    return fonts


def paragraph_text_runs(paragraph: Element) -> Iterable[tuple[Element, str]]:
    """Each run of the paragraph with its text; a line break or tab is a newline/tab."""
    for run in paragraph.iter(qn("w:r")):
        parts: list[str] = []
        for item in run:
            if item.tag == qn("w:t"):
                parts.append(item.text or "")
            elif item.tag in (qn("w:br"), qn("w:cr")):
                parts.append("\n")
            elif item.tag == qn("w:tab"):
                parts.append("\t")
        if parts:
            yield run, "".join(parts)
