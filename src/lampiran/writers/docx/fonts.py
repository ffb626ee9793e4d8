"""How wide text is in the styles' font: advance widths, for sizing table columns.

A column must hold the longest word it prints (layout.md), so its width is measured
with the font the styles name. Arial, the template's font, and the families that share
its metrics (Liberation Sans, which LibreOffice prints instead on Linux, Arimo,
Helvetica) are measured from a table shipped in the package (made from Liberation Sans by
``scripts/make_font_metrics.py``): the widths, and so the document's bytes, are the same on
every machine. Any other family a user picks in the template is read from its installed
font file with fontTools; when it is not installed the Arial table stands in (the PDF
maker then substitutes a font as well).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

BUNDLED_METRICS = "data/arial-metrics.json"
"""Advance widths of Liberation Sans (= Arial), per face, inside the package."""

ARIAL_FAMILIES = frozenset({"arial", "liberation sans", "arimo", "helvetica", "arial mt"})
"""Families measured with the bundled table: Arial and its metric-compatible twins."""

METRIC_TWINS: Mapping[str, tuple[str, ...]] = {
    "times new roman": ("liberation serif", "tinos"),
    "courier new": ("liberation mono", "cousine"),
    "liberation serif": ("times new roman", "tinos"),
    "liberation mono": ("courier new", "cousine"),
}
"""Families that may be measured with an installed twin of the same metrics."""

MAX_FONT_FILES = 5000
"""Font files looked at when searching the installed fonts (a bound, not a guess)."""

_FACES = ("regular", "bold", "italic", "bold-italic")


def face_name(bold: bool, italic: bool) -> str:
    return _FACES[int(bold) + 2 * int(italic)]


@dataclass(frozen=True)
class FontMetrics:
    """The advance width of each character of one face, in font units."""

    units_per_em: int
    advances: Mapping[int, int]
    fallback: int
    """Advance of a character the font lacks (the widest capital stands in)."""

    def width(self, text: str, size_pt: float) -> float:
        """The width of ``text`` set in this face at ``size_pt``, in points."""
        units = sum(self.advances.get(ord(character), self.fallback) for character in text)
        return units * size_pt / self.units_per_em


def metrics(family: str, bold: bool, italic: bool) -> FontMetrics:
    """The metrics of one face of ``family`` (the bundled Arial table when unknown)."""
    return _metrics(family.strip().casefold(), bold, italic)


@cache
def _metrics(family: str, bold: bool, italic: bool) -> FontMetrics:
    face = face_name(bold, italic)
    if family not in ARIAL_FAMILIES:
        for name in (family, *METRIC_TWINS.get(family, ())):
            path = _installed_fonts().get((name, face))
            if path is not None:
                found = _read_font(path)
                if found is not None:
                    return found
    return _bundled()[face]


@cache
def _bundled() -> Mapping[str, FontMetrics]:
    record = json.loads(resources.files("lampiran").joinpath(BUNDLED_METRICS).read_text("utf-8"))
    return {
        face: _from_advances(record["units_per_em"], {int(c): w for c, w in widths.items()})
        for face, widths in record["faces"].items()
    }


def _from_advances(units_per_em: int, advances: Mapping[int, int]) -> FontMetrics:
    capitals = [advances[ord(c)] for c in "MW" if ord(c) in advances]
    fallback = max(capitals) if capitals else units_per_em
    return FontMetrics(units_per_em, advances, fallback)


def metrics_record(paths: Mapping[str, Path]) -> str:
    """The bundled table's JSON, from one font file per face (for the generator script)."""
    from fontTools.ttLib import TTFont

    faces: dict[str, dict[str, int]] = {}
    units = 0
    for face in _FACES:
        font = TTFont(str(paths[face]), lazy=True)
        units = int(font["head"].unitsPerEm)
        widths = font["hmtx"]
        faces[face] = {
            str(code): int(widths[glyph][0]) for code, glyph in sorted(font.getBestCmap().items())
        }
    record: dict[str, object] = {
        "source": "Liberation Sans (metric-compatible with Arial)",
        "units_per_em": units,
        "faces": faces,
    }
    return json.dumps(record, sort_keys=True, separators=(",", ":")) + "\n"


def _read_font(path: Path) -> FontMetrics | None:
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(str(path), lazy=True, fontNumber=0)
        widths = font["hmtx"]
        advances = {code: int(widths[glyph][0]) for code, glyph in font.getBestCmap().items()}
        return _from_advances(int(font["head"].unitsPerEm), advances)
    except Exception:  # a damaged or unusual font file: measure with Arial instead
        return None


@cache
def _installed_fonts() -> Mapping[tuple[str, str], Path]:
    """Installed font files by (family, face), read from their name tables once."""
    from fontTools.ttLib import TTFont

    found: dict[tuple[str, str], Path] = {}
    for path in _font_files():
        try:
            font = TTFont(str(path), lazy=True, fontNumber=0)
            names = font["name"]
            family = names.getDebugName(16) or names.getDebugName(1)
            style = font["head"].macStyle
        except Exception:  # not a font fontTools can read: it is simply not offered
            continue
        if family:
            face = face_name(bool(style & 1), bool(style & 2))
            found.setdefault((family.strip().casefold(), face), path)
    return found


def _font_files() -> Iterator[Path]:
    count = 0
    for folder in _font_folders():
        if not folder.is_dir():
            continue
        for root, _, files in os.walk(folder):
            for name in sorted(files):
                if name.lower().endswith((".ttf", ".otf", ".ttc")):
                    count += 1
                    if count > MAX_FONT_FILES:
                        return
                    yield Path(root) / name


def _font_folders() -> list[Path]:
    """Where the operating system keeps installed fonts."""
    home = Path.home()
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = os.environ.get("LOCALAPPDATA")
        folders = [windows / "Fonts"]
        if local:
            folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return folders
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local/share/fonts",
        home / ".fonts",
    ]
